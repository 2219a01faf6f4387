import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

import { findLogFiles } from '../../../main/services/sources/log-files/discover';

const root = mkdtempSync(join(tmpdir(), 'trailcase-discover-'));
const paths = [
  'AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/01/a.json.gz',
  'AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/05/b.json.gz',
  'AWSLogs/111122223333/CloudTrail/eu-west-1/2026/03/01/c.json',
  'AWSLogs/o-abc123def4/222233334444/CloudTrail/us-east-1/2026/03/02/d.json.gz',
  'AWSLogs/111122223333/CloudTrail/us-east-1/2025/12/31/e.json.gz',
  'AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/03/01/digest.txt',
  'flat/f.json.gz',
];
for (const path of paths) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), '{"Records":[]}');
}
const found = async (scope: { regions?: string[]; start: string; end: string }, at = root) =>
  (await findLogFiles(at, { regions: scope.regions ?? [], start: Date.parse(scope.start), end: Date.parse(scope.end) })).files.map((file) =>
    relative(root, file.path),
  );

describe('finding CloudTrail log files', () => {
  it('skips the folders of other regions and of days outside the range, organisation trails included', async () => {
    expect(await found({ regions: ['us-east-1'], start: '2026-03-01T00:00:00Z', end: '2026-03-01T23:59:59Z' })).toEqual([
      'AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/01/a.json.gz',
      // The day after the range: CloudTrail files a record under the day it delivered it.
      'AWSLogs/o-abc123def4/222233334444/CloudTrail/us-east-1/2026/03/02/d.json.gz',
      'flat/f.json.gz',
    ]);
  });

  it('reads every region and every day in range without --region, and only log files', async () => {
    const all = await found({ start: '2025-01-01T00:00:00Z', end: '2027-01-01T00:00:00Z' });
    expect(all).toHaveLength(6);
    expect(all).not.toContain('AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/03/01/digest.txt');
  });

  it('counts the folders it did not open', async () => {
    const result = await findLogFiles(root, {
      regions: ['eu-west-1'],
      start: Date.parse('2026-03-01T00:00:00Z'),
      end: Date.parse('2026-03-01T12:00:00Z'),
    });
    expect(result.files.map((file) => relative(root, file.path))).toEqual([
      'AWSLogs/111122223333/CloudTrail/eu-west-1/2026/03/01/c.json',
      'flat/f.json.gz',
    ]);
    expect(result.foldersSkipped).toBe(2);
  });

  it('takes a single file as it is', async () => {
    expect(await found({ start: '2020-01-01T00:00:00Z', end: '2020-01-02T00:00:00Z' }, join(root, 'flat/f.json.gz'))).toEqual([
      'flat/f.json.gz',
    ]);
  });
});
