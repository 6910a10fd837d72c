import * as React from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/core/modal';
import { RadioButton, RadioButtonGroup } from '@twilio-paste/core/radio-button-group';
import { Option, Select } from '@twilio-paste/core/select';
import { Stack } from '@twilio-paste/core/stack';
import { Text } from '@twilio-paste/core/text';
import { TextArea } from '@twilio-paste/core/textarea';

import { actionError } from '../../../../utils/action-errors';
import { OutboundStringKey, outboundText } from '../../flex-hooks/strings';
import type {
  ConversationConflict,
  OutboundChannel,
  SendOutboundMessagePayload,
  Senders,
  Templates,
  WhatsappWindow,
} from '../../types/outbound';
import { formatAsYouType, toE164 } from '../../utils/phone';
import { countSegments } from '../../utils/segments';
import { placeholders, renderTemplate } from '../../utils/template';

export type SendChoice = 'open-chat' | 'reply-to-me' | 'reply-to-anyone';

export interface OutboundPanelProps {
  senders: Senders;
  strings: Record<string, string | undefined>;
  /** The agent's activity allows work; offline agents cannot send. */
  available: boolean;
  /** `SendOutboundMessage` through `invokeAction`: rejects with the backend error, which Flex wraps in a FlexError. */
  send: (payload: SendOutboundMessagePayload) => Promise<unknown>;
  loadTemplates: (channel: OutboundChannel) => Promise<Templates>;
  loadWindow: (to: string, from: string) => Promise<WhatsappWindow>;
  /** Fetches the numbering plans for formatting and validation (see utils/phone). */
  loadPhoneRules?: () => Promise<void>;
  newKey: () => string;
  /** After a successful send. */
  onSent?: () => void;
  /** The title's id, for the dialog around the panel to be named by it. */
  titleId?: string;
}

/** The 409 `conversation_exists` the send rejected with, also through Flex's FlexError wrapping. */
export const conflictOf = (rejected: unknown): ConversationConflict | null => {
  const e = actionError(rejected) as { status?: number; code?: string; body?: { error?: ConversationConflict } };
  return e?.status === 409 && e.code === 'conversation_exists' && e.body?.error ? e.body.error : null;
};

const display = (sender: string) => sender.replace(/^whatsapp:/, '');

const EMPTY_TEMPLATES: Templates = { canned: [], contentTemplates: [] };

/** Starts an SMS/WhatsApp conversation with a customer. */
export const OutboundPanel = ({
  senders,
  strings,
  available,
  send,
  loadTemplates,
  loadWindow,
  loadPhoneRules,
  newKey,
  onSent,
  titleId,
}: OutboundPanelProps): JSX.Element => {
  const t = (key: OutboundStringKey, context?: Record<string, string | number>) => outboundText(strings, key, context);
  const [channel, setChannel] = React.useState<OutboundChannel>('sms');
  const [number, setNumber] = React.useState('');
  const [touched, setTouched] = React.useState(false);
  const [sender, setSender] = React.useState(senders.sms[0] ?? '');
  const [body, setBody] = React.useState('');
  const [templates, setTemplates] = React.useState<Templates>(EMPTY_TEMPLATES);
  const [templateSid, setTemplateSid] = React.useState('');
  const [variables, setVariables] = React.useState<Record<string, string>>({});
  const [window, setWindow] = React.useState<WhatsappWindow | null>(null);
  const [sending, setSending] = React.useState(false);
  const [conflict, setConflict] = React.useState<{ conflict: ConversationConflict; choice: SendChoice } | null>(null);
  const inFlight = React.useRef(false);

  React.useEffect(() => {
    let mounted = true;
    loadPhoneRules?.()
      .then(() => mounted && setNumber((typed) => formatAsYouType(typed)))
      .catch(() => undefined);
    return () => {
      mounted = false;
    };
  }, [loadPhoneRules]);

  const channelSenders = senders[channel];
  const e164 = toE164(number);
  const template = templates.contentTemplates.find((candidate) => candidate.sid === templateSid);
  const templateVariables = template
    ? Array.from(new Set([...template.variables, ...placeholders(template.body)]))
    : [];
  const windowClosed = channel === 'whatsapp' && window !== null && !window.open;
  const freeTextDisabled = windowClosed || template !== undefined;

  React.useEffect(() => {
    setSender(senders[channel][0] ?? '');
    setTemplateSid('');
    setWindow(null);
    let live = true;
    loadTemplates(channel)
      .then((loaded) => live && setTemplates(loaded))
      .catch(() => live && setTemplates(EMPTY_TEMPLATES));
    return () => {
      live = false;
    };
  }, [channel]); // eslint-disable-line react-hooks/exhaustive-deps

  React.useEffect(() => {
    if (channel !== 'whatsapp' || !e164 || !sender) {
      setWindow(null);
      return undefined;
    }
    let live = true;
    loadWindow(e164, sender)
      .then((w) => live && setWindow(w))
      .catch(() => live && setWindow(null));
    return () => {
      live = false;
    };
  }, [channel, e164, sender]); // eslint-disable-line react-hooks/exhaustive-deps

  const contentReady =
    template !== undefined && templateVariables.every((name) => (variables[name] ?? '').trim() !== '');
  const textReady = !freeTextDisabled && body.trim() !== '';
  const canSend = available && !sending && e164 !== null && sender !== '' && (contentReady || textReady);

  const submit = async (choice: SendChoice, onExisting?: 'reuse' | 'close') => {
    // A second click before the first finishes must not send twice: the ref flips synchronously.
    if (inFlight.current || !e164) {
      return;
    }
    inFlight.current = true;
    setSending(true);
    setConflict(null);
    const payload: SendOutboundMessagePayload = {
      destination: e164,
      callerId: sender,
      channel,
      openChat: choice === 'open-chat',
      routeToMe: choice !== 'reply-to-anyone',
      ...(template
        ? {
            contentSid: template.sid,
            contentVariables: Object.fromEntries(templateVariables.map((n) => [n, variables[n]])),
          }
        : { body }),
      ...(onExisting ? { onExisting } : {}),
      idempotencyKey: newKey(),
    };
    try {
      await send(payload);
      setBody('');
      setVariables({});
      onSent?.();
    } catch (error) {
      const found = conflictOf(error);
      if (found) {
        setConflict({ conflict: found, choice });
      }
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  const counter = countSegments(body);
  const numberInvalid = touched && number.trim() !== '' && e164 === null;

  return (
    <Box
      data-testid="fmk-outbound-panel"
      padding="space60"
      width="size40"
      backgroundColor="colorBackgroundBody"
      // Flex's header text is light; the panel sits inside it, so set our own text colour.
      color="colorText"
      borderRadius="borderRadius30"
      boxShadow="shadowHigh"
    >
      <Stack orientation="vertical" spacing="space50">
        <Text as="h2" id={titleId} fontWeight="fontWeightSemibold" fontSize="fontSize40" paddingRight="space100">
          {t('FMKOutboundTitle')}
        </Text>
        {!available && (
          <Badge as="span" variant="warning">
            {t('FMKOutboundOffline')}
          </Badge>
        )}
        <RadioButtonGroup
          attached
          name="fmk-outbound-channel"
          legend={t('FMKOutboundChannel')}
          value={channel}
          onChange={(value) => setChannel(value as OutboundChannel)}
          disabled={sending}
        >
          <RadioButton value="sms">{t('FMKOutboundSms')}</RadioButton>
          <RadioButton value="whatsapp">{t('FMKOutboundWhatsapp')}</RadioButton>
        </RadioButtonGroup>
        <Box>
          <Label htmlFor="fmk-outbound-to" required>
            {t('FMKOutboundTo')}
          </Label>
          <Input
            id="fmk-outbound-to"
            type="tel"
            value={number}
            hasError={numberInvalid}
            onChange={(event) => setNumber(formatAsYouType(event.target.value))}
            onBlur={() => setTouched(true)}
            aria-describedby="fmk-outbound-to-help"
          />
          <HelpText id="fmk-outbound-to-help" variant={numberInvalid ? 'error' : 'default'}>
            {numberInvalid ? t('FMKOutboundToInvalid') : t('FMKOutboundToHelp')}
          </HelpText>
        </Box>
        <Box>
          <Label htmlFor="fmk-outbound-from">{t('FMKOutboundFrom')}</Label>
          <Select id="fmk-outbound-from" value={sender} onChange={(event) => setSender(event.target.value)}>
            {channelSenders.map((candidate) => (
              <Option key={candidate} value={candidate}>
                {display(candidate)}
              </Option>
            ))}
          </Select>
          {channelSenders.length === 0 && <HelpText variant="error">{t('FMKOutboundNoSenders')}</HelpText>}
        </Box>
        {channel === 'whatsapp' && window !== null && (
          <Badge as="span" variant={window.open ? 'success' : 'warning'} data-testid="fmk-outbound-window">
            {window.open ? t('FMKOutboundWindowOpen') : t('FMKOutboundWindowClosed')}
          </Badge>
        )}
        {channel === 'whatsapp' && (
          <Box>
            <Label htmlFor="fmk-outbound-template">{t('FMKOutboundTemplate')}</Label>
            <Select
              id="fmk-outbound-template"
              value={templateSid}
              onChange={(event) => setTemplateSid(event.target.value)}
            >
              <Option value="">{t('FMKOutboundTemplateNone')}</Option>
              {templates.contentTemplates.map((candidate) => (
                <Option key={candidate.sid} value={candidate.sid}>
                  {candidate.name}
                </Option>
              ))}
            </Select>
          </Box>
        )}
        {template &&
          templateVariables.map((name) => (
            <Box key={name}>
              <Label htmlFor={`fmk-outbound-var-${name}`}>{t('FMKOutboundVariable', { name })}</Label>
              <Input
                id={`fmk-outbound-var-${name}`}
                type="text"
                value={variables[name] ?? ''}
                placeholder={template.sampleValues[name]}
                onChange={(event) => setVariables({ ...variables, [name]: event.target.value })}
              />
            </Box>
          ))}
        {template && (
          <Box
            data-testid="fmk-outbound-preview"
            padding="space30"
            backgroundColor="colorBackground"
            borderRadius="borderRadius20"
          >
            <Text as="p" fontSize="fontSize20" color="colorTextWeak">
              {t('FMKOutboundPreview')}
            </Text>
            <Text as="p">{renderTemplate(template.body, variables)}</Text>
          </Box>
        )}
        {!template && (
          <>
            {templates.canned.length > 0 && (
              <Box>
                <Label htmlFor="fmk-outbound-canned">{t('FMKOutboundCanned')}</Label>
                <Select
                  id="fmk-outbound-canned"
                  value=""
                  disabled={freeTextDisabled}
                  onChange={(event) => {
                    const chosen = templates.canned.find((c) => c.id === event.target.value);
                    if (chosen) {
                      setBody(chosen.body);
                    }
                  }}
                >
                  <Option value="">{t('FMKOutboundCannedNone')}</Option>
                  {templates.canned.map((canned) => (
                    <Option key={canned.id} value={canned.id}>
                      {canned.name}
                    </Option>
                  ))}
                </Select>
              </Box>
            )}
            <Box>
              <Label htmlFor="fmk-outbound-body">{t('FMKOutboundBody')}</Label>
              <TextArea
                id="fmk-outbound-body"
                value={body}
                disabled={freeTextDisabled}
                maxLength={1600}
                onChange={(event) => setBody(event.target.value)}
                aria-describedby="fmk-outbound-counter"
              />
              <HelpText id="fmk-outbound-counter">
                {t('FMKOutboundCounter', { characters: counter.characters, segments: counter.segments })}
              </HelpText>
            </Box>
          </>
        )}
        <Stack orientation="horizontal" spacing="space30">
          <Button
            variant="primary"
            size="small"
            loading={sending}
            disabled={!canSend}
            onClick={() => submit('open-chat')}
          >
            {t('FMKOutboundOpenChat')}
          </Button>
          <Button variant="secondary" size="small" disabled={!canSend} onClick={() => submit('reply-to-me')}>
            {t('FMKOutboundReplyToMe')}
          </Button>
          <Button variant="secondary" size="small" disabled={!canSend} onClick={() => submit('reply-to-anyone')}>
            {t('FMKOutboundReplyToAnyone')}
          </Button>
        </Stack>
      </Stack>
      <Modal
        ariaLabelledby="fmk-outbound-conflict-heading"
        isOpen={conflict !== null}
        onDismiss={() => setConflict(null)}
        size="default"
      >
        <ModalHeader>
          <ModalHeading as="h3" id="fmk-outbound-conflict-heading">
            {t('FMKOutboundConflictTitle')}
          </ModalHeading>
        </ModalHeader>
        <ModalBody>
          <Text as="p">
            {t('FMKOutboundConflictBody', {
              owner: conflict?.conflict.ownerIdentity ?? t('FMKOutboundConflictNobody'),
              status: conflict?.conflict.taskStatus ?? '—',
            })}
          </Text>
        </ModalBody>
        <ModalFooter>
          <ModalFooterActions>
            <Button variant="secondary" onClick={() => setConflict(null)}>
              {t('FMKOutboundConflictCancel')}
            </Button>
            <Button variant="secondary" onClick={() => conflict && submit(conflict.choice, 'close')}>
              {t('FMKOutboundConflictClose')}
            </Button>
            <Button variant="primary" onClick={() => conflict && submit(conflict.choice, 'reuse')}>
              {t('FMKOutboundConflictReuse')}
            </Button>
          </ModalFooterActions>
        </ModalFooter>
      </Modal>
    </Box>
  );
};
