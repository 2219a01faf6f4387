import type { NormalizedEvent } from '../records/types';
import { flagEvent } from '../rules/engine';
import type { RuleHit } from '../rules/types';
import { buildBeats } from './build-beats';
import { composeHappened } from './compose';
import type { AddressFacts } from './compose';
import { daysBetween, readHistory } from './history';
import { routineSentences, touchedResources, unusualSentences } from './sections';
import { askOwnerId, storySteps } from './steps';
import { storyTitle } from './title';
import { sentenceText } from './types';
import type { Story } from './types';
import { text } from './words';

/** What an analysis adds, when there is one: the data sets' answers and the baseline's judgements. */
export interface StoryAnalysis {
  findings?: ReadonlyArray<{ kind: string; eventIDs: readonly string[] }>;
  sources?: ReadonlyArray<AddressFacts>;
  /** Per event: routine for the identity, and what the baseline never showed. */
  events?: ReadonlyArray<{ eventID: string; routine: boolean; new?: readonly string[] }>;
  /** The app's analysis names the flagged events routine for their identity (against its baseline). */
  routineEventIds?: readonly string[];
}

export interface StoryOptions {
  flag?: (event: NormalizedEvent) => RuleHit[];
  analysis?: StoryAnalysis | null;
}

const newNetworkKinds = new Set(['new-asn', 'new-country']);

/**
 * The story of the events, from templates only (no model, no network): what happened in time
 * order, what was unusual and routine, the resources touched and what to do. Pure.
 */
export function buildStory(events: readonly NormalizedEvent[], options: StoryOptions = {}): Story {
  const flag = options.flag ?? flagEvent;
  const analysis = options.analysis ?? null;
  const sorted = [...events].sort((a, b) => (a.time || 0) - (b.time || 0));
  const routineIds = new Set([
    ...(analysis?.events ?? []).filter((event) => event.routine).map((event) => event.eventID),
    ...(analysis?.routineEventIds ?? []),
  ]);
  const history = readHistory(sorted, routineIds);
  const found = buildBeats({ events: sorted, history, flag });
  const addresses = new Map((analysis?.sources ?? []).map((source) => [source.ip, source]));
  const newNetwork = new Set([
    ...(analysis?.findings ?? []).filter((finding) => newNetworkKinds.has(finding.kind)).flatMap((finding) => finding.eventIDs),
    ...(analysis?.events ?? []).filter((event) => event.new?.includes('asn')).map((event) => event.eventID),
  ]);
  const firstTime = sorted.find((event) => Number.isFinite(event.time))?.time ?? NaN;
  const newness = (ip: string, eventId: string): string | null => {
    if (newNetwork.has(eventId)) return 'a network this user had never used';
    const days = found.start === null ? 0 : daysBetween(firstTime, found.start);
    return !found.usual.ips.has(ip) && days >= 1 ? `an address this user had not used in the ${days} days before` : null;
  };
  const subject = history.subject;
  const happened = composeHappened({ beats: found.beats, subject, addresses, newness });
  const signIn = found.beats.find((beat) => beat.kind.startsWith('signIn'));
  const signInIp = signIn?.values.ip?.[0] ?? '';
  const title =
    storyTitle({
      beats: found.beats,
      subject,
      freshNetwork: signIn ? newness(signInIp, signIn.eventIds[0]!) !== null : false,
      tor: addresses.get(signInIp)?.tor === true,
    }) ?? '';
  const steps = storySteps(found.beats, subject);
  const storyIds = new Set(found.beats.flatMap((beat) => beat.eventIds));
  const storyKeys = new Set(sorted.filter((event) => storyIds.has(event.id)).map((event) => event.accessKeyId));
  return {
    title,
    significant: found.beats.length > 0,
    happened: happened.length
      ? happened
      : [
          {
            id: 'happened:none',
            parts: [
              text(
                `Nothing stood out in ${sorted.length === 1 ? 'this event' : `these ${sorted.length} events`}: no sign-in from a new place, no change of rights, no logging stopped.`,
              ),
            ],
          },
        ],
    unusual: unusualSentences(sorted, found, addresses),
    routine: routineSentences(sorted, history.isRoutine, subject),
    resources: touchedResources(found.beats),
    nextSteps: steps.steps,
    stepTargets: steps.targets,
    usualKeys: [...found.usual.keys].filter((key) => !storyKeys.has(key)),
  };
}

/** The other next steps (the rule pack's, the draft's), without those the story already covers or that name the owner's own key. */
export function mergeNextSteps(story: Story, others: readonly string[]): string[] {
  const asked = story.nextSteps.find((step) => step.id === askOwnerId);
  const own = story.nextSteps.filter((step) => step !== asked).map(sentenceText);
  const covered = (step: string) => story.stepTargets.some((name) => name.length > 2 && step.includes(name));
  const ownersKey = (step: string) => story.usualKeys.some((key) => step.includes(key));
  const sameAsAsking = (step: string) => asked !== undefined && step.startsWith('Confirm with the owner of');
  const rest = others.filter((step) => !covered(step) && !ownersKey(step) && !sameAsAsking(step));
  return [...new Set([...own, ...rest, ...(asked ? [sentenceText(asked)] : [])])];
}
