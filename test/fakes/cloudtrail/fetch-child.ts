/**
 * A separate process that starts one fetch and keeps running until it is killed: the kill test
 * ends it with SIGKILL between pages and resumes the fetch from what it stored.
 * Argument: the query as JSON. Environment: HOME, the AWS variables, TRAILCASE_CACHE_DIR.
 */
import { createFetchService } from '../../../main/services/fetch/fetch-service';

async function main(): Promise<void> {
  const service = createFetchService(
    {
      env: process.env,
      cacheDir: process.env.TRAILCASE_CACHE_DIR!,
      emit: () => {},
      askMfaCode: () => Promise.reject(new Error('no MFA here')),
    },
    { callsPerSecond: 20 },
  );
  const fetchId = await service.manager.start(JSON.parse(process.argv[2]!));
  process.stdout.write(`${fetchId}\n`);
  await service.manager.settled(fetchId);
}

void main();
