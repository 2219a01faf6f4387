/**
 * `npm run bench`: runs each benchmark in turn and prints its figures (`npm run bench --
 * renderer` runs one). Add a benchmark by adding its entry to this list. The renderer benchmark
 * drives the built app, so the npm script builds first.
 */
import { benchAnalyze } from './analyze';
import { benchAthena } from './athena';
import { benchBaseline } from './baseline';
import { benchCloudTrail } from './cloudtrail';
import { benchConsoleActions } from './console-actions';
import { benchDetectionReplay } from './detection-replay';
import { benchIam } from './iam';
import { benchLogFiles } from './log-files';
import { printRendererFigures, runRendererBench } from './renderer';
import { benchStory } from './story';

const benches: Array<[string, () => Promise<void>]> = [
  ['cloudtrail', benchCloudTrail],
  ['renderer', async () => printRendererFigures(await runRendererBench())],
  ['analyze', benchAnalyze],
  ['baseline', benchBaseline],
  ['console-actions', benchConsoleActions],
  ['story', benchStory],
  ['detection-replay', benchDetectionReplay],
  ['iam', benchIam],
  ['log-files', benchLogFiles],
  ['athena', benchAthena],
];

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
