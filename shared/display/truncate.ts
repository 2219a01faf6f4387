/** A shortened text and whether anything was cut. */
export interface Truncated {
  text: string;
  truncated: boolean;
  fullLength: number;
}

/**
 * Cuts text to at most `max` UTF-16 units plus an ellipsis, never splitting a surrogate pair.
 * Table cells use it so a 200 KB user agent neither slows the table nor hides other columns.
 */
export function truncate(text: string, max: number): Truncated {
  if (text.length <= max) return { text, truncated: false, fullLength: text.length };
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: `${text.slice(0, end)}…`, truncated: true, fullLength: text.length };
}
