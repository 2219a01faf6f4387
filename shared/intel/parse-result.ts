/**
 * The result of reading a data set: the value, or why it was refused (PROMISES 22: a malformed
 * file is refused whole, naming the line that failed when the format has lines).
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; line: number | null; message: string };

/** The refusal as one sentence: `line 12: …`. */
export function describeRefusal(result: { line: number | null; message: string }): string {
  return result.line === null ? result.message : `line ${result.line}: ${result.message}`;
}
