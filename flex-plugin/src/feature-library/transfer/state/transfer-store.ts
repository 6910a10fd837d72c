import type { FlexGlobal, PluginManager } from '../../../types/feature';
import type { BackendClient } from '../../../utils/backend-client';
import { BackendRequestError, createBackendClient } from '../../../utils/backend-client';
import { FeatureStore, onePerManager, StoreListeners } from '../../../utils/feature-store';
import { stringsOf } from '../../../utils/strings';
import { cancelTransfer, completeTransfer, getTransfer, startTransfer } from '../api/transfer-api';
import { getPollIntervalMs } from '../config';
import { TransferNotification } from '../flex-hooks/notifications';
import type { Transfer, TransferRequest } from '../types/transfer';
import { describeReason, isInProgress } from '../types/transfer';

export type Notify = (id: TransferNotification, context: Record<string, string>) => void;

/** The agent's transfers, by task sid. */
export type TransferSnapshot = ReadonlyMap<string, Transfer>;

/**
 * The agent's transfers, by task: what the canvas button shows and what wrap-up checks. A
 * transfer in progress is polled until it ends; how it ended becomes a Flex notification.
 */
export class TransferStore implements FeatureStore<TransferSnapshot> {
  private byTask: TransferSnapshot = new Map();

  private readonly listeners = new StoreListeners();

  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly client: BackendClient,
    private readonly notify: Notify,
    private readonly pollIntervalMs: number,
    /** A rollback reason code in the agent's words. */
    private readonly describe: (reason: string | undefined) => string = (reason) => describeReason({}, reason),
  ) {}

  snapshot(): TransferSnapshot {
    return this.byTask;
  }

  subscribe(listener: () => void): () => void {
    return this.listeners.add(listener);
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

  /** Re-reads every transfer still in progress. */
  async refresh(): Promise<void> {
    const inProgress = Array.from(this.byTask.values()).filter((t) => isInProgress(t.status));
    await Promise.all(inProgress.map((t) => this.refreshTask(t.taskSid)));
  }

  async refreshTask(taskSid: string): Promise<void> {
    const t = this.byTask.get(taskSid);
    if (!t) return;
    try {
      this.update(await getTransfer(this.client, t.transferId));
    } catch {
      this.schedule(t);
    }
  }

  stop(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
  }

  private update(next: Transfer): void {
    const previous = this.byTask.get(next.taskSid);
    this.byTask = new Map(this.byTask).set(next.taskSid, next);
    if (previous?.status !== next.status) {
      this.announce(next);
    }
    this.listeners.notify();
    this.schedule(next);
  }

  private schedule(t: Transfer): void {
    const timer = this.timers.get(t.taskSid);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(t.taskSid);
    if (isInProgress(t.status)) {
      this.timers.set(
        t.taskSid,
        setTimeout(() => void this.refreshTask(t.taskSid), this.pollIntervalMs),
      );
    }
  }

  private announce(t: Transfer): void {
    const context = { reason: this.describe(t.reason), target: t.targetSid };
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
}

const reasonOf = (error: unknown): string => {
  if (error instanceof BackendRequestError) return error.message;
  return error instanceof Error ? error.message : String(error);
};

/** The agent's one transfer store, shared by the action hooks and the header button. */
export const transferStoreFor = onePerManager(
  (flex: FlexGlobal, manager: PluginManager) =>
    new TransferStore(
      createBackendClient(manager),
      (id, context) => {
        flex.Notifications.showNotification(id, context);
      },
      getPollIntervalMs(manager),
      (reason) => describeReason(stringsOf(manager), reason),
    ),
);
