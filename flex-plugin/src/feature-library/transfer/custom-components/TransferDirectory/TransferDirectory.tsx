import * as React from 'react';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/core/modal';
import { Radio, RadioGroup } from '@twilio-paste/core/radio-group';
import { Spinner } from '@twilio-paste/core/spinner';
import { Stack } from '@twilio-paste/core/stack';
import { Tab, TabList, TabPanel, TabPanels, Tabs, useTabState } from '@twilio-paste/core/tabs';
import { TextArea } from '@twilio-paste/core/textarea';

import { PasteThemeScope } from '../../../../common/PasteThemeScope/PasteThemeScope';
import type { TargetType, TransferMode, TransferRequest, TransferTarget, TransferTargets } from '../../types/transfer';

export interface TransferDirectoryLabels {
  title: string;
  agents: string;
  queues: string;
  workflows: string;
  search: string;
  mode: string;
  cold: string;
  warm: string;
  note: string;
  submit: string;
  close: string;
  available: string;
  unavailable: string;
  noTargets: string;
  loading: string;
  /** `{{count}}`: a queue's available agents. */
  queueAvailable: string;
}

export interface TransferDirectoryProps {
  isOpen: boolean;
  taskSid: string;
  labels: TransferDirectoryLabels;
  loadTargets: (type: TargetType, q: string) => Promise<TransferTargets>;
  onTransfer: (request: TransferRequest) => Promise<unknown>;
  onDismiss: () => void;
}

const TYPES: TargetType[] = ['worker', 'queue', 'workflow'];

/** The directory asks the backend once the agent pauses typing this long. */
export const SEARCH_DEBOUNCE_MS = 300;

/** `value`, once it has stopped changing for `delayMs`. */
const useDebounced = <T,>(value: T, delayMs: number): T => {
  const [settled, setSettled] = React.useState(value);
  React.useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
};
const tabId = (type: TargetType) => `fmk-transfer-tab-${type}`;

/** Can this target take the conversation now? Workflows route by themselves, so always. */
const canTake = (target: TransferTarget, type: TargetType): boolean => {
  if (type === 'worker') return target.available === true && (target.freeCapacity ?? 0) > 0;
  if (type === 'queue') return (target.availableWorkers ?? 0) > 0;
  return true;
};

const TargetList = ({
  type,
  targets,
  selected,
  onSelect,
  labels,
}: {
  type: TargetType;
  targets: TransferTarget[];
  selected: string;
  onSelect: (sid: string) => void;
  labels: TransferDirectoryLabels;
}) => {
  if (targets.length === 0) {
    return <HelpText>{labels.noTargets}</HelpText>;
  }
  return (
    <RadioGroup
      name={`fmk-transfer-${type}`}
      legend={labels[type === 'worker' ? 'agents' : type === 'queue' ? 'queues' : 'workflows']}
      value={selected}
      onChange={onSelect}
    >
      {targets.map((t) => (
        <Radio
          key={t.sid}
          id={`fmk-transfer-target-${t.sid}`}
          value={t.sid}
          disabled={!canTake(t, type)}
          data-testid={`fmk-transfer-target-${t.sid}`}
        >
          <Stack orientation="horizontal" spacing="space30">
            <span>{t.name}</span>
            {type === 'workflow' ? null : (
              <Badge as="span" variant={canTake(t, type) ? 'success' : 'neutral'}>
                {type === 'queue'
                  ? labels.queueAvailable.replace('{{count}}', String(t.availableWorkers ?? 0))
                  : canTake(t, type)
                    ? labels.available
                    : (t.activity ?? labels.unavailable)}
              </Badge>
            )}
          </Stack>
        </Radio>
      ))}
    </RadioGroup>
  );
};

/** Agents, queues and workflows to transfer to, with availability, cold or warm, and a note. */
export const TransferDirectory = ({
  isOpen,
  taskSid,
  labels,
  loadTargets,
  onTransfer,
  onDismiss,
}: TransferDirectoryProps) => {
  const tabs = useTabState({ selectedId: tabId('worker') });
  const type = TYPES.find((t) => tabId(t) === tabs.selectedId) ?? 'worker';
  const [query, setQuery] = React.useState('');
  const [targets, setTargets] = React.useState<TransferTarget[] | undefined>(undefined);
  const [loadError, setLoadError] = React.useState<string | undefined>(undefined);
  const [selected, setSelected] = React.useState('');
  const [mode, setMode] = React.useState<TransferMode>('cold');
  const [note, setNote] = React.useState('');
  const [busy, setBusy] = React.useState(false);

  const search = useDebounced(query, SEARCH_DEBOUNCE_MS);

  // A new tab starts empty; a new search keeps the last list on screen until the answer replaces it.
  React.useEffect(() => {
    setTargets(undefined);
    setSelected('');
  }, [type]);

  React.useEffect(() => {
    if (!isOpen) return undefined;
    let current = true;
    setLoadError(undefined);
    loadTargets(type, search)
      .then((result) => {
        if (!current) return;
        setTargets(result.targets);
        setSelected((chosen) => (result.targets.some((t) => t.sid === chosen) ? chosen : ''));
      })
      .catch((error: unknown) => current && setLoadError(error instanceof Error ? error.message : String(error)));
    return () => {
      current = false;
    };
  }, [isOpen, type, search, loadTargets]);

  const submit = async () => {
    setBusy(true);
    try {
      await onTransfer({ taskSid, targetType: type, targetSid: selected, mode, note: note.trim() || undefined });
      onDismiss();
    } finally {
      setBusy(false);
    }
  };

  const panel = (t: TargetType) =>
    t !== type ? null : targets === undefined && !loadError ? (
      <Spinner decorative={false} title={labels.loading} />
    ) : loadError ? (
      <HelpText variant="error">{loadError}</HelpText>
    ) : (
      <TargetList type={t} targets={targets ?? []} selected={selected} onSelect={setSelected} labels={labels} />
    );

  return (
    <PasteThemeScope>
      <Modal isOpen={isOpen} onDismiss={onDismiss} size="default" ariaLabelledby="fmk-transfer-title">
        <ModalHeader>
          <ModalHeading as="h3" id="fmk-transfer-title">
            {labels.title}
          </ModalHeading>
        </ModalHeader>
        <ModalBody>
          <Stack orientation="vertical" spacing="space60">
            <Box>
              <Label htmlFor="fmk-transfer-search">{labels.search}</Label>
              <Input id="fmk-transfer-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
            </Box>
            <Tabs state={tabs}>
              <TabList aria-label={labels.title}>
                <Tab id={tabId('worker')}>{labels.agents}</Tab>
                <Tab id={tabId('queue')}>{labels.queues}</Tab>
                <Tab id={tabId('workflow')}>{labels.workflows}</Tab>
              </TabList>
              <TabPanels>
                <TabPanel>{panel('worker')}</TabPanel>
                <TabPanel>{panel('queue')}</TabPanel>
                <TabPanel>{panel('workflow')}</TabPanel>
              </TabPanels>
            </Tabs>
            <RadioGroup
              name="fmk-transfer-mode"
              legend={labels.mode}
              value={mode}
              onChange={(v) => setMode(v as TransferMode)}
            >
              <Radio id="fmk-transfer-mode-cold" value="cold">
                {labels.cold}
              </Radio>
              <Radio id="fmk-transfer-mode-warm" value="warm">
                {labels.warm}
              </Radio>
            </RadioGroup>
            <Box>
              <Label htmlFor="fmk-transfer-note">{labels.note}</Label>
              <TextArea
                id="fmk-transfer-note"
                maxLength={1000}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </Box>
          </Stack>
        </ModalBody>
        <ModalFooter>
          <ModalFooterActions>
            <Button variant="secondary" onClick={onDismiss}>
              {labels.close}
            </Button>
            <Button
              variant="primary"
              onClick={submit}
              disabled={selected === ''}
              loading={busy}
              data-testid="fmk-transfer-submit"
            >
              {labels.submit}
            </Button>
          </ModalFooterActions>
        </ModalFooter>
      </Modal>
    </PasteThemeScope>
  );
};
