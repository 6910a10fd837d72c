import type { EventHook } from '../../../../types/feature';

interface ReservationLike {
  sid: string;
  task?: { attributes?: Record<string, unknown> };
}

/**
 * Outbound open-chat tasks carry `autoAnswer: true`: the agent asked for this conversation, so
 * it is accepted and brought into view without a click.
 */
export const autoAcceptOutboundTasks: EventHook = (flex, manager) => {
  manager.workerClient?.on('reservationCreated', (reservation: ReservationLike) => {
    const autoAnswer = reservation.task?.attributes?.autoAnswer;
    if (autoAnswer !== true && autoAnswer !== 'true') {
      return;
    }
    flex.Actions.invokeAction('AcceptTask', { sid: reservation.sid })
      .then(() => flex.Actions.invokeAction('SelectTask', { sid: reservation.sid }))
      .catch((error: unknown) => console.warn('[outbound] could not auto-accept', reservation.sid, error));
  });
};
