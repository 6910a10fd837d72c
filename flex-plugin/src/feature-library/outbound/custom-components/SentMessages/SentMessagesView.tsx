import * as React from 'react';
import { Badge, BadgeProps } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/core/modal';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';

import { OutboundStringKey, outboundText } from '../../flex-hooks/strings';
import type { DeliveryStatus, SentMessage, SentStatus } from '../../types/outbound';
import type { SentStore } from '../../state/sent-store';
import { customerAddressOf, customerLabel, customerNameOf, deliveryReason } from '../../utils/sent-labels';
import { useSentMessages } from './useSentMessages';

export interface SentMessagesViewProps {
  store: SentStore;
  /** The view is on screen: only then does the list poll. */
  visible: boolean;
  strings: Record<string, string | undefined>;
  /** DELETE /api/outbound/sent/{sid}, with the agent's feedback; rejects when it failed. */
  cancel: (item: SentMessage) => Promise<void>;
  pollMs?: number;
  localeTag?: string;
}

const STATUS: Record<SentStatus, { key: OutboundStringKey; variant: BadgeProps['variant'] }> = {
  WAITING: { key: 'FMKOutboundSentStatusWaiting', variant: 'info' },
  ROUTING: { key: 'FMKOutboundSentStatusRouting', variant: 'info' },
  REPLIED: { key: 'FMKOutboundSentStatusReplied', variant: 'success' },
  CANCELLED: { key: 'FMKOutboundSentStatusCancelled', variant: 'neutral' },
  CLOSED: { key: 'FMKOutboundSentStatusClosed', variant: 'neutral' },
  OPENED: { key: 'FMKOutboundSentStatusOpened', variant: 'neutral' },
};

const DELIVERY: Record<DeliveryStatus, { key: OutboundStringKey; variant: BadgeProps['variant'] }> = {
  sent: { key: 'FMKOutboundDeliverySent', variant: 'neutral' },
  delivered: { key: 'FMKOutboundDeliveryDelivered', variant: 'success' },
  read: { key: 'FMKOutboundDeliveryRead', variant: 'success' },
  failed: { key: 'FMKOutboundDeliveryFailedBadge', variant: 'error' },
  undelivered: { key: 'FMKOutboundDeliveryUndelivered', variant: 'error' },
};

const formatTime = (iso: string, localeTag?: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  try {
    return date.toLocaleString(localeTag, { dateStyle: 'short', timeStyle: 'short' });
  } catch {
    return date.toLocaleString();
  }
};

/** The agent's "sent, waiting for reply" list, with a Cancel per waiting send. */
export const SentMessagesView = ({
  store,
  visible,
  strings,
  cancel,
  pollMs = 10_000,
  localeTag,
}: SentMessagesViewProps): JSX.Element => {
  const t = (key: OutboundStringKey, context?: Record<string, string | number>) => outboundText(strings, key, context);
  const { items, loaded, error } = useSentMessages(store, visible, pollMs);
  const [confirming, setConfirming] = React.useState<SentMessage | null>(null);
  const [cancelling, setCancelling] = React.useState(false);

  const confirm = async () => {
    if (!confirming || cancelling) {
      return;
    }
    setCancelling(true);
    try {
      await cancel(confirming);
      setConfirming(null);
    } catch {
      // The caller told the agent why; the dialog stays for another try.
    } finally {
      setCancelling(false);
      store.refresh();
    }
  };

  return (
    <Box
      data-testid="fmk-outbound-sent"
      padding="space60"
      color="colorText"
      backgroundColor="colorBackgroundBody"
      minHeight="100%"
    >
      <Text as="h2" fontWeight="fontWeightSemibold" fontSize="fontSize50" marginBottom="space50">
        {t('FMKOutboundSentTitle')}
      </Text>
      {error !== null && (
        <Box marginBottom="space40">
          <Badge as="span" variant="error">
            {t('FMKOutboundSentLoadFailed')}
          </Badge>
        </Box>
      )}
      <Table scrollHorizontally>
        <THead>
          <Tr>
            <Th>{t('FMKOutboundSentCustomer')}</Th>
            <Th>{t('FMKOutboundSentChannel')}</Th>
            <Th>{t('FMKOutboundSentTime')}</Th>
            <Th>{t('FMKOutboundSentStatus')}</Th>
            <Th>{t('FMKOutboundSentDelivery')}</Th>
            <Th textAlign="right">
              <Text as="span" fontSize="fontSize20" color="colorTextWeak">
                {t('FMKOutboundSentActions')}
              </Text>
            </Th>
          </Tr>
        </THead>
        <TBody>
          {items.length === 0 && (
            <Tr>
              <Td colSpan={6}>
                <Text as="p" color="colorTextWeak">
                  {loaded ? t('FMKOutboundSentEmpty') : t('FMKOutboundSentLoading')}
                </Text>
              </Td>
            </Tr>
          )}
          {items.map((item) => {
            const status = STATUS[item.status] ?? STATUS.WAITING;
            const delivery = item.delivery?.status ? DELIVERY[item.delivery.status] : undefined;
            return (
              <Tr
                key={item.conversationSid}
                data-testid="fmk-outbound-sent-row"
                data-conversation-sid={item.conversationSid}
              >
                <Td>
                  <Text as="p" fontWeight="fontWeightSemibold">
                    {customerNameOf(item) ?? customerAddressOf(item)}
                  </Text>
                  {customerNameOf(item) && (
                    <Text as="p" fontSize="fontSize20" color="colorTextWeak">
                      {customerAddressOf(item)}
                    </Text>
                  )}
                </Td>
                <Td>{item.channel === 'whatsapp' ? t('FMKOutboundWhatsapp') : t('FMKOutboundSms')}</Td>
                <Td>{formatTime(item.createdAt, localeTag)}</Td>
                <Td>
                  <Badge as="span" variant={status.variant}>
                    {t(status.key)}
                  </Badge>
                  {item.mode === 'wait-for-reply' && (
                    <Text as="p" fontSize="fontSize20" color="colorTextWeak">
                      {item.routeTo === 'any' ? t('FMKOutboundSentRouteAny') : t('FMKOutboundSentRouteMe')}
                    </Text>
                  )}
                </Td>
                <Td>
                  {delivery ? (
                    <Badge as="span" variant={delivery.variant}>
                      {t(delivery.key)}
                    </Badge>
                  ) : (
                    <Text as="span" color="colorTextWeak">
                      {t('FMKOutboundDeliveryPending')}
                    </Text>
                  )}
                  {(item.delivery?.status === 'failed' || item.delivery?.status === 'undelivered') && (
                    <Text as="p" fontSize="fontSize20" color="colorTextError">
                      {deliveryReason(strings, item)}
                    </Text>
                  )}
                </Td>
                <Td textAlign="right">
                  {item.status === 'WAITING' && (
                    <Button variant="destructive_secondary" size="small" onClick={() => setConfirming(item)}>
                      {t('FMKOutboundSentCancel')}
                    </Button>
                  )}
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
      <Modal
        ariaLabelledby="fmk-sent-cancel-heading"
        isOpen={confirming !== null}
        onDismiss={() => !cancelling && setConfirming(null)}
        size="default"
      >
        <ModalHeader>
          <ModalHeading as="h3" id="fmk-sent-cancel-heading">
            {t('FMKOutboundSentCancelTitle')}
          </ModalHeading>
        </ModalHeader>
        <ModalBody>
          <Text as="p">
            {t('FMKOutboundSentCancelBody', { customer: confirming ? customerLabel(confirming) : '' })}
          </Text>
        </ModalBody>
        <ModalFooter>
          <ModalFooterActions>
            <Button variant="secondary" disabled={cancelling} onClick={() => setConfirming(null)}>
              {t('FMKOutboundSentCancelKeep')}
            </Button>
            <Button variant="destructive" loading={cancelling} onClick={confirm}>
              {t('FMKOutboundSentCancelConfirm')}
            </Button>
          </ModalFooterActions>
        </ModalFooter>
      </Modal>
    </Box>
  );
};
