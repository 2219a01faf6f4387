/**
 * Story benchmark: builds the demo's story (jmorales, analysed with the demo's Tor exits and a
 * country for each) and prints its Flesch reading ease (`flesch` + `syllable`, wooorm) for "What
 * happened" and for the whole story, with the time taken. Target: 50 or more (plain English;
 * 60–70 is a newspaper). Values such as key ids count as words, so the figure is honest.
 */
import { flesch } from 'flesch';
import { syllable } from 'syllable';

import { analyzeRecords } from '../shared/analysis/analyze';
import { createUnknownEnricher } from '../shared/analysis/unknown-enricher';
import type { IpEnricher } from '../shared/intel/types';
import { normalizeEvent } from '../shared/records/normalize';
import { buildStory } from '../shared/story/build-story';
import { sentenceText } from '../shared/story/types';
import type { StorySentence } from '../shared/story/types';
import { demoAccount, demoAnchor } from '../main/services/demo/demo-account';
import { attacker } from '../main/services/demo/demo-identities';
import { withDemoTorExits } from '../main/services/demo/demo-intel';

/** Flesch reading ease of sentences (a sentence ends in . ! or ?; words are runs without spaces). */
export function readingEase(sentences: readonly string[]): number {
  const text = sentences.join(' ');
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const sentence = Math.max(1, (text.match(/[.!?](\s|$)/g) ?? []).length);
  const syllables = words.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
  return flesch({ sentence, word: words.length, syllable: syllables });
}

function demoStory() {
  const keys = new Set([attacker.roleSessionKeyId, attacker.sessionTokenKeyId, attacker.newAccessKeyId]);
  const events = [...demoAccount(demoAnchor()).byRegion.values()]
    .flat()
    .filter((event) => event.username === 'jmorales' || (event.accessKeyId !== null && keys.has(event.accessKeyId)))
    .map((event) => normalizeEvent(event.raw));
  const base = createUnknownEnricher();
  const countries: Record<string, string> = { [attacker.ip]: 'DE', [attacker.laterIp]: 'US' };
  const enricher: IpEnricher = withDemoTorExits({
    lookup: (address, at) => ({
      ...base.lookup(address, at),
      ...(Object.hasOwn(countries, address) ? { country: countries[address]! } : {}),
    }),
    datasets: () => base.datasets(),
  });
  const analysis = analyzeRecords(events, { enricher });
  const started = performance.now();
  const story = buildStory(events, { analysis });
  return { story, events: events.length, ms: performance.now() - started };
}

export async function benchStory(): Promise<void> {
  const { story, events, ms } = demoStory();
  const lines = (sentences: readonly StorySentence[]) => sentences.map(sentenceText);
  const whole = [...lines(story.happened), ...lines(story.unusual), ...lines(story.routine), ...lines(story.nextSteps)];
  console.log(`title: ${story.title}`);
  console.log(`story of ${events} events built in ${ms.toFixed(1)} ms`);
  console.log(`Flesch reading ease, What happened: ${readingEase(lines(story.happened)).toFixed(1)} (target >= 50)`);
  console.log(`Flesch reading ease, whole story:   ${readingEase(whole).toFixed(1)}`);
  return Promise.resolve();
}
