import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { FakeCall } from './fake-cloudtrail';
import type { Distribution } from './fake-events';

/** What the fake CloudTrail of another process holds and how it answers. */
export interface FakeProcessSpec {
  latencyMs?: number;
  callsPerSecond?: number;
  repeatAcrossPages?: boolean;
  /** Access keys of one account: they share its 2 calls a second. */
  sameAccount?: string[];
  sets: Array<{ count: number; distribution: Distribution; region: string; userName: string; start: number; end: number; seed?: number }>;
}

/** Starts serve-fake.ts in a child process and reads its logs over HTTP. */
export async function startFakeCloudTrailProcess(spec: FakeProcessSpec) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(fileURLToPath(new URL('.', import.meta.url)), 'serve-fake.ts'), JSON.stringify(spec)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  // The fake stands for a service on machines of its own: on a loaded test machine it must still
  // stamp each call when it arrives, so it runs ahead of the other processes where allowed.
  try {
    if (child.pid) setPriority(child.pid, -15);
  } catch {
    // Not allowed (not root): its stamps are then only as punctual as the machine lets them be.
  }
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.trim());
    });
    child.on('exit', () => reject(new Error('the fake CloudTrail did not start')));
  });
  const read = async <T>(path: string): Promise<T> => (await (await fetch(`${url}${path}`)).json()) as T;
  return {
    url,
    /** LookupEvents calls in arrival order, stamped on the fake's own clock. */
    lookups: () => read<FakeCall[]>('/__calls'),
    events: () => read<Array<{ eventId: string; username: string; region: string; time: number }>>('/__events'),
    stats: () => read<{ lookups: number; throttled: number }>('/__stats'),
    close(): Promise<void> {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
      });
    },
  };
}

export type FakeCloudTrailProcess = Awaited<ReturnType<typeof startFakeCloudTrailProcess>>;
