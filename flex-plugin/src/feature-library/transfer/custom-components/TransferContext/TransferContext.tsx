import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Text } from '@twilio-paste/core/text';

import { PasteThemeScope } from '../../../../common/PasteThemeScope/PasteThemeScope';
import type { TaskLike } from '../../task-kind';

export interface TransferContextLabels {
  /** `{{agent}}`: who handed the conversation over. */
  received: string;
  /** `{{reason}}`: why the transfer did not go through. */
  returned: string;
  /** A rollback reason code in the agent's words (`describeReason`). */
  reason: (code: string | undefined) => string;
}

/** Flex identities escape every byte that is not a letter or digit as `_XX`: alice_40example_2Ecom. */
export const loginOf = (identity: string): string => {
  try {
    return decodeURIComponent(identity.replace(/_([0-9A-Fa-f]{2})/g, '%$1'));
  } catch {
    return identity;
  }
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** What the backend wrote on a transferred task: who sent it and their note, or why it came back. */
export const transferContextOf = (task: TaskLike | undefined, labels: TransferContextLabels) => {
  const attributes = task?.attributes ?? {};
  if (!text(attributes.transferId)) return undefined;
  if (attributes.transferReturned === true) {
    return {
      headline: labels.returned.replace('{{reason}}', labels.reason(text(attributes.transferFailureReason))),
      note: undefined,
    };
  }
  const from = text(attributes.ignoreAgent);
  if (!from) return undefined;
  return { headline: labels.received.replace('{{agent}}', loginOf(from)), note: text(attributes.transferNote) };
};

/** Above a transferred conversation: who handed it over and their note, or why it came back. */
export const TransferContext = ({ task, labels }: { task?: TaskLike; labels: TransferContextLabels }) => {
  const context = transferContextOf(task, labels);
  if (!context) return null;
  return (
    <PasteThemeScope>
      <Box
        data-testid="fmk-transfer-context"
        backgroundColor="colorBackgroundWeak"
        borderRadius="borderRadius20"
        paddingX="space50"
        paddingY="space40"
        marginBottom="space40"
      >
        <Text as="p" fontWeight="fontWeightSemibold">
          {context.headline}
        </Text>
        {context.note ? (
          <Text as="p" data-testid="fmk-transfer-note" whiteSpace="pre-wrap">
            {context.note}
          </Text>
        ) : null}
      </Box>
    </PasteThemeScope>
  );
};
