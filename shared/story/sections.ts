import type { NormalizedEvent } from '../records/types';
import type { Beat, BeatKind } from './beat';
import type { Beats } from './build-beats';
import type { AddressFacts } from './compose';
import { sentenceId } from './types';
import type { StorySentence, TouchedResources } from './types';
import { countryName, listParts, text, tidy, value } from './words';

const resourceKinds: Array<[string, BeatKind[], string]> = [
  ['Access keys created', ['createKey', 'createKeySecond', 'createKeyFor'], 'key'],
  ['Policies given', ['grantSelf', 'grantOther', 'inlinePolicy'], 'policy'],
  ['Trails stopped or changed', ['stopLogging', 'deleteTrail', 'changeTrail'], 'trail'],
  ['Security groups opened', ['openPortWorld', 'openPort'], 'group'],
  ['Ports opened', ['openPortWorld', 'openPort'], 'port'],
  ['Secrets read', ['readSecret'], 'secret'],
  ['Users created', ['createUser'], 'user'],
  ['Users deleted', ['deleteUser'], 'user'],
  ['Roles taken on', ['assumeRole'], 'role'],
  ['Role sessions', ['assumeRole'], 'session'],
  ['Session tokens', ['sessionToken'], 'key'],
  ['Buckets changed', ['bucketPolicy', 'publicAccess'], 'bucket'],
  ['Keys set for deletion', ['kmsDelete'], 'kms'],
];

/** The resources the story's actions touched, by name, per kind. */
export function touchedResources(beats: readonly Beat[]): TouchedResources[] {
  return resourceKinds
    .map(([kind, kinds, slot]) => ({
      kind,
      values: [...new Set(beats.filter((beat) => kinds.includes(beat.kind)).flatMap((beat) => beat.values[slot] ?? []))].filter(
        (name) => name && name !== '(not recorded)',
      ),
    }))
    .filter((entry) => entry.values.length > 0);
}

/** What was new for the identity: the addresses and programs the story's events came from. */
export function unusualSentences(
  events: readonly NormalizedEvent[],
  found: Beats,
  addresses: ReadonlyMap<string, AddressFacts>,
): StorySentence[] {
  if (found.start === null) return [];
  const inStory = new Set(found.beats.flatMap((beat) => beat.eventIds));
  const story = events.filter((event) => inStory.has(event.id));
  const sentences: StorySentence[] = [];
  const ips = [...new Set(story.map((event) => event.sourceIPAddress))].filter((ip) => ip && !found.usual.ips.has(ip));
  for (const ip of ips.slice(0, 5)) {
    const facts = addresses.get(ip);
    const about = facts?.tor ? 'a Tor exit' : 'an address';
    const where = facts?.country ? [text(' in '), value(countryName(facts.country))] : [];
    sentences.push({
      id: sentenceId('unusual', 'ip', ip),
      parts: tidy([value(ip), text(` is ${about}`), ...where, text(' this user had not used before.')]),
    });
  }
  const agents = [...new Set(story.map((event) => event.userAgent))].filter((agent) => agent && !found.usual.agents.has(agent));
  for (const agent of agents.slice(0, 3))
    sentences.push({
      id: sentenceId('unusual', 'agent', agent.slice(0, 80)),
      parts: [text('The program '), value(agent, 160), text(' was new for this user.')],
    });
  return sentences;
}

/** What was routine: how many events were the identity's usual work, and what they were. */
export function routineSentences(
  events: readonly NormalizedEvent[],
  isRoutine: (event: NormalizedEvent) => boolean,
  subject: string,
): StorySentence[] {
  const routine = events.filter(isRoutine);
  if (routine.length === 0) return [];
  const tally = (pick: (event: NormalizedEvent) => string) => {
    const counts = new Map<string, number>();
    for (const event of routine) counts.set(pick(event), (counts.get(pick(event)) ?? 0) + 1);
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name]) => name)
      .filter(Boolean);
  };
  const who = subject ? [value(subject), text("'s")] : [text("this identity's")];
  const sentences: StorySentence[] = [
    {
      id: 'routine:count',
      parts: tidy([
        text(`${routine.length} of the ${events.length} events were `),
        ...who,
        text(' usual work: the same calls from the same places on several days.'),
      ]),
    },
    {
      id: 'routine:calls',
      parts: tidy([
        text('Most were '),
        ...listParts(tally((event) => event.eventName).slice(0, 3)),
        text(' from '),
        ...listParts(tally((event) => event.sourceIPAddress).slice(0, 2)),
        text('.'),
      ]),
    },
  ];
  return sentences;
}
