/**
 * `npm run bench`: runs each benchmark in turn and prints its figures. Add a benchmark by
 * adding its entry to this list.
 */
import { benchCloudTrail } from './cloudtrail';

const benches: Array<[string, () => Promise<void>]> = [['cloudtrail', benchCloudTrail]];

async function main(): Promise<void> {
  const only = process.argv[2];
  for (const [name, run] of benches) {
    if (only && only !== name) continue;
    console.log(`\n== ${name}`);
    await run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
