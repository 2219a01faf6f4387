import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

/**
 * The offline Electron support gate (`npm run scan` runs it first): Electron fixes only its
 * newest three stable majors, listed in scripts/electron-support.json with the date they were
 * reviewed.
 */
const support = JSON.parse(readFileSync('scripts/electron-support.json', 'utf8')) as { updated: string; supportedMajors: number[] };
const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron!;

function check(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/check-electron-support.mjs', ...args], { encoding: 'utf8', timeout: 30_000 });
}

function daysAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('the Electron support check', () => {
  it('lists three majors, newest first, and pins an exact Electron of the newest', () => {
    expect(support.supportedMajors).toHaveLength(3);
    expect([...support.supportedMajors].sort((a, b) => b - a)).toEqual(support.supportedMajors);
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(pinned.split('.')[0])).toBe(support.supportedMajors[0]);
  });

  it('passes the pinned Electron on the day the list was reviewed', () => {
    const run = check('--today', support.updated);
    expect(run.stderr).toContain(`Electron ${pinned} is a supported major`);
    expect(run.status).toBe(0);
  });

  it('fails an Electron older than the newest three majors, saying so and what to do', () => {
    const old = `${Math.min(...support.supportedMajors) - 1}.8.6`;
    const run = check('--version', old, '--today', support.updated);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Electron ${old} is out of support`);
    expect(run.stderr).toContain('npm install --save-exact --save-dev electron@');
  });

  it('fails Electron 38.8.6, the version the audit found', () => {
    expect(check('--version', '38.8.6', '--today', support.updated).status).toBe(1);
  });

  it('fails a bump past the list until the list is updated with it', () => {
    const run = check('--version', `${support.supportedMajors[0]! + 1}.0.0`, '--today', support.updated);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('update scripts/electron-support.json');
  });

  it('fails a range or a pre-release instead of one exact version', () => {
    for (const version of [`^${pinned}`, `${pinned}-beta.1`, 'latest'])
      expect(check('--version', version, '--today', support.updated).status, version).toBe(1);
  });

  it('fails once enough time passed since the review for the pinned major to have left support', () => {
    // The newest listed major leaves support after three more majors, about 8 weeks apart.
    expect(check('--today', daysAfter(support.updated, 3 * 56)).status).toBe(0);
    const late = check('--today', daysAfter(support.updated, 3 * 56 + 1));
    expect(late.status).toBe(1);
    expect(late.stderr).toContain('has probably left support');
    // The oldest listed major leaves after one.
    const oldest = `${Math.min(...support.supportedMajors)}.0.0`;
    expect(check('--version', oldest, '--today', daysAfter(support.updated, 57)).status).toBe(1);
  });

  it('fails a list that names fewer than three majors', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'trailcase-support-')), 'support.json');
    writeFileSync(file, JSON.stringify({ updated: support.updated, supportedMajors: [support.supportedMajors[0]] }));
    const run = check('--support', file, '--today', support.updated);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('newest three');
  });
});
