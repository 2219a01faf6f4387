import { inertText } from '../ticket/inert-text';

/**
 * Event data bound for a chat channel (promise 23). Slack and Teams turn a bare URL into a link
 * even in plain text, so a scheme's `://` and a `www.` are defanged the way analysts write
 * indicators (`https[:]//evil.test`, `www[.]evil.test`); hidden characters become visible tokens
 * and the length is bounded, as in tickets. The result is still only ever sent as plain text.
 */
export function chatText(value: string, max = 300): string {
  return inertText(value, max)
    .replace(/:\/\//g, '[:]//')
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}[.]`);
}

/** Our own words around data, kept short enough for any block. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
