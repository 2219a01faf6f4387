/**
 * Which pairs of adjacent characters a lower-cased search text holds, as a bitset of 1,024 bits
 * (32 words): a search term can only be in a text that holds every adjacent pair of the term.
 * Letters a–z are symbols 0–25 and digits share 26–31 as in charMask (0–5 alone, 6–9 on 26–29
 * again); a pair with any other character sets no bit. So a term of two letters is found by
 * its pair's bit alone, and a longer one is scanned for only in the few texts that hold all of
 * its pairs: the second keystroke of a search (`pu` after `p`) no longer scans every text.
 */

/** Words of the bitset of one text. */
export const pairWords = 32;

function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return 26 + ((code - 48) % 6);
  return -1;
}

/**
 * Sets in `into` (pairWords zeroed words from `at`) the bit of every adjacent pair of `text`, and
 * returns the text's charMask in the same pass.
 */
export function fillSearchBits(text: string, into: Uint32Array, at = 0): number {
  let mask = 0;
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const symbol = symbolOf(text.charCodeAt(i));
    if (symbol >= 0) {
      mask |= 1 << symbol;
      if (previous >= 0) {
        const bit = previous * 32 + symbol;
        into[at + (bit >>> 5)]! |= 1 << (bit & 31);
      }
    }
    previous = symbol;
  }
  return mask;
}

/** The bits (word, bit within it) of every adjacent pair of the terms, each once. */
export function pairsOfTerms(terms: readonly string[]): Array<[word: number, bit: number]> {
  const bits = new Set<number>();
  for (const term of terms) {
    for (let i = 1; i < term.length; i++) {
      const a = symbolOf(term.charCodeAt(i - 1));
      const b = symbolOf(term.charCodeAt(i));
      if (a >= 0 && b >= 0) bits.add(a * 32 + b);
    }
  }
  return [...bits].map((bit) => [bit >>> 5, 1 << (bit & 31)]);
}

/** Whether the pairs' bits (with the charMask for one letter) decide alone that a text holds every term: terms of one or two letters a–z. */
export function pairsDecide(terms: readonly string[]): boolean {
  return terms.length > 0 && terms.every((term) => /^[a-z]{1,2}$/.test(term));
}

/** Whether a text's bitset (pairWords words of `bits` from `at`) holds every pair of `pairs`. */
export function holdsPairs(bits: Uint32Array, pairs: ReadonlyArray<readonly [number, number]>, at = 0): boolean {
  for (let i = 0; i < pairs.length; i++) {
    const [word, bit] = pairs[i]!;
    if ((bits[at + word]! & bit) === 0) return false;
  }
  return true;
}
