import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createFetchAnalyzer } from '../../../main/hosts/handlers/analysis-handlers';
import type { HostContext } from '../../../main/hosts/host-context';
import { createAnalysisRunner, createWorkerRunner } from '../../../main/services/analysis/analysis-runner';
import type { AnalysisInput, AnalysisRunner } from '../../../main/services/analysis/analysis-runner';
import type { FetchAnalysis } from '../../../shared/api/analysis-contract';
import { isApiError } from '../../../shared/api/errors';

/** The analysis runner: the built worker (run `npm run build` first), its failures, its teardown, and the host's sharing. */
const builtWorker = resolve(__dirname, '../../../out/main/analysis-worker.cjs');
const dataDir = mkdtempSync(join(tmpdir(), 'trailcase-runner-'));

const record = (i: number) =>
  JSON.stringify({
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', accountId: '111122223333', userName: 'alice', arn: 'arn:aws:iam::111122223333:user/alice' },
    eventTime: `2026-01-01T00:0${i}:00Z`,
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    awsRegion: 'us-east-1',
    sourceIPAddress: '8.8.8.8',
    userAgent: 'aws-cli/2.15.0',
    eventID: `id-${i}`,
  });

const input = (count: number): AnalysisInput => ({ dataDir, fetchId: 'f1', events: Array.from({ length: count }, (_, i) => ({ raw: record(i), region: 'us-east-1' })), baseline: null, mutes: [] });

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(isApiError(error), String(error)).toBe(true);
  return error as Error & { code: string };
}

describe('the analysis runner', () => {
  it('answers from the built worker as the in-process analysis does', async () => {
    const runner = createWorkerRunner({ file: builtWorker });
    try {
      const [worker, inline] = await Promise.all([runner.run(input(5)), createAnalysisRunner().run(input(5))]);
      expect(worker.eventCount).toBe(5);
      expect(worker).toEqual(inline);
    } finally {
      await runner.close();
    }
  }, 60_000);

  it('turns an error inside the worker into INTERNAL saying what failed, and keeps working', async () => {
    const runner = createWorkerRunner({ file: builtWorker });
    try {
      const error = await failure(runner.run({ ...input(1), events: null as never }));
      expect(error.code).toBe('INTERNAL');
      expect(error.message).toMatch(/^The analysis failed: .*null/);
      expect((await runner.run(input(2))).eventCount).toBe(2);
    } finally {
      await runner.close();
    }
  }, 60_000);

  it('fails what a dying worker was running with INTERNAL, and starts a new worker next time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailcase-dying-'));
    const file = join(dir, 'dying.cjs');
    writeFileSync(file, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));");
    const runner = createWorkerRunner({ file });
    try {
      for (let i = 0; i < 2; i++) {
        const error = await failure(runner.run(input(1)));
        expect(error.code).toBe('INTERNAL');
        expect(error.message).toBe('The analysis failed: the analysis worker stopped (exit code 3)');
      }
    } finally {
      await runner.close();
    }
  });

  it('ends the worker on close: what runs fails with INTERNAL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailcase-silent-'));
    const file = join(dir, 'silent.cjs');
    writeFileSync(file, "require('node:worker_threads').parentPort.on('message', () => require('node:worker_threads').parentPort.postMessage({ id: 0, started: true }));");
    const runner = createWorkerRunner({ file });
    const failed = failure(runner.run(input(1)));
    await runner.close();
    const error = await failed;
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe('The analysis failed: the host is closing');
  });
});

describe('the host analyzer', () => {
  it('shares a running analysis between two requests for the same fetch, and keeps the answer', async () => {
    const calls: AnalysisInput[] = [];
    let finish: (answer: FetchAnalysis) => void = () => {};
    const runner: AnalysisRunner = {
      run: (asked) => {
        calls.push(asked);
        return new Promise((done) => (finish = done));
      },
      close: async () => {},
    };
    const events = input(3).events.map((event, i) => ({ ...event, eventId: `id-${i}` }));
    const analyze = createFetchAnalyzer({ dataDir } as HostContext, { events: () => ({ events, total: events.length }) }, runner);
    const first = analyze('f1');
    const second = analyze('f1');
    await expect.poll(() => calls.length).toBe(1);
    const answer = { fetchId: 'f1', eventCount: 3 } as FetchAnalysis;
    finish(answer);
    expect(await first).toBe(answer);
    expect(await second).toBe(answer);
    expect(await analyze('f1')).toBe(answer);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.events.map((event) => event.raw)).toEqual(events.map((event) => event.raw));
  });
});
