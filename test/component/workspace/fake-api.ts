import { vi } from 'vitest';

import type { RegionDefaults } from '../../../shared/api/app-contract';
import type { StreamMessage } from '../../../shared/api/stream';

type Listener = (message: StreamMessage) => void;

/** A stand-in for the renderer's bridge: records calls and lets a test push stream messages. */
export function createFakeApi() {
  const listeners = new Set<Listener>();
  const ok = <T,>(data: T) => Promise.resolve({ ok: true as const, data });
  const api = {
    subscribe: vi.fn((listener: Listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    startFetch: vi.fn(() => ok({ fetchId: 'f1' })),
    cancelFetch: vi.fn(() => ok({})),
    cancelStartingFetches: vi.fn(() => ok({})),
    resumeFetch: vi.fn(() => ok({ fetchId: 'f1' })),
    getFetch: vi.fn(),
    getFetchEvents: vi.fn(() => ok({ events: [], total: 0 })),
    prepareDemoLogFiles: vi.fn(() => ok({ path: '/cache/demo-log-files/current' })),
    // The web host's answer: no native chooser (a test of the desktop's sets its own).
    canChooseLocalPath: vi.fn(() => ok({ available: false })),
    chooseLocalPath: vi.fn(() => ok<{ path: string | null }>({ path: null })),
    // An Athena scan of 3 days, 12 objects, 40 GB: $0.20 (a test sets another answer).
    estimateAthenaScan: vi.fn(() => ok({ bytes: 40 * 2 ** 30, billedBytes: 40 * 2 ** 30, usd: 0.1953125, days: 3, objects: 12 })),
    listInvestigations: vi.fn(() => ok([])),
    saveInvestigation: vi.fn((input: object) => ok({ ...input, id: 'inv1', kind: 'saved', createdAt: '2026-11-20T00:00:00Z', updatedAt: '2026-11-20T00:00:00Z' })),
    autosaveInvestigation: vi.fn((input: object) => ok({ ...input, id: 'autosave-1', kind: 'autosave', createdAt: '2026-11-20T00:00:00Z', updatedAt: '2026-11-20T00:00:00Z' })),
    getInvestigation: vi.fn(),
    deleteInvestigation: vi.fn(() => ok({})),
    listProfiles: vi.fn(() => ok({ profiles: [], problems: [] })),
    listRegions: vi.fn(() => ok<RegionDefaults>({ regions: ['us-east-1', 'eu-west-1', 'us-west-2'], source: 'demo', reason: null })),
    // The IAM panel reads once a fetch is done; these tests are not about IAM, so its answer never comes.
    iamIdentity: vi.fn(() => new Promise(() => {})),
  };
  const push = (message: StreamMessage) => listeners.forEach((listener) => listener(message));
  return { api, push };
}

/** A fetched event as the host streams it. */
export function fetched(i: number, fields: Record<string, unknown> = {}) {
  const record = {
    eventID: `e${i}`,
    eventTime: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
    eventName: i % 2 === 0 ? 'GetObject' : 'PutObject',
    eventSource: 's3.amazonaws.com',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.7',
    userIdentity: { type: 'IAMUser', userName: 'alice' },
    ...fields,
  };
  return { eventId: record.eventID, region: 'us-east-1', raw: JSON.stringify(record) };
}
