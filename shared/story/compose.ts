import type { Beat } from './beat';
import { sentenceId } from './types';
import type { StoryPart, StorySentence } from './types';
import { beatTemplates } from './templates';
import { clockText, countryName, dayText, joinClauses, listParts, text, tidy, value } from './words';

const MIN = 60_000;
/** A gap longer than this starts a new paragraph of the story, with its own date. */
const episodeGap = 60 * MIN;
/** At most this many things in one sentence. */
const perSentence = 3;

/** What the data sets say about an address (from the analysis; absent without one). */
export interface AddressFacts {
  ip: string;
  country: string | null;
  tor: boolean | null;
  asOrg: string | null;
}

export interface ComposeInput {
  beats: Beat[];
  subject: string;
  addresses: ReadonlyMap<string, AddressFacts>;
  /** Whether an address was new for the identity, in words ("a network this user had never used"), or null. */
  newness(ip: string, eventId: string): string | null;
}

/** "a Tor exit in Germany", "an address in France" and the like, or nothing when nothing is known. */
function addressWords(ip: string, addresses: ComposeInput['addresses']): StoryPart[] {
  const facts = addresses.get(ip);
  if (!facts) return [];
  const where = facts.country ? [text(' in '), value(countryName(facts.country))] : [];
  if (facts.tor) return [text('a Tor exit'), ...where];
  if (facts.country) return [text('an address'), ...where];
  return facts.asOrg ? [text('on the network of '), value(facts.asOrg)] : [];
}

function clause(beat: Beat, addresses: ComposeInput['addresses'], inList: boolean): StoryPart[] {
  if (beat.label)
    return beat.label.map((part, index) =>
      part.kind === 'value' ? value(part.text) : text(index === 0 ? part.text.charAt(0).toLowerCase() + part.text.slice(1) : part.text),
    );
  const template = beatTemplates[beat.kind];
  const several = Object.values(beat.values).some((values) => values.length > 1);
  const parts = (several && template.many ? template.many : template.one).flatMap((part) =>
    typeof part === 'string' ? [text(part)] : listParts(beat.values[part.slot] ?? ['(not recorded)']),
  );
  if (beat.kind === 'newAddress' && inList) {
    const about = addressWords(beat.values.ip?.[0] ?? '', addresses);
    if (about.length) parts.push(text(' ('), ...about, text(')'));
  }
  return parts;
}

function capitalise(parts: StoryPart[]): StoryPart[] {
  const first = parts[0];
  if (!first || !('text' in first)) return parts;
  return [text(first.text.charAt(0).toUpperCase() + first.text.slice(1)), ...parts.slice(1)];
}

/** "Within 15 minutes": the time from the episode's start, rounded up to five minutes. */
function within(from: number, to: number): string {
  const minutes = Math.max(5, Math.ceil((to - from) / MIN / 5) * 5);
  return minutes >= 120 ? `Within ${Math.ceil(minutes / 60)} hours` : `Within ${minutes} minutes`;
}

/** The opening of an episode: a full date, the subject, the first thing, where it came from. */
function opening(beat: Beat, input: ComposeInput, named: boolean): StorySentence[] {
  const who = named ? 'they' : input.subject || 'this identity';
  const address = beat.kind.startsWith('signIn') || beat.kind === 'newAddress' ? (beat.values.ip?.[0] ?? '') : '';
  const described = address ? addressWords(address, input.addresses) : [];
  const about = described.length ? [text(', '), ...described] : [];
  const sentences: StorySentence[] = [
    {
      id: sentenceId('happened', beat.eventIds[0]!),
      parts: tidy([
        text(`On ${dayText(beat.time)} at ${clockText(beat.time)} ${who} `),
        ...clause(beat, input.addresses, false),
        ...about,
        text('.'),
      ]),
    },
  ];
  const fresh = address ? input.newness(address, beat.eventIds[0]!) : null;
  if (fresh) sentences.push({ id: `${sentenceId('happened', beat.eventIds[0]!).slice(0, 290)}:new`, parts: [text(`It was ${fresh}.`)] });
  return sentences;
}

/** The story's sentences: episodes of close beats, each opened with its date, told in short sentences. */
export function composeHappened(input: ComposeInput): StorySentence[] {
  const sentences: StorySentence[] = [];
  let named = false;
  let start = 0;
  for (let i = 0; i < input.beats.length;) {
    let end = i + 1;
    while (end < input.beats.length && input.beats[end]!.time - input.beats[end - 1]!.time <= episodeGap) end++;
    const [first, ...rest] = input.beats.slice(i, end);
    sentences.push(...opening(first!, input, named));
    named = true;
    start = first!.time;
    for (let j = 0; j < rest.length; j += perSentence) {
      const chunk = rest.slice(j, j + perSentence);
      const lead = j === 0 ? `${within(start, chunk[chunk.length - 1]!.time)} they ` : `At ${clockText(chunk[0]!.time)} they `;
      sentences.push({
        id: sentenceId('happened', chunk[0]!.eventIds[0]!),
        parts: tidy([text(lead), ...joinClauses(chunk.map((beat) => clause(beat, input.addresses, true))), text('.')]),
      });
    }
    i = end;
  }
  return sentences.map((sentence) => ({ ...sentence, parts: capitalise(sentence.parts) }));
}
