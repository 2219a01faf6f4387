import { describe, expect, it } from 'vitest';

import { cellText } from '../../../shared/display/cell-text';
import { truncate } from '../../../shared/display/truncate';
import { hasHiddenCharacters, visibleText } from '../../../shared/display/visible-text';

describe('visibleText', () => {
  it('shows bidi overrides and isolates as code points', () => {
    expect(visibleText('invoice\u202Egpj.exe')).toBe('invoice⟨U+202E⟩gpj.exe');
    expect(visibleText('a\u2066b\u2069')).toBe('a⟨U+2066⟩b⟨U+2069⟩');
  });

  it('shows zero-width characters, NUL and ANSI escapes', () => {
    expect(visibleText('ad\u200Bmin\u0000\u001b[31m')).toBe('ad⟨U+200B⟩min⟨U+0000⟩⟨U+001B⟩[31m');
  });

  it('shows lone surrogates but keeps surrogate pairs (emoji) intact', () => {
    expect(visibleText('x\uD800y')).toBe('x⟨U+D800⟩y');
    expect(visibleText('x\uDC00')).toBe('x⟨U+DC00⟩');
    expect(visibleText('ok 😀')).toBe('ok 😀');
  });

  it('keeps line breaks only when asked', () => {
    expect(visibleText('a\nb')).toBe('a⟨U+000A⟩b');
    expect(visibleText('a\nb', { keepLineBreaks: true })).toBe('a\nb');
  });

  it('leaves markup as the literal text it is', () => {
    expect(visibleText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('tells whether text hides anything', () => {
    expect(hasHiddenCharacters('plain')).toBe(false);
    expect(hasHiddenCharacters('a\u202Eb')).toBe(true);
    expect(hasHiddenCharacters('a\u202Eb')).toBe(true);
  });
});

describe('truncate', () => {
  it('cuts long text and says so', () => {
    expect(truncate('abcdef', 3)).toEqual({ text: 'abc…', truncated: true, fullLength: 6 });
    expect(truncate('abc', 3)).toEqual({ text: 'abc', truncated: false, fullLength: 3 });
  });

  it('never splits a surrogate pair', () => {
    expect(truncate('ab😀cd', 3).text).toBe('ab…');
  });
});

describe('cellText', () => {
  it('keeps a 200 KB string short', () => {
    expect(cellText('x'.repeat(200_000)).length).toBeLessThanOrEqual(201);
  });
});
