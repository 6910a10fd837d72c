import type { BackendClient } from '../../../utils/backend-client';
import type { TargetType, Transfer, TransferRequest, TransferTargets } from '../types/transfer';

const query = (params: Record<string, string | undefined>): string =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v as string)}`)
    .join('&');

export const listTargets = (client: BackendClient, type: TargetType, q: string, taskSid?: string) =>
  client.get<TransferTargets>(`/api/transfer/targets?${query({ type, q, taskSid })}`);

export const startTransfer = (client: BackendClient, request: TransferRequest) =>
  client.post<Transfer>('/api/transfers', request);

export const getTransfer = (client: BackendClient, id: string) =>
  client.get<Transfer>(`/api/transfers/${encodeURIComponent(id)}`);

export const cancelTransfer = (client: BackendClient, id: string) =>
  client.delete<Transfer>(`/api/transfers/${encodeURIComponent(id)}`);

export const completeTransfer = (client: BackendClient, id: string) =>
  client.post<Transfer>(`/api/transfers/${encodeURIComponent(id)}/complete`, {});
