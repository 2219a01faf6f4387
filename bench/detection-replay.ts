/**
 * Detection replay: the public test records of established detection content (Panther's
 * CloudTrail rules, test/fixtures/detection-replay) through the engine behind `trailcase analyze`'s
 * `flags`. Prints the share of expected-alert records flagged (target ≥ 90%), the share of
 * expected-quiet records flagged (few), and each miss.
 */
import { loadReplayCorpus, replay } from '../test/unit/rules/replay';

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

export async function benchDetectionReplay(): Promise<void> {
  const summary = replay(loadReplayCorpus());
  console.log(`expected-alert records flagged: ${percent(summary.recall)} of ${summary.alerts}`);
  console.log(`  of them in CloudTrail's own shape (an eventName key): ${percent(summary.recallCloudTrailShaped)} flagged`);
  console.log(`expected-quiet records flagged: ${percent(summary.quietFlagged)} of ${summary.quiet}`);
  console.log(`  of them no other rule of the content alerts on: ${percent(summary.quietEverywhereFlagged)} flagged`);
  for (const item of summary.missed) console.log(`  missed: ${item.rule} › ${item.name}`);
  for (const item of summary.noisy) console.log(`  flagged quiet: ${item.rule} › ${item.name} (${item.flags.join(', ')})${item.alertedByOtherRules ? `; alerted on by ${item.alertedByOtherRules.join(', ')}` : ''}`);
}
