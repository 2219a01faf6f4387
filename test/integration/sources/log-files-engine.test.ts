import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { fetchLogFiles } from '../../../main/services/sources/log-files/log-files-source';
import type { LogQuery } from '../../../main/services/sources/log-files/log-query';
import { paddedLogFile, records } from './log-corpus';

const range = { start: Date.parse('2026-03-01T00:00:00Z'), end: Date.parse('2026-03-02T00:00:00Z'), regions: [] };

function dayFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'trailcase-engine-'));
  const day = join(folder, 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/01');
  mkdirSync(day, { recursive: true });
  return day;
}

const aliceWith = (n: number) => records.alice.replace('000000000001"', `${String(n).padStart(12, '0')}"`);

/** The log-file engine's threads: cutters claim files from a shared counter and feed one DuckDB judge. */
describe('the log-file engine', () => {
  it('lists the records in the files’ order, whichever cutter finished first, and reports each file once', async () => {
    const day = dayFolder();
    // The first file takes the longest to walk: a cutter is still on it while others finish the rest.
    writeFileSync(join(day, 'f000.json.gz'), paddedLogFile(aliceWith(0)));
    for (let file = 1; file < 40; file++) writeFileSync(join(day, `f${String(file).padStart(3, '0')}.json.gz`), gzipSync(`{"Records":[${aliceWith(file)}]}`));
    const reported: string[] = [];
    const query: LogQuery = { filter: { kind: 'user', userName: 'alice' }, ...range };
    const result = await fetchLogFiles(day, query, { onFile: (file) => reported.push(file.path) });
    expect(result.failed).toEqual([]);
    expect(result.events.map((event) => event.eventId)).toEqual(Array.from({ length: 40 }, (_, n) => `11111111-aaaa-4000-8000-${String(n).padStart(12, '0')}`));
    expect(reported.sort()).toEqual(Array.from({ length: 40 }, (_, n) => join(day, `f${String(n).padStart(3, '0')}.json.gz`)));
  }, 60_000);

  it('holds a cutter back until the judge has taken its candidates, and loses none (every record a candidate)', async () => {
    const day = dayFolder();
    // 40 files of 3,000 candidates (1 MB each): more than a cutter may send before DuckDB answers.
    for (let file = 0; file < 40; file++) writeFileSync(join(day, `f${String(file).padStart(3, '0')}.json.gz`), paddedLogFile(records.root));
    const query: LogQuery = { filter: { kind: 'ip', address: 'cloudtrail.amazonaws.com' }, ...range };
    const result = await fetchLogFiles(day, query);
    expect(result.failed).toEqual([]);
    expect(result.events).toHaveLength(40 * 3000);
    expect(new Set(result.events.map((event) => event.raw))).toEqual(new Set([records.service]));
  }, 120_000);

  it('names a file that unzips past the bound (a gzip bomb) without holding it, and still loads the others', async () => {
    const day = dayFolder();
    writeFileSync(join(day, 'a.json.gz'), gzipSync(`{"Records":[${aliceWith(1)}]}`));
    // 4 MiB of text in 4 KB of gzip; the bound here is 1 MiB (512 MiB by default).
    writeFileSync(join(day, 'b.json.gz'), gzipSync(`{"Records":[{"pad":"${'0'.repeat(4 << 20)}"}]}`));
    const query: LogQuery = { filter: { kind: 'user', userName: 'alice' }, ...range };
    const result = await fetchLogFiles(day, query, { maxTextBytes: 1 << 20 });
    expect(result.events.map((event) => event.eventId)).toEqual(['11111111-aaaa-4000-8000-000000000001']);
    expect(result.failed).toEqual([{ path: join(day, 'b.json.gz'), message: 'it holds more than 1 MiB of text, far more than CloudTrail writes to one file: not read' }]);
  }, 60_000);
});
