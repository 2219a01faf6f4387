import type { Beat } from './beat';
import { titlePhrases } from './templates';
import { oneLine } from '../ticket/inert-text';

const adminPolicy = /Administrator|FullAccess|PowerUser|IAMFull/i;

function signInPhrase(beat: Beat, freshNetwork: boolean, tor: boolean): string {
  const mfa = beat.kind === 'signInNoMfa' ? ' without MFA' : '';
  const where = freshNetwork ? ' from a new network' : tor ? ' from a Tor exit' : '';
  return `console sign-in${mfa}${where}`;
}

/** How telling each phrase is (lower first); the sign-in that opens the story always leads. */
const weight = [
  'admin granted',
  'logging stopped',
  'logging deleted',
  'threat detection off',
  'MFA removed',
  'secrets read',
  'access key created',
  'port opened to the internet',
  'bucket opened',
  'user created',
];

/** The most telling `count` phrases, kept in the order they happened. */
function ranked(phrases: readonly string[], count: number): string[] {
  const score = (phrase: string) =>
    phrase.startsWith('console') ? -1 : weight.indexOf(phrase) === -1 ? weight.length : weight.indexOf(phrase);
  const keep = new Set([...phrases].sort((a, b) => score(a) - score(b)).slice(0, count));
  return phrases.filter((phrase) => keep.has(phrase));
}

export interface TitleInput {
  beats: readonly Beat[];
  subject: string;
  /** Whether the sign-in that opens the story came from a network new to the identity, or from Tor. */
  freshNetwork: boolean;
  tor: boolean;
}

/**
 * The title: "possible compromise of jmorales: console sign-in without MFA from a new network,
 * admin granted, logging stopped". The most telling things, in time order, at most four.
 */
export function storyTitle({ beats, subject, freshNetwork, tor }: TitleInput): string | null {
  const phrases: string[] = [];
  const signIn = beats.find((beat) => beat.kind === 'signIn' || beat.kind === 'signInNoMfa');
  if (signIn && (signIn.kind === 'signInNoMfa' || freshNetwork || tor)) phrases.push(signInPhrase(signIn, freshNetwork, tor));
  for (const beat of beats) {
    let phrase = titlePhrases[beat.kind];
    if (!phrase) continue;
    if (beat.kind === 'grantSelf' || beat.kind === 'grantOther')
      phrase = (beat.values.policy ?? []).some((p) => adminPolicy.test(p)) ? 'admin granted' : phrase;
    if (!phrases.includes(phrase)) phrases.push(phrase);
  }
  if (phrases.length === 0) return null;
  const shown = ranked(phrases, 3);
  const who = oneLine(subject, 80) || 'an identity';
  const serious =
    phrases.length >= 2 || beats.some((beat) => beat.kind === 'stopLogging' || beat.kind === 'deleteTrail' || beat.kind === 'grantSelf');
  const lead = serious ? `possible compromise of ${who}` : who;
  return oneLine(`${lead}: ${shown.join(', ')}`, 255);
}
