/**
 * The story of an investigation, told in plain sentences. Every sentence is a list of parts: our
 * own words (`text`) and values from the records or the data sets (`value`), never joined into
 * markup, so each renderer writes values as plain text only (PROMISES 8 and 9).
 */
export type StoryPart = { text: string } | { value: string };

/** One sentence the analyst can drop or reword; the id stays the same for the same events. */
export interface StorySentence {
  id: string;
  parts: StoryPart[];
  /** The analyst's own wording, when they rewrote it. */
  rewritten?: string;
}

/** A kind of resource the story's actions touched, and the names touched. */
export interface TouchedResources {
  kind: string;
  values: string[];
}

export interface Story {
  /** One line that says what it is; at most 255 characters. */
  title: string;
  /** Whether something significant happened (a story, not only routine work). */
  significant: boolean;
  happened: StorySentence[];
  unusual: StorySentence[];
  routine: StorySentence[];
  resources: TouchedResources[];
  /** Each once, most important first, naming what to act on. */
  nextSteps: StorySentence[];
  /** The names the next steps act on (keys, trails, policies…), so other steps naming them are not repeated. */
  stepTargets: string[];
  /** Access keys the identity used before the story began: the owner's, never to deactivate for the attacker's deeds. */
  usualKeys: string[];
}

/** The analyst's changes to the story: sentences dropped and sentences reworded, by id. */
export interface StoryEdits {
  dropped: string[];
  rewritten: Record<string, string>;
}

export const noStoryEdits: StoryEdits = { dropped: [], rewritten: {} };

/** The sentence as one line of plain text (the analyst's wording when given). */
export function sentenceText(sentence: StorySentence): string {
  return sentence.rewritten ?? sentence.parts.map((part) => ('value' in part ? part.value : part.text)).join('');
}

/** A sentence id from its parts, bounded (ids name events and values, which attackers write; the saved draft keeps ids up to 400 characters). */
export function sentenceId(...parts: string[]): string {
  return parts.join(':').slice(0, 300);
}
