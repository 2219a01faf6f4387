import { describe, expect, it } from 'vitest';

import { escapeHiddenInJson } from '../../../shared/display/json-escapes';
import { terminalText } from '../../../shared/display/visible-text';

/** Every C0 control but line feed and tab, DEL, and every C1 control. */
const controls = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).filter((c) => c !== '\n' && c !== '\t'),
  ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
];
// eslint-disable-next-line no-control-regex -- the assertion looks for raw control characters
const rawControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('terminalText', () => {
  it.each(controls.map((c) => [c.charCodeAt(0).toString(16), c]))('shows control U+%s as a marker', (_hex, char) => {
    const shown = terminalText(`a${char}b`);
    expect(shown).not.toMatch(rawControl);
    expect(shown).toBe(`a⟨U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩b`);
  });

  it('shows OSC 52 (clipboard), OSC 8 (link) and the 8-bit CSI as text', () => {
    const osc52 = '\u001b]52;c;ZXZpbA==\u0007';
    const osc8 = '\u001b]8;;https://evil.test\u001b\\click\u001b]8;;\u001b\\';
    expect(terminalText(osc52)).toBe('⟨U+001B⟩]52;c;ZXZpbA==⟨U+0007⟩');
    expect(terminalText(osc8)).toBe('⟨U+001B⟩]8;;https://evil.test⟨U+001B⟩\\click⟨U+001B⟩]8;;⟨U+001B⟩\\');
    expect(terminalText('\u009b31mred\u009d0;title\u009c')).toBe('⟨U+009B⟩31mred⟨U+009D⟩0;title⟨U+009C⟩');
  });

  it('keeps line feeds, tabs and CRLF line ends, but not a lone carriage return', () => {
    expect(terminalText('a\tb\nc\r\nd')).toBe('a\tb\nc\r\nd');
    expect(terminalText('safe\rFAKE')).toBe('safe⟨U+000D⟩FAKE');
  });

  it('shows bidi overrides and zero-width characters, and leaves other text alone', () => {
    expect(terminalText('invoice\u202Egpj.exe ad\u200Bmin')).toBe('invoice⟨U+202E⟩gpj.exe ad⟨U+200B⟩min');
    expect(terminalText('Créé 😀 — ok')).toBe('Créé 😀 — ok');
  });
});

describe('escapeHiddenInJson', () => {
  const hostile = {
    c1: '\u0085\u009b31m\u009d52;c;eA==\u009c',
    del: 'a\u007fb',
    separators: 'a\u2028b\u2029c',
    bidi: 'invoice\u202Egpj.exe\u2066',
    zeroWidth: 'ad\u200Bmin\uFEFF',
    lone: 'x\uD800y',
    emoji: 'ok 😀',
    ansi: '\u001b[31m',
  };

  it('leaves no raw control, separator, bidi or zero-width character in JSON.stringify output', () => {
    const json = escapeHiddenInJson(JSON.stringify(hostile, null, 2));
    expect(json).not.toMatch(rawControl);
    expect(json).not.toMatch(/[\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\ufeff]/);
    expect(json).toContain('\\u009b31m');
    expect(json).toContain('\\u2028');
    expect(json).toContain('😀');
  });

  it('stays valid JSON that parses to the same values', () => {
    expect(JSON.parse(escapeHiddenInJson(JSON.stringify(hostile)))).toEqual(hostile);
  });

  it('keeps a raw record valid with a carriage return between its tokens', () => {
    const raw = '{"a":"\u009b",\r"b":1}\r\n';
    const escaped = escapeHiddenInJson(raw);
    expect(escaped).not.toMatch(rawControl);
    expect(JSON.parse(escaped)).toEqual(JSON.parse(raw));
  });
});
