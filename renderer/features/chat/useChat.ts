import { useCallback, useEffect, useState } from 'react';

import type { ChatStatus } from '../../../shared/api/chat-contract';
import type { ApiErrorShape } from '../../../shared/api/errors';
import type { ChatPreviewLine } from '../../../shared/chat/chat-preview';
import { api } from '../../api/bridge';

export type ChatChannel = 'slack' | 'teams';
export type SendState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; alreadySent: boolean } | { kind: 'failed'; error: ApiErrorShape };
export type PreviewState = { kind: 'loading' } | { kind: 'ready'; lines: ChatPreviewLine[] } | { kind: 'failed'; error: ApiErrorShape };

/** The chat webhooks as the host reports them (never their URLs), the preview of one message and its send. */
export function useChat(selection: { channel: ChatChannel; fetchId: string | null; eventIds: string[]; issueKey: string | null }) {
  const [status, setStatus] = useState<ChatStatus | null>(null);
  const [error, setError] = useState<ApiErrorShape | null>(null);
  const [preview, setPreview] = useState<PreviewState>({ kind: 'loading' });
  const [send, setSend] = useState<SendState>({ kind: 'idle' });
  const { channel, fetchId, eventIds, issueKey } = selection;

  useEffect(() => {
    void api.getChatStatus({}).then((result) => (result.ok ? setStatus(result.data) : setError(result.error)));
  }, []);

  useEffect(() => {
    if (!fetchId || eventIds.length === 0) return;
    let live = true;
    setPreview({ kind: 'loading' });
    setSend({ kind: 'idle' });
    void api.previewChatMessage({ channel, fetchId, eventIds, issueKey }).then((result) => {
      if (live) setPreview(result.ok ? { kind: 'ready', lines: result.data.lines } : { kind: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [channel, fetchId, eventIds, issueKey]);

  const save = useCallback(async (url: string) => {
    const result = await api.saveChatWebhook({ channel, url });
    if (result.ok) setStatus(result.data);
    setError(result.ok ? null : result.error);
    return result.ok;
  }, [channel]);

  const forget = useCallback(async () => {
    const result = await api.forgetChatWebhook({ channel });
    if (result.ok) setStatus(result.data);
  }, [channel]);

  const post = useCallback(
    async (sendAgain = false) => {
      if (!fetchId) return;
      setSend({ kind: 'sending' });
      const result = await api.sendToChat({ channel, fetchId, eventIds, issueKey, sendAgain });
      setSend(result.ok ? { kind: 'sent', alreadySent: result.data.alreadySent } : { kind: 'failed', error: result.error });
    },
    [channel, fetchId, eventIds, issueKey],
  );

  return { status, error, preview, send, save, forget, post };
}
