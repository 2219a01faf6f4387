import type { NormalizedEvent } from '../records/types';

/** How much of the request parameters global search looks into per event. */
const maxParameterText = 600;

const cache = new WeakMap<NormalizedEvent, string>();

function parametersText(event: NormalizedEvent): string {
  if (!event.record) return event.raw?.slice(0, maxParameterText) ?? '';
  try {
    const text = JSON.stringify(event.record.requestParameters ?? null) ?? '';
    return text.slice(0, maxParameterText);
  } catch {
    return '';
  }
}

/**
 * The start of the request parameters' JSON as the record's raw text spells it, without parsing
 * it: the value after `"requestParameters":` up to its end (braces and strings followed), at
 * most maxParameterText characters. CloudTrail writes compact JSON, so this is the text
 * JSON.stringify would give back for the parsed value; events kept as raw text (the workspace's)
 * get their search text from it without a second parse.
 */
export function rawParametersText(raw: string): string {
  const key = '"requestParameters":';
  const at = raw.indexOf(key);
  if (at < 0) return '';
  const start = at + key.length;
  const limit = Math.min(raw.length, start + maxParameterText);
  let depth = 0;
  let inString = false;
  for (let i = start; i < limit; i++) {
    const code = raw.charCodeAt(i);
    if (inString) {
      if (code === 92) i += 1;
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 123 || code === 91) depth += 1;
    else if (code === 125 || code === 93) depth -= 1;
    if (depth <= 0 && !inString && (code === 125 || code === 93 || code === 44)) return raw.slice(start, code === 44 ? i : i + 1);
  }
  return raw.slice(start, limit);
}

/**
 * The lower-cased text global search matches an event against, from its named fields and the
 * given text of its request parameters (see searchTextOf).
 */
export function buildSearchText(event: NormalizedEvent, parameters: string): string {
  return [
    event.id, event.eventName, event.eventSource, event.region, event.sourceIPAddress, event.userAgent.slice(0, 300),
    event.actor, event.arn, event.accessKeyId, event.errorCode, event.errorMessage.slice(0, 300), event.resources.join(' '),
    parameters,
  ]
    .join('\n')
    .toLowerCase();
}

/**
 * The lower-cased text global search matches an event against: its named fields and the start of
 * its request parameters. Built once per event and cached, so a keystroke over 100,000 events is
 * a scan of prepared strings.
 */
export function searchTextOf(event: NormalizedEvent): string {
  let text = cache.get(event);
  if (text === undefined) {
    text = buildSearchText(event, parametersText(event));
    cache.set(event, text);
  }
  return text;
}

/**
 * Which letters and digits a lower-cased text holds, as bits of one number: a–z are bits 0–25,
 * digits share bits 26–31 (0–5 on their own, 6–9 on 26–29 again). A term can only be found in a
 * text whose mask holds every bit of the term's mask, so a search tests this before scanning the
 * text; for a term of letters alone the test is exact. Other characters set no bit.
 */
export function charMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) mask |= 1 << (code - 97);
    else if (code >= 48 && code <= 57) mask |= 1 << (26 + ((code - 48) % 6));
  }
  return mask;
}
