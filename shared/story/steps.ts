import type { Beat, BeatKind } from './beat';
import { sentenceId } from './types';
import type { StoryPart, StorySentence } from './types';
import type { TemplatePart } from './templates';
import { clockText, listParts, text, tidy, value } from './words';

/**
 * What to do about each kind of thing that happened, as data: the words (with `{ slot }` for the
 * exact names), how urgent (higher first) and which slots name what to act on. `subject` and
 * `time` are filled by the story.
 */
interface StepTemplate {
  rank: number;
  words: TemplatePart[];
  /** The words when the beat names several (secrets, users). */
  many?: TemplatePart[];
  targets: string[];
}

const stepTemplates: Partial<Record<BeatKind, StepTemplate>> = {
  stopLogging: {
    rank: 100,
    words: ['Start logging again on the trail ', { slot: 'trail' }, ' and check its settings.'],
    targets: ['trail', 'trailArn'],
  },
  deleteTrail: {
    rank: 100,
    words: ['Create the trail ', { slot: 'trail' }, ' again, so that events are kept.'],
    targets: ['trail', 'trailArn'],
  },
  changeTrail: { rank: 95, words: ['Check what the trail ', { slot: 'trail' }, ' records now.'], targets: ['trail'] },
  detectorOff: { rank: 95, words: ['Turn threat detection back on (detector ', { slot: 'detector' }, ').'], targets: ['detector'] },
  createKey: {
    rank: 90,
    words: ['Deactivate and delete the access key ', { slot: 'key' }, ', made at ', { slot: 'time' }, '.'],
    targets: ['key'],
  },
  createKeySecond: {
    rank: 90,
    words: ['Deactivate and delete the new access key ', { slot: 'key' }, ', made at ', { slot: 'time' }, '.'],
    targets: ['key'],
  },
  createKeyFor: {
    rank: 90,
    words: ['Deactivate and delete the access key ', { slot: 'key' }, ' of ', { slot: 'user' }, '.'],
    targets: ['key'],
  },
  assumeRole: {
    rank: 85,
    words: ['Revoke the active sessions of the role ', { slot: 'role' }, ' (session ', { slot: 'session' }, ').'],
    targets: ['role', 'session'],
  },
  sessionToken: {
    rank: 85,
    words: ['Cut off the session token ', { slot: 'key' }, ': deny ', { slot: 'subject' }, ' all tokens issued before now.'],
    targets: ['key'],
  },
  grantSelf: { rank: 80, words: ['Remove ', { slot: 'policy' }, ' from ', { slot: 'subject' }, '.'], targets: ['policy'] },
  grantOther: { rank: 80, words: ['Remove ', { slot: 'policy' }, ' from ', { slot: 'target' }, '.'], targets: ['policy'] },
  inlinePolicy: { rank: 80, words: ['Delete the policy ', { slot: 'policy' }, ' of ', { slot: 'target' }, '.'], targets: ['policy'] },
  signInNoMfa: { rank: 75, words: ['Reset the console password of ', { slot: 'subject' }, ' and require MFA.'], targets: [] },
  signIn: { rank: 75, words: ['Reset the console password of ', { slot: 'subject' }, '.'], targets: [] },
  removeMfa: { rank: 75, words: ['Give ', { slot: 'user' }, ' an MFA device again.'], targets: ['user'] },
  setPassword: { rank: 72, words: ['Remove the console password of ', { slot: 'user' }, '.'], targets: ['user'] },
  openPortWorld: {
    rank: 70,
    words: ['Close port ', { slot: 'port' }, ' on the security group ', { slot: 'group' }, '.'],
    targets: ['group'],
  },
  openPort: { rank: 68, words: ['Check port ', { slot: 'port' }, ' on the security group ', { slot: 'group' }, '.'], targets: ['group'] },
  publicAccess: { rank: 66, words: ['Turn the public access block of ', { slot: 'bucket' }, ' back on.'], targets: ['bucket'] },
  bucketPolicy: { rank: 64, words: ['Check who may read the bucket ', { slot: 'bucket' }, '.'], targets: ['bucket'] },
  readSecret: {
    rank: 65,
    words: ['Rotate the secret ', { slot: 'secret' }, '.'],
    many: ['Rotate the secrets ', { slot: 'secret' }, '.'],
    targets: ['secret'],
  },
  createUser: {
    rank: 60,
    words: ['Delete the user ', { slot: 'user' }, ' unless someone asked for it.'],
    many: ['Delete the users ', { slot: 'user' }, ' unless someone asked for them.'],
    targets: ['user'],
  },
  roleTrust: { rank: 60, words: ['Check who may use the role ', { slot: 'role' }, ' now.'], targets: ['role'] },
  kmsDelete: { rank: 60, words: ['Cancel the deletion of the key ', { slot: 'kms' }, '.'], targets: ['kms'] },
  startServers: { rank: 55, words: ['Find and stop the servers started at ', { slot: 'time' }, '.'], targets: [] },
};

/** The id of the last step: asking the owner whether it was them. */
export const askOwnerId = 'step:ask-owner';

export interface StepsOutput {
  steps: StorySentence[];
  targets: string[];
}

/** One step per thing to act on, most urgent first, each once; asking the owner comes last. */
export function storySteps(beats: readonly Beat[], subject: string): StepsOutput {
  const found: Array<{ rank: number; order: number; sentence: StorySentence }> = [];
  const seen = new Set<string>();
  const targets = new Set<string>();
  beats.forEach((beat, order) => {
    const template = stepTemplates[beat.kind];
    if (!template) return;
    const slots: Record<string, string[]> = { ...beat.values, subject: [subject || 'the user'], time: [clockText(beat.time)] };
    const names = template.targets.flatMap((slot) => slots[slot] ?? []);
    const id = sentenceId('step', beat.kind.replace(/Second|For|Self|Other|NoMfa|World/, ''), names[0] ?? beat.kind);
    if (seen.has(id)) return;
    seen.add(id);
    for (const name of names) targets.add(name);
    const several = Object.values(beat.values).some((values) => values.length > 1);
    const words = several && template.many ? template.many : template.words;
    const parts: StoryPart[] = words.flatMap((part) =>
      typeof part === 'string' ? [text(part)] : listParts(slots[part.slot] ?? ['(not recorded)'], 6),
    );
    found.push({ rank: template.rank, order, sentence: { id, parts: tidy(parts) } });
  });
  found.sort((a, b) => b.rank - a.rank || a.order - b.order);
  const steps = found.map((item) => item.sentence);
  if (steps.length && subject)
    steps.push({ id: askOwnerId, parts: [text('Ask '), value(subject), text(' whether any of this was them.')] });
  return { steps, targets: [...targets].filter((name) => name && name !== '(not recorded)') };
}
