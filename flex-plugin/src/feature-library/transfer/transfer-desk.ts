import type { BackendClient } from '../../utils/backend-client';
import { BackendRequestError } from '../../utils/backend-client';
import { cancelTransfer, completeTransfer, getTransfer, startTransfer } from './api/transfer-api';
import { TransferNotification } from './flex-hooks/strings';
import type { Transfer, TransferRequest } from './types/transfer';
import { isInProgress } from './types/transfer';

export type Notify = (id: TransferNotification, context: Record<string, string>) => void;

type Listener = () => void;

/**
 * The agent's transfers, by task: what the canvas button shows and what wrap-up checks. A
 * transfer in progress is polled until it ends; how it ended becomes a Flex notification.
 */
export class TransferDesk {
  private readonly byTask = new Map<string, Transfer>();

  private readonly listeners = new Set<Listener>();

  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly client: BackendClient,
    private readonly notify: Notify,
    private readonly pollIntervalMs: number,
  ) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  transferOf(taskSid: string): Transfer | undefined {
    return this.byTask.get(taskSid);
  }

  isPending(taskSid: string): boolean {
    const t = this.byTask.get(taskSid);
    return t !== undefined && isInProgress(t.status);
  }

  /** Starts a transfer; a refusal (409, 400…) becomes a notification and resolves undefined. */
  async start(request: TransferRequest): Promise<Transfer | undefined> {
    try {
      const transfer = await startTransfer(this.client, request);
      this.update(transfer);
      return transfer;
    } catch (error) {
      this.notify(TransferNotification.Failed, { reason: reasonOf(error) });
      return undefined;
    }
  }

  async cancel(taskSid: string): Promise<void> {
    const t = this.byTask.get(taskSid);
    if (!t) return;
    try {
      this.update(await cancelTransfer(this.client, t.transferId));
    } catch (error) {
      this.notify(TransferNotification.Failed, { reason: reasonOf(error) });
    }
  }

  /** Warm transfer: the target has joined; the original agent leaves. */
  async leave(taskSid: string): Promise<void> {
    const t = this.byTask.get(taskSid);
    if (!t) return;
    try {
      this.update(await completeTransfer(this.client, t.transferId));
    } catch (error) {
      this.notify(TransferNotification.Failed, { reason: reasonOf(error) });
    }
  }

  async refresh(taskSid: string): Promise<void> {
    const t = this.byTask.get(taskSid);
    if (!t) return;
    try {
      this.update(await getTransfer(this.client, t.transferId));
    } catch {
      this.schedule(t);
    }
  }

  private update(next: Transfer): void {
    const previous = this.byTask.get(next.taskSid);
    this.byTask.set(next.taskSid, next);
    if (previous?.status !== next.status) {
      this.announce(next);
    }
    this.listeners.forEach((l) => l());
    this.schedule(next);
  }

  private schedule(t: Transfer): void {
    const timer = this.timers.get(t.taskSid);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(t.taskSid);
    if (isInProgress(t.status)) {
      this.timers.set(
        t.taskSid,
        setTimeout(() => void this.refresh(t.taskSid), this.pollIntervalMs),
      );
    }
  }

  private announce(t: Transfer): void {
    const context = { reason: describeReason(t.reason), target: t.targetSid };
    switch (t.status) {
      case 'rolled_back':
        this.notify(TransferNotification.RolledBack, context);
        break;
      case 'failed':
        this.notify(TransferNotification.Failed, context);
        break;
      case 'completed':
        this.notify(TransferNotification.Completed, context);
        break;
      case 'accepted':
        this.notify(TransferNotification.Accepted, context);
        break;
      default:
        break;
    }
  }

  stop(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
  }
}

const REASONS: Record<string, string> = {
  target_rejected: 'the target declined',
  target_timed_out: 'the target did not answer in time',
  target_offline: 'the target went offline',
};

export const describeReason = (reason: string | undefined): string => {
  if (!reason) return '';
  return REASONS[reason] ?? reason;
};

const reasonOf = (error: unknown): string => {
  if (error instanceof BackendRequestError) return error.message;
  return error instanceof Error ? error.message : String(error);
};
