import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

const css = readFileSync('renderer/styles/theme.css', 'utf8');

/** The custom properties declared in the first block that follows `selector` in theme.css. */
function variables(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, `theme.css declares ${selector}`).toBeGreaterThanOrEqual(0);
  const body = css.slice(start, css.indexOf('}', start));
  return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

/** A theme's colours, with `var(--x)` resolved (the dark theme inherits what it does not set). */
function theme(own: Map<string, string>, base = new Map<string, string>()) {
  const all = new Map([...base, ...own]);
  const resolve = (name: string): string => {
    const value = all.get(name);
    if (!value) throw new Error(`${name} is not declared`);
    const ref = /^var\((--[\w-]+)\)$/.exec(value);
    return ref ? resolve(ref[1]!) : value;
  };
  return resolve;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

const light = variables(':root');
const dark = variables(":root[data-theme='dark']");
const themes = { light: theme(light), dark: theme(dark, light) };

/** Colours drawn as text on the page's backgrounds. */
const texts = [
  '--text',
  '--text-muted',
  '--accent',
  '--ok',
  '--warning',
  '--flagged',
  '--danger',
  '--sev-critical',
  '--sev-high',
  '--sev-medium',
  '--sev-low',
  '--sev-info',
  '--json-key',
  '--json-string',
  '--json-number',
  '--json-boolean',
  '--json-null',
  '--json-punctuation',
];
const backgrounds = ['--bg', '--surface', '--surface-2'];
const severities = ['--sev-critical', '--sev-high', '--sev-medium', '--sev-low', '--sev-info'];

describe.each(Object.entries(themes))('the %s theme', (_name, colour) => {
  it.each(texts)('draws %s at 4.5:1 at least on every background (WCAG AA)', (text) => {
    for (const background of backgrounds)
      expect(contrast(colour(text), colour(background)), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
  });

  it('writes a primary button in --accent-contrast at 4.5:1 at least', () => {
    expect(contrast(colour('--accent-contrast'), colour('--accent'))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(severities)('writes a %s badge in --sev-contrast at 4.5:1 at least', (severity) => {
    expect(contrast(colour('--sev-contrast'), colour(severity))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the dark theme', () => {
  it('is the same whether the system asks for it or the analyst picks it', () => {
    expect(variables(":root:not([data-theme='light'])")).toEqual(dark);
  });
});
