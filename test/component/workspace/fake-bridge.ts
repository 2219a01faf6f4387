import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';

import { useScreenSizedLayout } from '../events/table-env';
import { createFakeApi } from './fake-api';

/**
 * A stand-in for `renderer/api/bridge` on the web host: its `api` is the fake in `holder.current`
 * when the renderer asks, so each test can put a fresh one there. Use it from a mock factory:
 * `vi.mock('…/renderer/api/bridge', async () => (await import('…/workspace/fake-bridge')).fakeBridge(holder))`.
 */
export function fakeBridge<Api>(holder: { current: { api: Api } | null }) {
  return {
    hostKind: 'web' as const,
    get api() {
      return holder.current!.api;
    },
  };
}

/** The workspace tests' fake host: `fake.current` is a fresh `createFakeApi()` in every test. */
export const fake = { current: null as ReturnType<typeof createFakeApi> | null };

/** The bridge the workspace tests mock: `vi.mock('…/renderer/api/bridge', async () => (await import('…/workspace/fake-bridge')).workspaceBridge)`. */
export const workspaceBridge = fakeBridge(fake);

/** Each test of the workspace gets a screen-sized layout, a fresh fake host and empty local storage, and is unmounted after. */
export function useFakeWorkspace(): void {
  useScreenSizedLayout();
  beforeEach(() => {
    fake.current = createFakeApi();
    localStorage.clear();
  });
  afterEach(cleanup);
}
