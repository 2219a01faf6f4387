/**
 * Runs the fake CloudTrail in its own process. The service, like the real one, must not share
 * the client's event loop: a client busy writing its store would otherwise delay the fake's
 * arrival stamps, and the rate it measures would be the client's stalls, not the client's calls.
 * Argument: a FakeProcessSpec as JSON. Prints the URL on stdout's first line; stops when stdin
 * closes. GET /__calls and /__events tell what it served and holds.
 */
import { startFakeCloudTrail } from './fake-cloudtrail';
import { distributedEvents } from './fake-events';
import type { FakeProcessSpec } from './fake-process';

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2]!) as FakeProcessSpec;
  const events = spec.sets.flatMap((set) => distributedEvents(set.count, set.distribution, set));
  const sameAccount = new Set(spec.sameAccount ?? []);
  const fake = await startFakeCloudTrail({
    events,
    callsPerSecond: spec.callsPerSecond ?? 2,
    latencyMs: spec.latencyMs ?? 0,
    repeatAcrossPages: spec.repeatAcrossPages ?? false,
    ...(sameAccount.size > 0 ? { accountOf: (key: string) => (sameAccount.has(key) ? 'one-account' : key) } : {}),
  });
  process.stdout.write(`${fake.url}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void fake.close().then(() => process.exit(0)));
}

void main();
