import { createRequire } from 'node:module';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startFakeJira } from '../../fakes/jira/fake-jira';
import type { FakeJira } from '../../fakes/jira/fake-jira';
import { hostileRawEvents } from '../../fixtures/hostile/corpus';
import { runCli } from '../../helpers/run-cli';
import { walk } from '../../unit/chat/chat-fixtures';
import { sampleRecords } from './jira-harness';

const require = createRequire(import.meta.url);
const { WikiMarkupTransformer } = require('@atlaskit/editor-wikimarkup-transformer') as { WikiMarkupTransformer: new (schema: unknown) => { parse(text: string): { toJSON(): unknown } } };
const { defaultSchema } = require('@atlaskit/adf-schema/dist/cjs/schema/default-schema.js') as { defaultSchema: unknown };

let dc: FakeJira;
let cloud: FakeJira;
let work: string;
let eventsFile: string;
let hostileFile: string;

beforeAll(async () => {
  dc = await startFakeJira({ deployment: 'datacenter', pat: 'dc-pat-canary-0123456789' });
  cloud = await startFakeJira();
  work = await mkdtemp(join(tmpdir(), 'trailcase-dc-'));
  eventsFile = join(work, 'events.json');
  hostileFile = join(work, 'hostile.json');
  await writeFile(eventsFile, JSON.stringify({ Records: sampleRecords() }));
  const hostile = hostileRawEvents('mallory').filter((raw) => !raw.startsWith('{"eventVersion":"1.09","eventID":"hostile-unparseable"'));
  await writeFile(hostileFile, `{"Records":[${hostile.join(',')}]}`);
});
afterAll(async () => {
  await dc.close();
  await cloud.close();
  await rm(work, { recursive: true, force: true });
});

const env = (site: FakeJira) => ({ JIRA_BASE_URL: site.url, JIRA_PAT: 'dc-pat-canary-0123456789', TRAILCASE_DATA_DIR: join(work, 'data'), HOME: work });

describe('trailcase ticket on Jira Data Center (REST v2, personal access token)', () => {
  it('creates the issue once with a wiki description and the events attached, and never prints the token', async () => {
    const run = await runCli(['ticket', '--events', hostileFile, '--project', 'SEC', '--issue-type', 'Incident', '--field', 'Severity=Sev 1', '--field', 'customfield_10060=Blue team'], env(dc));
    expect(run.stderr).not.toContain('dc-pat-canary');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`SEC-1 ${dc.url}/browse/SEC-1\n`);
    expect(dc.issues).toHaveLength(1);
    const issue = dc.issues[0]!;
    expect(typeof issue.fields.description).toBe('string');
    expect(issue.attachments).toHaveLength(1);
    expect(dc.log.filter((entry) => entry.path.startsWith('/rest/api/3/'))).toEqual([]);
    expect(dc.log.find((entry) => entry.route === 'attach')?.atlassianToken).toBe('no-check');
    // Atlassian's parser reads the hostile description as headings, lists, tables and text only.
    const types = new Set<string>();
    walk(new WikiMarkupTransformer(defaultSchema).parse(issue.fields.description as string).toJSON(), (key, child) => key === 'type' && typeof child === 'string' && types.add(child));
    for (const type of types) expect(['doc', 'heading', 'paragraph', 'bulletList', 'listItem', 'table', 'tableRow', 'tableHeader', 'tableCell', 'text', 'hardBreak', 'strong']).toContain(type);
  });

  it('finishes a create whose answer was lost by finding it by its label, never creating it twice', async () => {
    const before = dc.issues.length;
    dc.fail({ route: 'create', drop: true, after: true });
    const args = ['ticket', '--events', eventsFile, '--project', 'SEC', '--issue-type', 'Incident', '--field', 'Severity=Sev 1', '--field', 'customfield_10060=Blue team', '--submission-id', 'dc-lost-answer-01'];
    // The lost create is looked up by its label in the same run, or in the next one with the same id.
    await runCli(args, env(dc));
    const again = await runCli(args, env(dc));
    expect(again.code).toBe(0);
    expect(dc.issues.length).toBe(before + 1);
    expect(dc.log.filter((entry) => entry.route === 'create')).toHaveLength(2);
    expect(dc.issues.at(-1)!.attachments).toHaveLength(1);
  });

  it('a refused personal access token says to make a new one (exit 3)', async () => {
    const run = await runCli(['ticket', '--events', eventsFile, '--project', 'SEC'], { ...env(dc), JIRA_PAT: 'wrong-token' });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/did not accept the personal access token/);
  });

  it('a personal access token for a Cloud site says to use an email and API token (exit 3)', async () => {
    const run = await runCli(['ticket', '--events', eventsFile, '--project', 'SEC'], env(cloud));
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/is Jira Cloud, which takes an email and API token/);
    expect(cloud.issues).toHaveLength(0);
    expect(cloud.log.every((entry) => !entry.hasAuthorization)).toBe(true);
  });
});
