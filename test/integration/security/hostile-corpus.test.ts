import { afterEach, describe, expect, test } from 'vitest';

import { toCsv } from '../../../shared/export/csv';
import { normalizeEvent } from '../../../shared/records/normalize';
import { checkAdf } from '../../../shared/ticket/render-adf';
import { hostileRawEvents, hostileStrings } from '../../fixtures/hostile/corpus';
import { isFormulaCell, parseCsv } from '../../fixtures/hostile/csv';
import { startJiraWorld } from '../faults/jira-world';
import type { JiraWorld } from '../faults/jira-world';

/**
 * The whole hostile corpus of promise 8 (every payload in every free field and in user, session
 * and event names; 200 KB; 5,000-deep JSON; `__proto__`; unparseable) through the shared code
 * every host uses, and through a real submit to the fake Jira (promises 9–11).
 */
const raws = hostileRawEvents('mallory');
/** The ids the app gives them (an unparseable record gets one derived from its text). */
const ids = raws.map((raw) => normalizeEvent(raw).id);
let world: JiraWorld | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

describe('the hostile corpus', () => {
  test('normalises without throwing or polluting a prototype, keeping the unparseable record raw', () => {
    const events = raws.map((raw) => normalizeEvent(raw, { region: 'us-east-1' }));
    expect(events).toHaveLength(raws.length);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const broken = events.filter((event) => event.record === null);
    expect(broken).toHaveLength(1);
    expect(broken[0]!.raw).toBe(raws.at(-1));
    expect(broken[0]!.parseError).toBeTruthy();
  });

  test('exports to CSV with every record and no cell a spreadsheet would run', () => {
    const events = raws.map((raw) => normalizeEvent(raw, { region: 'us-east-1' }));
    const rows = parseCsv(toCsv(events, () => []));
    expect(rows).toHaveLength(raws.length + 1);
    expect(rows.flat().filter(isFormulaCell)).toEqual([]);
    expect(rows.flat()).toContain(`'${hostileStrings.formula}`);
  });

  test('submits as one issue whose ADF holds only allowed nodes, no link or mention, and whose attachment holds every record', async () => {
    world = await startJiraWorld({ events: raws.map((raw, i) => ({ eventId: ids[i]!, region: 'us-east-1', raw })) });
    const result = await world.handlers.submitTicket(world.submitInput());
    expect(result).toMatchObject({ state: 'created', attachment: 'attached' });
    const [issue] = world.fake.issues;
    expect(checkAdf(issue!.fields.description)).toEqual([]);
    expect(JSON.stringify(issue!.fields.description)).not.toMatch(/"type":"(mention|inlineCard|blockCard|embedCard|media|link|emoji|extension)"/);
    expect(String(issue!.fields.summary)).not.toMatch(/[\r\n]/);
    const attached = JSON.parse(issue!.attachments[0]!.content) as { Records: unknown[] };
    expect(attached.Records).toHaveLength(raws.length);
  });
});
