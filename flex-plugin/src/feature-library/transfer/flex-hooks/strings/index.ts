import type { FeatureStrings } from '../../../../types/feature';
import enUS from '../../strings/en-us.json';
import esES from '../../strings/es-es.json';
import ptBR from '../../strings/pt-br.json';

/** String templates the transfer feature adds to `manager.strings`. */
export enum TransferStringTemplates {
  Button = 'FMKTransferButton',
  DirectoryTitle = 'FMKTransferDirectoryTitle',
  Agents = 'FMKTransferAgents',
  Queues = 'FMKTransferQueues',
  Workflows = 'FMKTransferWorkflows',
  Search = 'FMKTransferSearch',
  Mode = 'FMKTransferMode',
  Cold = 'FMKTransferCold',
  Warm = 'FMKTransferWarm',
  Note = 'FMKTransferNote',
  Submit = 'FMKTransferSubmit',
  Close = 'FMKTransferClose',
  Pending = 'FMKTransferPending',
  Joined = 'FMKTransferJoined',
  Cancel = 'FMKTransferCancel',
  Leave = 'FMKTransferLeave',
  Available = 'FMKTransferAvailable',
  Unavailable = 'FMKTransferUnavailable',
  NoTargets = 'FMKTransferNoTargets',
  Received = 'FMKTransferReceived',
  Returned = 'FMKTransferReturned',
}

/** Notification ids; their templates are strings of the same name. */
export enum TransferNotification {
  Failed = 'FMKTransferFailed',
  RolledBack = 'FMKTransferRolledBack',
  Completed = 'FMKTransferCompleted',
  Accepted = 'FMKTransferAccepted',
  WrapupBlocked = 'FMKTransferWrapupBlocked',
}

export const transferStrings: FeatureStrings = {
  'en-US': enUS,
  'es-ES': esES,
  'pt-BR': ptBR,
};
