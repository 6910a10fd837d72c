/** Payloads of the backend's transfer API (`/api/transfer/targets`, `/api/transfers`). */
export type TargetType = 'worker' | 'queue' | 'workflow';

export type TransferMode = 'cold' | 'warm';

export type TransferStatus = 'pending' | 'accepted' | 'completed' | 'rolled_back' | 'canceled' | 'failed';

export interface TransferTarget {
  sid: string;
  name: string;
  available?: boolean;
  activity?: string;
  freeCapacity?: number;
  availableWorkers?: number;
}

export interface TransferTargets {
  type: TargetType;
  taskChannel: string;
  targets: TransferTarget[];
}

export interface TransferRequest {
  taskSid: string;
  targetType: TargetType;
  targetSid: string;
  mode: TransferMode;
  note?: string;
}

export interface Transfer {
  transferId: string;
  taskSid: string;
  status: TransferStatus;
  reason?: string;
  targetType: TargetType;
  targetSid: string;
  mode: TransferMode;
  inviteTaskSid?: string;
}

export const isInProgress = (status: TransferStatus): boolean => status === 'pending' || status === 'accepted';

/** WK… is an agent, WQ… a queue, WW… a workflow: how Flex's TransferTask names its target. */
export const targetTypeOf = (sid: string): TargetType | undefined => {
  if (sid.startsWith('WK')) return 'worker';
  if (sid.startsWith('WQ')) return 'queue';
  if (sid.startsWith('WW')) return 'workflow';
  return undefined;
};

const REASONS: Record<string, string> = {
  target_rejected: 'the target declined',
  target_timed_out: 'the target did not answer in time',
  target_offline: 'the target went offline',
};

export const describeReason = (reason: string | undefined): string => {
  if (!reason) return '';
  return REASONS[reason] ?? reason;
};
