import { describe, expect, it } from 'vitest';

import { loadReplayCorpus, replay } from './replay';

const corpus = loadReplayCorpus();

describe('detection replay of public test records (Panther CloudTrail rules)', () => {
  it('holds both kinds of record from many rules', () => {
    expect(new Set(corpus.map((item) => item.rule)).size).toBeGreaterThanOrEqual(20);
    expect(corpus.filter((item) => item.expected).length).toBeGreaterThanOrEqual(30);
    expect(corpus.filter((item) => !item.expected).length).toBeGreaterThanOrEqual(30);
  });

  it('flags at least 90% of the records the public rules alert on, and 95% of those in CloudTrail\'s own shape', () => {
    const summary = replay(corpus);
    const missed = summary.missed.map((item) => `${item.rule} › ${item.name}`).join('\n');
    expect(summary.recall, missed).toBeGreaterThanOrEqual(0.9);
    expect(summary.recallCloudTrailShaped, missed).toBeGreaterThanOrEqual(0.95);
  });

  it('flags at most 30% of the records a public rule expects to stay quiet, also among those no other rule of the content alerts on', () => {
    const summary = replay(corpus);
    const noisy = summary.noisy.map((item) => `${item.rule} › ${item.name}: ${item.flags.join(', ')}`).join('\n');
    expect(summary.quietFlagged, noisy).toBeLessThanOrEqual(0.3);
    expect(summary.quietEverywhereFlagged, noisy).toBeLessThanOrEqual(0.3);
  });

  it('counts a record as flagged only when the engine gives it a flag', () => {
    const [alert] = corpus.filter((item) => item.rule === 'AWS.CloudTrail.Stopped' && item.expected);
    const quiet = { ...alert!, expected: false, record: { ...alert!.record, eventName: 'StartLogging' } };
    const summary = replay([alert!, quiet]);
    expect(summary.recall).toBe(1);
    expect(summary.quietFlagged).toBe(0);
  });
});
