import { createRequire } from 'node:module';

import { describe, expect, test } from 'vitest';

import { buildTicketDraft } from '../../../shared/ticket/draft';
import { renderWiki, wikiCell, wikiMaxChars, wikiProse, wikiText } from '../../../shared/ticket/render-wiki';
import { hostileStrings } from '../../fixtures/hostile/corpus';
import { chatHostile, hostileChatEvents, walk } from '../chat/chat-fixtures';

// Atlassian's own wiki parser (the editor's Jira/Confluence transformer): an independent reader
// of what Data Center will make of the description.
const require = createRequire(import.meta.url);
const { WikiMarkupTransformer } = require('@atlaskit/editor-wikimarkup-transformer') as { WikiMarkupTransformer: new (schema: unknown) => { parse(text: string): { toJSON(): unknown } } };
const { defaultSchema } = require('@atlaskit/adf-schema/dist/cjs/schema/default-schema.js') as { defaultSchema: unknown };
const parser = new WikiMarkupTransformer(defaultSchema);

const structural = new Set(['doc', 'heading', 'paragraph', 'bulletList', 'listItem', 'table', 'tableRow', 'tableHeader', 'tableCell', 'text', 'hardBreak']);

function parsed(wiki: string) {
  const types: string[] = [];
  const marks: string[] = [];
  const texts: string[] = [];
  walk(parser.parse(wiki).toJSON(), (key, child, parent) => {
    if (key === 'type' && typeof child === 'string') types.push(child);
    if (key === 'marks' && Array.isArray(child)) marks.push(...child.map((mark: { type: string }) => mark.type));
    if (key === 'text' && typeof child === 'string' && parent.type === 'text') texts.push(child);
  });
  return { types: types.filter((type) => !marks.includes(type)), marks, text: texts.join('') };
}

describe('wiki text of one value (promise 23)', () => {
  const values = [...Object.values(hostileStrings), ...chatHostile, 'h1. Heading', 'bq. quote', '* item', '# item', '----', 'a\\\\b', '\\*x\\*', '{color:red}x{color}', '{html}<b>x</b>{html}', '{code}x{code}', '!https://evil.test/x.png!', '||h||', 'x -struck- +under+ ^sup^ ~sub~ ??cite??', '(y) (!) :) ;)', 'mailto:someone@evil.test', '[^attachment.txt]'];
  for (const value of values)
    test(`${JSON.stringify(value).slice(0, 50)} reads back as plain text only`, () => {
      for (const wiki of [`* ${wikiText(value)}`, wikiProse(value), `|${wikiCell(value)}|x|`]) {
        const { types, marks, text } = parsed(wiki);
        expect(marks).toEqual([]);
        for (const type of types) expect(structural).toContain(type);
        expect(text).not.toMatch(/https?:\/\//);
        expect(text.length).toBeGreaterThan(0);
      }
    });

  test('keeps the characters (a backslash shown as ⧵, URLs defanged)', () => {
    expect(parsed(wikiText('[~accountid:x] {noformat} *b* a\\b')).text).toBe('[~accountid:x] {noformat} *b* a⧵b');
    expect(parsed(wikiText('see https://evil.test')).text).toBe('see https[:]//evil.test');
  });
});

describe('the Data Center description of hostile events', () => {
  const wiki = renderWiki(buildTicketDraft(hostileChatEvents(), { analystText: 'h1. my notes\n[x|https://evil.test] {noformat}' }));

  test('parses into headings, lists, tables and text only, bold only on our labels', () => {
    const { types, marks } = parsed(wiki);
    for (const type of types) expect(structural).toContain(type);
    for (const mark of marks) expect(mark).toBe('strong');
  });

  test('shows the hostile values as their characters', () => {
    const { text } = parsed(wiki);
    expect(text).toContain('<!channel>');
    expect(text).toContain('[~accountid:5b10a2844c20165700ede21g]');
    expect(text).toContain('{noformat}x{noformat}');
    expect(text).not.toMatch(/https?:\/\/evil/);
  });

  test('fits Jira\'s 32,767 characters', () => {
    expect(wiki.length).toBeLessThanOrEqual(wikiMaxChars);
  });
});
