import { describe, expect, it, vi } from 'vitest';

import { ApiError } from '../../../shared/api/errors';
import { createDispatcher } from '../../../main/hosts/dispatch';
import type { Handlers } from '../../../main/hosts/dispatch';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const refuse = () => Promise.reject(new Error('not called in this test'));
  return new Proxy(overrides as Handlers, { get: (target, key) => (key in target ? target[key as keyof Handlers] : refuse) });
}

describe('the api dispatcher', () => {
  const openExternal = vi.fn(async ({ url }: { url: string }) => ({ opened: false, url }));
  const dispatch = createDispatcher(handlersWith({ openExternal } as Partial<Handlers>));

  it('calls the handler with parsed input', async () => {
    const result = await dispatch('openExternal', { url: 'https://console.aws.amazon.com/' });
    expect(result).toEqual({ ok: true, data: { opened: false, url: 'https://console.aws.amazon.com/' } });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'nope', '', 42, null, {}])('refuses the unknown method %j', async (method) => {
    const result = await dispatch(method, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it.each([
    ['a wrong type', { url: 42 }],
    ['a missing field', {}],
    ['an extra key', { url: 'https://x.test', extra: 1 }],
    ['a __proto__ key', JSON.parse('{"url":"https://x.test","__proto__":{"polluted":1}}')],
    ['a huge string', { url: 'x'.repeat(1_000_000) }],
    ['an array', []],
    ['null', null],
    ['a string', 'https://x.test'],
  ])('refuses input with %s before the handler runs', async (_name, input) => {
    openExternal.mockClear();
    const result = await dispatch('openExternal', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(openExternal).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the path of each invalid field', async () => {
    const result = await dispatch('refreshCredentials', { profile: 'bad name with spaces' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields).toHaveProperty('profile');
  });

  it('passes an ApiError through with its code and message', async () => {
    const failing = createDispatcher(
      handlersWith({ listProfiles: async () => Promise.reject(new ApiError('CONFIG_INVALID', 'Fix ~/.aws/config line 3.')) } as Partial<Handlers>),
    );
    expect(await failing('listProfiles', {})).toEqual({ ok: false, error: { code: 'CONFIG_INVALID', message: 'Fix ~/.aws/config line 3.' } });
  });

  it('never writes an input to the log, even when an unexpected error quotes it', async () => {
    const log = vi.fn();
    const token = 'CANARYjiraToken0123456789abcdef';
    const failing = createDispatcher(
      handlersWith({
        saveJiraConnection: async (input: { token: string | null }) => Promise.reject(new Error(`rejected token ${input.token} for site`)),
        answerMfa: async (input: { code: string | null }) => Promise.reject(new Error(`code ${input.code} refused`)),
      } as unknown as Partial<Handlers>),
      log,
    );
    await failing('saveJiraConnection', { site: 'https://team.atlassian.net', email: 'analyst@example.com', token });
    await failing('answerMfa', { requestId: 'r-1', code: '739215' });
    const written = log.mock.calls.map((call) => String(call[0])).join('\n');
    expect(written).toContain('api saveJiraConnection failed: Error: rejected token [input] for site');
    expect(written).toContain('api answerMfa failed: Error: code [input] refused');
    expect(written).not.toContain(token);
    expect(written).not.toContain('739215');
    expect(written).not.toContain('analyst@example.com');
  });

  it('hides the details of an unexpected error and logs them', async () => {
    const log = vi.fn();
    const failing = createDispatcher(handlersWith({ listProfiles: async () => Promise.reject(new Error('secret detail')) } as Partial<Handlers>), log);
    const result = await failing('listProfiles', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret detail');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('secret detail'));
  });
});
