import { methodNames } from '../../shared/api/contract';
import type { MethodName, TrailcaseApi } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import { StreamMessage } from '../../shared/api/stream';

const TOKEN_KEY = 'trailcase.token';

/**
 * Reads the web host's per-start token from the page URL (then removes it from the address bar,
 * so it is not bookmarked or shared by accident) or from this tab's session storage.
 */
export function takeToken(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}`);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The api over the web host: one POST per call, stream messages as NDJSON from one GET. */
export function createWebClient(token: string): TrailcaseApi {
  const headers = { 'Content-Type': 'application/json', 'X-Trailcase-Token': token };
  const call = async (method: MethodName, input: unknown): Promise<ApiResult<unknown>> => {
    try {
      const response = await fetch(`/api/call/${method}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}), credentials: 'omit' });
      if (response.status === 401) return { ok: false, error: { code: 'ACCESS_DENIED', message: 'This page has no valid token. Open the URL printed by `npm run web` again.' } };
      return (await response.json()) as ApiResult<unknown>;
    } catch {
      return { ok: false, error: { code: 'NETWORK', message: 'The Trailcase web host is not answering. Is `npm run web` still running?' } };
    }
  };
  const listeners = new Set<(message: StreamMessage) => void>();
  let streaming = false;

  async function openStream(): Promise<void> {
    if (streaming) return;
    streaming = true;
    let delay = 500;
    while (listeners.size > 0) {
      try {
        const response = await fetch('/api/stream', { headers: { 'X-Trailcase-Token': token }, credentials: 'omit' });
        if (!response.ok || !response.body) throw new Error(`stream ${response.status}`);
        delay = 500;
        await readLines(response.body, (line) => {
          const parsed = StreamMessage.safeParse(JSON.parse(line));
          if (parsed.success) for (const listener of listeners) listener(parsed.data);
        });
      } catch {
        // The host restarted or the connection dropped: try again, a little later each time.
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 5000);
    }
    streaming = false;
  }

  const api = Object.fromEntries(methodNames.map((method) => [method, (input: unknown) => call(method, input)])) as unknown as TrailcaseApi;
  api.subscribe = (listener) => {
    listeners.add(listener);
    void openStream();
    return () => listeners.delete(listener);
  };
  return api;
}

async function readLines(body: ReadableStream<Uint8Array>, onLine: (line: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (line.trim() !== '') onLine(line);
      newline = buffer.indexOf('\n');
    }
  }
}
