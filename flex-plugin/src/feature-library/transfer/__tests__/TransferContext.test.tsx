import { describeReason } from '../types/transfer';
import * as React from 'react';
import { render, screen } from '@testing-library/react';

import { loginOf, TransferContext } from '../custom-components/TransferContext/TransferContext';
import enUS from '../strings/en-us.json';

const labels = {
  received: enUS.FMKTransferReceived,
  returned: enUS.FMKTransferReturned,
  reason: (code: string | undefined) => describeReason({}, code),
};

const transferred = (attributes: Record<string, unknown>) => ({
  sid: 'WT1',
  channel: 'sms',
  status: 'pending',
  attributes,
});

describe('TransferContext', () => {
  it('tells the receiving agent who transferred the conversation, with their note', () => {
    render(
      <TransferContext
        task={transferred({
          transferId: 'TR1',
          ignoreAgent: 'alice_40example_2Ecom',
          transferNote: 'Refund for order 1234',
        })}
        labels={labels}
      />,
    );
    expect(screen.getByTestId('fmk-transfer-context').textContent).toContain('Transferred to you by alice@example.com');
    expect(screen.getByTestId('fmk-transfer-note').textContent).toBe('Refund for order 1234');
  });

  it('says why a conversation came back, and shows no stale note', () => {
    render(
      <TransferContext
        task={transferred({
          transferId: 'TR1',
          transferReturned: true,
          transferFailureReason: 'target_rejected',
          transferNote: 'old',
        })}
        labels={labels}
      />,
    );
    expect(screen.getByTestId('fmk-transfer-context').textContent).toBe(
      'This conversation came back to you: the target declined.',
    );
    expect(screen.queryByTestId('fmk-transfer-note')).toBeNull();
  });

  it('shows nothing on a task that was never transferred', () => {
    const { container } = render(<TransferContext task={transferred({ conversationSid: 'CH1' })} labels={labels} />);
    expect(container.textContent).toBe('');
  });

  it('decodes Flex identities back to the login, and leaves anything else as it is', () => {
    expect(loginOf('bob_40example_2Ecom')).toBe('bob@example.com');
    expect(loginOf('j_C3_A9r_C3_B4me')).toBe('jérôme');
    expect(loginOf('plain')).toBe('plain');
    expect(loginOf('broken_E9')).toBe('broken_E9');
  });
});
