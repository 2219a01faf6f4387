/** A count and its noun, singular for exactly one: `1 event`, `215 events`, `1,024 pages` (en-US digits). */
export function countWords(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : plural}`;
}
