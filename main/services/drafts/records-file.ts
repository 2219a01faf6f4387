import { readFile } from 'node:fs/promises';

import { ApiError } from '../../../shared/api/errors';
import { recordTexts } from '../../../shared/export/records-texts';
import { normalizeEvent } from '../../../shared/records/normalize';
import type { NormalizedEvent } from '../../../shared/records/types';

/**
 * Reads a `{"Records": [...]}` file (CloudTrail's log-file format, what `trailcase fetch` writes)
 * into normalised events. Each record keeps the text the file holds as its raw text, so the
 * attachment and exports write it back as it is: every digit survives, and a record nested
 * 5,000 levels deep is never given to a recursive JSON.stringify (which would exhaust the
 * stack). A record that is a string is kept as raw text and shown unparsed.
 */
export async function readRecordsFile(path: string): Promise<NormalizedEvent[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ApiError('BAD_INPUT', `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError('BAD_INPUT', `${path} is not JSON; expected {"Records": [...]}.`);
  }
  const records = (value as { Records?: unknown } | null)?.Records;
  const texts = Array.isArray(records) ? recordTexts(text) : null;
  if (!Array.isArray(records) || !texts || texts.length !== records.length)
    throw new ApiError('BAD_INPUT', `${path} has no "Records" list; expected {"Records": [...]}.`);
  return records.map((record: unknown, i) => normalizeEvent(typeof record === 'string' ? record : texts[i]!));
}
