import { describe, expect, it } from 'vitest';

import { attachmentName, isSafeAttachmentName } from '../../../shared/ticket/attachment';
import { inertText, toLabel, truncate } from '../../../shared/ticket/inert-text';
import { submissionLabel } from '../../../shared/ticket/summary';

describe('inert text', () => {
  it('makes control, bidi and zero-width characters visible', () => {
    expect(inertText('a\u202Eb\u200Bc\u0000d\u001b[0m')).toBe('a⟨U+202E⟩b⟨U+200B⟩c⟨U+0000⟩d⟨U+001B⟩[0m');
  });

  it('shows lone surrogates and keeps pairs', () => {
    expect(inertText('x\uD800y')).toBe('x⟨U+D800⟩y');
    expect(inertText('😀')).toBe('😀');
  });

  it('cuts long values without splitting a surrogate pair', () => {
    expect(truncate('ab😀', 3)).toBe('ab…');
    expect(inertText('x'.repeat(200_000), 300)).toHaveLength(300);
  });
});

describe('labels and attachment names', () => {
  it('makes labels without spaces', () => {
    expect(toLabel('Logging Tampering / root!')).toBe('logging-tampering-root');
    expect(submissionLabel('7f3a-22')).toBe('trailcase-sub-7f3a-22');
  });

  it('names the attachment from the time only', () => {
    const name = attachmentName(new Date('2026-11-01T10:04:05.123Z'));
    expect(name).toBe('trailcase-events-20261101T100405Z.json');
    expect(isSafeAttachmentName(name)).toBe(true);
    expect(isSafeAttachmentName('../etc/passwd.json')).toBe(false);
  });
});
