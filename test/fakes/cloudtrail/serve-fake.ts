/**
 * Runs the fake CloudTrail in its own process (the benchmark's service, like the real one, must
 * not share the client's event loop). Argument: JSON {latencyMs, perRegion, regions, start, end}.
 * Prints the URL on stdout's first line; stops when stdin closes.
 */
import { startFakeCloudTrail } from './fake-cloudtrail';
import { fakeEvents } from './fake-events';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]!) as { latencyMs: number; perRegion: number; regions: string[]; start: number; end: number };
  const events = options.regions.flatMap((region) =>
    fakeEvents(options.perRegion, { start: options.start, end: options.end, region, userName: 'alice' }),
  );
  const fake = await startFakeCloudTrail({ events, callsPerSecond: 2, latencyMs: options.latencyMs });
  process.stdout.write(`${fake.url}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void fake.close().then(() => process.exit(0)));
}

void main();
