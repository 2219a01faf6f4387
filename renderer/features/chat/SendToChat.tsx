import { useState } from 'react';

import type { ChatPreviewLine } from '../../../shared/chat/chat-preview';
import { useChat } from './useChat';
import type { ChatChannel } from './useChat';
import './chat.css';

const names: Record<ChatChannel, string> = { slack: 'Slack', teams: 'Microsoft Teams' };

function PreviewLine({ line }: { line: ChatPreviewLine }) {
  // Every line is text: the host built it from event data, which never becomes markup here.
  if (line.kind === 'title') return <p className="chat-line chat-title">{line.text}</p>;
  if (line.kind === 'heading') return <p className="chat-line chat-heading">{line.text}</p>;
  if (line.kind === 'item') return <li className="chat-line">{line.text}</li>;
  if (line.kind === 'button') return <span className="chat-button">{line.text}</span>;
  return <p className={`chat-line ${line.kind === 'note' ? 'chat-note' : ''}`}>{line.text}</p>;
}

/** Groups list items so they render as lists. */
function groups(lines: ChatPreviewLine[]): Array<ChatPreviewLine | ChatPreviewLine[]> {
  const out: Array<ChatPreviewLine | ChatPreviewLine[]> = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (line.kind === 'item' && Array.isArray(last)) last.push(line);
    else out.push(line.kind === 'item' ? [line] : line);
  }
  return out;
}

/**
 * "Send to chat" in the ticket drawer: the channel's webhook (a secret the host keeps; the page
 * only ever sees its origin), the message as the channel will show it, and Send, posted once.
 */
export function SendToChat({ fetchId, eventIds, issueKey }: { fetchId: string | null; eventIds: string[]; issueKey: string | null }) {
  const [channel, setChannel] = useState<ChatChannel>('slack');
  const [url, setUrl] = useState('');
  const chat = useChat({ channel, fetchId, eventIds, issueKey });
  const current = chat.status?.[channel];
  const sending = chat.send.kind === 'sending';

  return (
    <section className="chat-section" aria-labelledby="chat-heading" role="region">
      <h3 id="chat-heading">Send to chat</h3>
      <div role="radiogroup" aria-label="Channel" className="chat-channels">
        {(['slack', 'teams'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="chat-channel" checked={channel === value} onChange={() => setChannel(value)} /> {names[value]}
          </label>
        ))}
      </div>
      {current?.configured ? (
        <p className="chat-webhook">
          Webhook: {current.hint} {current.source === 'environment' ? '(from the environment)' : ''}
          {current.source === 'saved' && (
            <button type="button" className="ghost" onClick={() => void chat.forget()}>
              Forget webhook
            </button>
          )}
        </p>
      ) : (
        <form
          className="chat-webhook-form"
          onSubmit={(event) => {
            event.preventDefault();
            void chat.save(url).then((ok) => ok && setUrl(''));
          }}
        >
          <label>
            {names[channel]} webhook URL
            <input type="password" autoComplete="off" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://" />
          </label>
          <button type="submit" disabled={url.trim() === ''}>
            Save webhook
          </button>
          <p className="chat-hint">Kept by Trailcase as a secret{chat.status && !chat.status.persistent ? ', for this session only' : ''}; never shown again in full.</p>
        </form>
      )}
      {chat.error && <p role="alert" className="chat-error">{chat.error.message}</p>}
      <div className="chat-preview" role="region" aria-label={`Message as ${names[channel]} will show it`} tabIndex={0}>
        {chat.preview.kind === 'loading' && <p className="chat-note">Building the message…</p>}
        {chat.preview.kind === 'failed' && <p role="alert">{chat.preview.error.message}</p>}
        {chat.preview.kind === 'ready' &&
          groups(chat.preview.lines).map((group, i) =>
            Array.isArray(group) ? (
              <ul key={i}>
                {group.map((line, j) => (
                  <PreviewLine key={j} line={line} />
                ))}
              </ul>
            ) : (
              <PreviewLine key={i} line={group} />
            ),
          )}
      </div>
      <div className="chat-actions">
        <button type="button" disabled={!current?.configured || sending || !fetchId} onClick={() => void chat.post()}>
          {sending ? 'Sending…' : `Send to ${names[channel]}`}
        </button>
        <p role="status" className="chat-status">
          {chat.send.kind === 'sent' && (chat.send.alreadySent ? `Already posted to ${names[channel]}; not sent again.` : `Posted to ${names[channel]}.`)}
        </p>
      </div>
      {chat.send.kind === 'failed' && (
        <div role="alert" className="chat-error">
          <p>{chat.send.error.message}</p>
          {chat.send.error.code === 'CONFLICT' || chat.send.error.code === 'NETWORK' ? (
            <button type="button" onClick={() => void chat.post(true)}>
              I checked the channel: send again
            </button>
          ) : (
            <button type="button" onClick={() => void chat.post()}>
              Retry
            </button>
          )}
        </div>
      )}
    </section>
  );
}
