import { truncate } from './truncate';
import { visibleText } from './visible-text';

/** Table cells show at most this many characters; the detail shows the rest. */
export const cellMaxLength = 200;

/** Untrusted text made fit for a one-line cell: cut first (so huge strings cost little), then made visible. */
export function cellText(text: string, max = cellMaxLength): string {
  const cut = truncate(text, max);
  return visibleText(cut.text);
}
