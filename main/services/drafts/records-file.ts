import { readFile } from 'node:fs/promises';

import { ApiError } from '../../../shared/api/errors';
import { normalizeEvent } from '../../../shared/records/normalize';
import type { NormalizedEvent } from '../../../shared/records/types';

/**
 * Reads a `{"Records": [...]}` file (CloudTrail's log-file format, what `trailcase fetch` writes)
 * into normalised events. A record that is a string is kept as raw text and shown unparsed.
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
  if (!Array.isArray(records)) throw new ApiError('BAD_INPUT', `${path} has no "Records" list; expected {"Records": [...]}.`);
  return records.map((record: unknown) =>
    typeof record === 'string'
      ? normalizeEvent(record)
      : record && typeof record === 'object' && !Array.isArray(record)
        ? normalizeEvent(record as Record<string, unknown>)
        : normalizeEvent(JSON.stringify(record)),
  );
}
