import enUS from '../strings/en-us.json';
import type { StringsSource } from '../../../utils/strings';

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

/**
 * A rollback reason in the agent's language: `target_timed_out` reads the template
 * `FMKTransferReasonTargetTimedOut`; a reason we have no words for is shown as the backend sent it.
 */
export const describeReason = (strings: StringsSource, reason: string | undefined): string => {
  if (!reason) return '';
  const key = `FMKTransferReason${reason.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`;
  return strings[key] ?? (enUS as Record<string, string>)[key] ?? reason;
};
