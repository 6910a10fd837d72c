import type { DesktopTask } from '../desktop-state.js';
import type { HarnessActions } from '../flex-contract.js';
import type { SandboxApi, TwilioMessage } from '../sandbox-api.js';
import { React } from './react.js';

const POLL_MS = 1000;

interface ConversationPanelProps {
  task: DesktopTask;
  api: SandboxApi;
  actions: HarnessActions;
  agentIdentity: string;
}

/** The message thread of the task's conversation, with a composer, as Flex's MessagingCanvas. */
export const ConversationPanel = ({ task, api, actions, agentIdentity }: ConversationPanelProps) => {
  const conversationSid = task.attributes.conversationSid as string | undefined;
  const [messages, setMessages] = React.useState<TwilioMessage[]>([]);
  const [draft, setDraft] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    if (!conversationSid) {
      return undefined;
    }
    let cancelled = false;
    const load = () => {
      api
        .twilio<{ messages: TwilioMessage[] }>(
          'GET',
          'conversations',
          `/v1/Conversations/${conversationSid}/Messages?Order=asc&PageSize=100`,
        )
        .then((body) => {
          if (!cancelled) {
            setMessages(body.messages);
          }
        })
        .catch((e: unknown) => console.warn('[harness] could not load messages', e));
    };
    load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [api, conversationSid]);

  if (!conversationSid) {
    return null;
  }
  const canSend = task.status === 'assigned' && draft.trim().length > 0;
  const send = () => {
    actions
      .invokeAction('SendMessage', { conversationSid, body: draft.trim() })
      .then(() => {
        setDraft('');
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div className="conversation" data-testid="conversation" data-conversation-sid={conversationSid}>
      <ol className="message-list" aria-label="Messages">
        {messages.map((message) => (
          <li
            key={message.sid}
            className={`message ${message.author === agentIdentity ? 'is-mine' : 'is-theirs'}`}
            data-testid="message"
            data-author={message.author ?? ''}
          >
            <span className="message-author">{message.author ?? 'system'}</span>
            <span className="message-body">{message.body}</span>
          </li>
        ))}
      </ol>
      <form
        className="composer"
        onSubmit={(event) => {
          event.preventDefault();
          if (canSend) {
            send();
          }
        }}
      >
        <label className="visually-hidden" htmlFor="composer-input">
          Message
        </label>
        <textarea
          id="composer-input"
          data-testid="message-input"
          value={draft}
          disabled={task.status !== 'assigned'}
          placeholder={task.status === 'assigned' ? 'Type a message' : 'Accept the task to reply'}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button primary" data-testid="send-message" disabled={!canSend}>
          Send
        </button>
      </form>
      {error ? (
        <p className="composer-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
};
