import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { emptyFilters } from '../../../shared/filters/filter-state';
import type { HostContext } from '../../../main/hosts/host-context';
import { createHost } from '../../../main/hosts/create-host';
import { demoAnchor } from '../../../main/services/demo/demo-account';
import { createPendingStore } from '../../../main/services/drafts/pending-store';
import { createConnectionStore } from '../../../main/services/jira/connection-store';
import { createMemorySecretStore } from '../../../main/services/secrets/secret-store';
import { runCli } from '../../helpers/run-cli';

let dir: string;
let umask: number;

beforeEach(() => {
  // The usual umask: without promise 20, folders come out 0755 and files 0644, readable by all.
  umask = process.umask(0o022);
  dir = mkdtempSync(join(tmpdir(), 'trailcase-private-'));
});
afterEach(() => {
  process.umask(umask);
  rmSync(dir, { recursive: true, force: true });
});

/** Every folder and file under `root` (root included) with its permission bits. */
function modes(root: string): Record<string, number> {
  const found: Record<string, number> = { '.': statSync(root).mode & 0o777 };
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      found[relative(root, path)] = statSync(path).mode & 0o777;
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(root);
  return found;
}

/** What a private tree looks like: every folder 0700, every file 0600. */
function expectPrivate(root: string): void {
  for (const [path, mode] of Object.entries(modes(root))) {
    expect({ path, mode: mode.toString(8) }).toEqual({ path, mode: statSync(join(root, path)).isDirectory() ? '700' : '600' });
  }
}

const demoQuery = {
  profile: 'demo',
  regions: ['us-east-1'],
  identity: { kind: 'user' as const, userName: 'jmorales' },
  start: new Date(demoAnchor() - 86_400_000).toISOString(),
  end: new Date(demoAnchor()).toISOString(),
};

function hostOfKind(kind: HostContext['kind']) {
  return createHost({
    kind,
    env: { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') },
    dataDir: join(dir, 'data'),
    cacheDir: join(dir, 'cache'),
    emit: () => {},
    askMfaCode: () => Promise.reject(new Error('no MFA')),
    secrets: createMemorySecretStore(),
    openExternal: async () => false,
    takePendingDeepLink: () => null,
  });
}

/** Uses every store of a host: a fetch, an investigation, a draft, a pending submission, Jira settings. */
async function useEveryStore(kind: HostContext['kind']): Promise<void> {
  const host = hostOfKind(kind);
  const started = await host.dispatch('startFetch', demoQuery);
  if (!started.ok) throw new Error(started.error.message);
  const { fetchId } = started.data as { fetchId: string };
  expect((await host.fetches.manager.settled(fetchId)).state).toBe('done');
  const saved = await host.dispatch('saveInvestigation', {
    name: 'jmorales',
    query: demoQuery,
    fetchId,
    filters: emptyFilters,
    selection: [],
    notes: 'private',
  });
  expect(saved.ok).toBe(true);
  const draft = {
    summary: 'Keys of jmorales',
    analystText: 'private',
    fetchId,
    eventIds: [],
    projectKey: null,
    issueTypeId: null,
    fields: {},
  };
  expect(await host.dispatch('saveDraft', { key: fetchId, draft })).toMatchObject({ ok: true });
  const pending = createPendingStore(join(dir, 'data'));
  const entry = {
    submissionId: 's-1',
    site: 'https://corp.atlassian.net',
    label: 'trailcase-s-1',
    projectKey: 'SEC',
    summary: 'x',
    fields: {},
  };
  await pending.put({
    ...entry,
    attachmentName: 'events.json',
    stage: 'creating',
    issueId: null,
    issueKey: null,
    createdAt: new Date().toISOString(),
    lastError: null,
  });
  await pending.putEvents('s-1', '{"Records":[]}');
  await createConnectionStore({ dataDir: join(dir, 'data'), env: {}, secrets: createMemorySecretStore() }).saveDefaults(
    'https://corp.atlassian.net',
    {
      projectKey: 'SEC',
      issueTypeId: null,
      fields: {},
    },
  );
  await host.fetches.close();
}

describe('what Trailcase stores is private to the user (promise 20)', () => {
  test.each(['electron', 'web', 'cli'] as const)(
    'the %s host creates every data and cache folder 0700 and file 0600 under umask 022',
    async (kind) => {
      await useEveryStore(kind);
      const stored = Object.keys({ ...modes(join(dir, 'data')), ...modes(join(dir, 'cache')) });
      for (const expected of [
        'investigations',
        'drafts',
        join('jira', 'pending'),
        join('jira', 'defaults.json'),
        join('cloudtrail', 'fetches'),
        join('cloudtrail', 'streams'),
      ]) {
        expect(stored).toContain(expected);
      }
      expect(Object.keys(modes(join(dir, 'cache'))).some((path) => path.endsWith('events.ndjson'))).toBe(true);
      expectPrivate(join(dir, 'data'));
      expectPrivate(join(dir, 'cache'));
    },
  );

  test('folders found 0755 and files found 0644 (an older version, a loose umask) are tightened', async () => {
    await useEveryStore('web');
    const loosen = (root: string) => {
      for (const path of Object.keys(modes(root))) chmodSync(join(root, path), statSync(join(root, path)).isDirectory() ? 0o755 : 0o644);
    };
    loosen(join(dir, 'data'));
    loosen(join(dir, 'cache'));
    // A fresh host finds them so: its first use of each store tightens everything it holds.
    const host = hostOfKind('web');
    await host.dispatch('listInvestigations', {});
    await host.dispatch('loadDraft', { key: 'scratch' });
    await host.dispatch('listPendingSubmissions', {});
    await host.dispatch('listFetches', {});
    await host.fetches.close();
    expectPrivate(join(dir, 'data'));
    expectPrivate(join(dir, 'cache'));
  });

  test('the CLI cache is private, and a cache left 0755/0644 is tightened', async () => {
    const cache = join(dir, 'cli-cache');
    mkdirSync(join(cache, 'cloudtrail', 'streams', 'old'), { recursive: true, mode: 0o755 });
    chmodSync(cache, 0o755);
    writeFileSync(join(cache, 'cloudtrail', 'streams', 'old', 'events.ndjson'), '{}\n', { mode: 0o644 });
    const run = await runCli(['fetch', '--profile', 'demo', '--user', 'jmorales', '--since', '1d', '--out', join(dir, 'out.json')], {
      HOME: dir,
      TRAILCASE_CACHE_DIR: cache,
      TRAILCASE_DATA_DIR: join(dir, 'cli-data'),
    });
    expect(run.code).toBe(0);
    expect(Object.keys(modes(cache)).filter((path) => path.endsWith('events.ndjson')).length).toBeGreaterThan(1);
    expectPrivate(cache);
  });
});
