/**
 * A separate process that starts one fetch and keeps running until it is killed: the kill test
 * ends it with SIGKILL between pages and resumes the fetch from what it stored.
 * Argument: the query as JSON. Environment: HOME, the AWS variables, TRAILCASE_CACHE_DIR.
 * Stdout: the fetch id on the first line, then `pages N` whenever the pages stored change (a
 * page is stored before its progress is reported), so the test kills on an event, not a delay.
 */
import { defaultTuning } from '../../../main/services/cloudtrail/region-runner';
import { createFetchService } from '../../../main/services/fetch/fetch-service';

async function main(): Promise<void> {
  let reported = 0;
  const service = createFetchService(
    {
      env: process.env,
      cacheDir: process.env.TRAILCASE_CACHE_DIR!,
      emit: (message) => {
        if (message.type !== 'fetch.progress') return;
        const pages = message.regions.reduce((sum, region) => sum + region.pages, 0);
        if (pages !== reported) process.stdout.write(`pages ${(reported = pages)}\n`);
      },
      askMfaCode: () => Promise.reject(new Error('no MFA here')),
    },
    // Two cursors a region at most: the first pages always leave a cursor holding a NextToken.
    { callsPerSecond: 20, tuning: { ...defaultTuning, maxCursors: 2 } },
  );
  const fetchId = await service.manager.start(JSON.parse(process.argv[2]!));
  process.stdout.write(`${fetchId}\n`);
  await service.manager.settled(fetchId);
}

void main();
