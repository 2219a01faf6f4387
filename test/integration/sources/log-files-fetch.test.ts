import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { spawnCli } from '../cli/spawn-cli';
import { corpusFiles, records, recordsOutput, writeCorpus } from './log-corpus';

/** `trailcase fetch --source FOLDER`: the CLI from source, over gzip log files in the S3 layout. */
const root = mkdtempSync(join(tmpdir(), 'trailcase-logs-'));
writeCorpus(root);
const march = ['--start', '2026-03-01T00:00:00Z', '--end', '2026-03-03T00:00:00Z'];

describe('fetch --source with CloudTrail log files', () => {
  it('writes a user’s records exactly as the files hold them: own calls, calls through a service, a role session, a 1.0-era record; sorted, each once', async () => {
    const result = await spawnCli(['fetch', '--source', root, '--user', 'alice', ...march]);
    expect(result.stderr).toContain('from 3 file(s)');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(recordsOutput(records.alice, records.aliceByService, records.aliceOld, records.aliceSession));
  });

  it('finds the root user’s records as --user root', async () => {
    const result = await spawnCli(['fetch', '--source', root, '--user', 'root', ...march]);
    expect(result.stdout).toBe(recordsOutput(records.root));
  });

  it('writes an access key’s records, and every identity behind one address with --ip', async () => {
    const [key, address] = await Promise.all([
      spawnCli(['fetch', '--source', root, '--access-key-id', 'ASIAROLESESSION00001', ...march]),
      spawnCli(['fetch', '--source', root, '--ip', '203.0.113.7', ...march]),
    ]);
    expect(key.stdout).toBe(recordsOutput(records.aliceSession));
    expect(address.stdout).toBe(recordsOutput(records.aliceSession, records.bobSameAddress));
    expect(address.code).toBe(0);
  });

  it('names a corrupt file and a truncated gzip, still writes the others’ records, and exits 4', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trailcase-logs-bad-'));
    const good = Object.entries(corpusFiles)[0]![1];
    writeFileSync(join(folder, 'good.json.gz'), gzipSync(`{"Records":[${good.join(',')}]}`));
    writeFileSync(join(folder, 'corrupt.json'), '{"Records":[{"eventTime": oops');
    const whole = gzipSync(`{"Records":[${records.alice}]}`);
    writeFileSync(join(folder, 'truncated.json.gz'), whole.subarray(0, whole.length - 12));
    const result = await spawnCli(['fetch', '--source', folder, '--user', 'alice', '--format', 'ndjson']);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/warning: \S*corrupt\.json could not be read/);
    expect(result.stderr).toMatch(/warning: \S*truncated\.json\.gz could not be read/);
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { raw: string }).raw),
    ).toEqual([records.alice, records.aliceByService]);
  });

  it('refuses --ip with the lookup source before any credential is read (exit 2)', async () => {
    const result = await spawnCli(['fetch', '--ip', '203.0.113.7', '--profile', 'nowhere']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('LookupEvents cannot filter by source address');
    expect(result.stderr).not.toContain('Getting credentials');
  });

  it('reads one file given by path', async () => {
    const file = join(root, Object.keys(corpusFiles)[2]!);
    const result = await spawnCli(['fetch', '--source', file, '--user', 'bob', '--out', join(root, '..', `bob-${process.pid}.json`)]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(root, '..', `bob-${process.pid}.json`), 'utf8')).toBe(recordsOutput(records.bobSameAddress));
  });
});
