import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FetchedEvent, FetchQuery } from '../../../shared/api/fetch-contract';
import type { StreamMessage } from '../../../shared/api/stream';
import { createFetchService } from '../../../main/services/fetch/fetch-service';
import type { FetchServiceOptions } from '../../../main/services/fetch/fetch-service';
import { createFetchStore } from '../../../main/services/fetch/fetch-store';
import type { FakeCall } from '../../fakes/cloudtrail/fake-cloudtrail';

/** A temporary HOME with shared AWS files, removed by `cleanup`. */
export function tempHome(files: { config?: string; credentials?: string } = {}) {
  const home = mkdtempSync(join(tmpdir(), 'trailcase-ct-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'config'), files.config ?? '');
  writeFileSync(join(home, '.aws', 'credentials'), files.credentials ?? '');
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

/** The environment a fetch sees: the temporary HOME and the fake's endpoint, nothing else. */
export function fakeEnv(home: string, endpoint: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    HOME: home,
    AWS_CONFIG_FILE: join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    AWS_ENDPOINT_URL_CLOUDTRAIL: endpoint,
    AWS_ENDPOINT_URL_STS: endpoint,
    ...extra,
  };
}

export const staticKeys = {
  credentials: '[analyst]\naws_access_key_id = AKIAFAKEANALYST00001\naws_secret_access_key = fakeSecretKeyForTests0000000000000000000\n',
  config: '[profile analyst]\nregion = eu-west-1\n',
};

/** Tuning for tests: short back-offs, so faults cost milliseconds. */
export const fastTuning = { maxAttempts: 4, backoffMs: 20, throttlePauseMs: 300, minSplitMs: 60_000, maxCursors: 8 };

/** A fetch service over a temporary cache, collecting every stream message. */
export function testService(
  env: NodeJS.ProcessEnv,
  options: FetchServiceOptions & { askMfaCode?: (request: { profile: string; mfaSerial: string }) => Promise<string> } = {},
) {
  const messages: StreamMessage[] = [];
  const service = createFetchService(
    {
      env,
      cacheDir: join(env.HOME!, 'cache'),
      emit: (message) => messages.push(message),
      askMfaCode: options.askMfaCode ?? (() => Promise.reject(new Error('no MFA expected'))),
    },
    { tuning: fastTuning, requestTimeoutMs: 3000, ...options },
  );
  const streamed = (fetchId: string): FetchedEvent[] =>
    messages.flatMap((m) => (m.type === 'fetch.events' && m.fetchId === fetchId ? m.events : []));
  return { ...service, messages, streamed };
}

export function query(overrides: Partial<FetchQuery> = {}): FetchQuery {
  return {
    profile: 'analyst',
    regions: ['eu-west-1'],
    identity: { kind: 'user', userName: 'alice' },
    start: '2026-11-01T00:00:00Z',
    end: '2026-11-08T00:00:00Z',
    followSessions: true,
    ...overrides,
  };
}

/** The most calls that arrived within any one second, per access key and region. */
export function busiestSecond(calls: FakeCall[], accountOf: (accessKeyId: string) => string = (key) => key): number {
  let most = 0;
  for (const call of calls) {
    const account = accountOf(call.accessKeyId ?? '');
    const within = calls.filter(
      (other) => accountOf(other.accessKeyId ?? '') === account && other.region === call.region && other.at >= call.at && other.at < call.at + 1000,
    );
    most = Math.max(most, within.length);
  }
  return most;
}

export const day = (iso: string) => Date.parse(iso);

/** What a stopped fetch saved in `cacheDir`: its cursors still holding a NextToken, which Resume must continue from. */
export function savedTokenCursors(cacheDir: string, fetchId: string) {
  const saved = createFetchStore(cacheDir).loadFetch(fetchId)!;
  return saved.cursors.filter((cursor) => !cursor.done && cursor.nextToken !== null);
}

/** The calls among `calls` that asked one of `cursors`' queries again from its first page (a Resume asks none). */
export function restartedQueries(calls: FakeCall[], cursors: ReturnType<typeof savedTokenCursors>): FakeCall[] {
  return calls.filter(
    (call) =>
      call.body?.NextToken === undefined &&
      cursors.some(
        (cursor) =>
          cursor.region === call.region &&
          Number(call.body?.StartTime) * 1000 === cursor.windowStart &&
          Number(call.body?.EndTime) * 1000 === cursor.windowEnd,
      ),
  );
}
