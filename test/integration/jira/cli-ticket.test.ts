import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startFakeJira } from '../../fakes/jira/fake-jira';
import type { FakeJira } from '../../fakes/jira/fake-jira';
import { deeplyNestedJson } from '../../fixtures/hostile/corpus';
import { sampleRecords } from './jira-harness';

let fake: FakeJira;
let work: string;
let eventsFile: string;

beforeAll(async () => {
  fake = await startFakeJira();
  work = await mkdtemp(join(tmpdir(), 'trailcase-cli-'));
  eventsFile = join(work, 'events.json');
  await writeFile(eventsFile, JSON.stringify({ Records: sampleRecords() }));
});
afterAll(async () => {
  await fake.close();
  await rm(work, { recursive: true, force: true });
});

/** Runs the CLI from source, as `npx tsx main/cli/main.ts` does. */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: work, TRAILCASE_DATA_DIR: join(work, 'data'), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const jiraEnv = () => ({ JIRA_BASE_URL: fake.url, JIRA_EMAIL: fake.email, JIRA_API_TOKEN: fake.apiToken });

describe('trailcase draft and ticket', () => {
  it('prints the draft as ADF', async () => {
    const { code, stdout } = await cli(['draft', '--events', eventsFile, '--format', 'adf'], {});
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ type: 'doc', version: 1 });
  });

  it('creates the issue with the events attached and prints its key and browse URL', async () => {
    const { code, stdout } = await cli(
      [
        'ticket',
        '--events',
        eventsFile,
        '--project',
        'SEC',
        '--issue-type',
        'Incident',
        '--field',
        'Severity=Sev 1',
        '--field',
        'customfield_10060=Blue team',
      ],
      jiraEnv(),
    );
    expect(code).toBe(0);
    expect(stdout).toBe(`SEC-1 ${fake.url}/browse/SEC-1\n`);
    expect(fake.issues).toHaveLength(1);
    expect(fake.issues[0]!.attachments).toHaveLength(1);
  });

  it('creates nothing on --dry-run', async () => {
    const before = fake.issues.length;
    const { code, stdout } = await cli(['ticket', '--events', eventsFile, '--project', 'SEC', '--dry-run'], jiraEnv());
    expect(code).toBe(0);
    expect(JSON.parse(stdout).fields.summary).toMatch(/^possible compromise of alice: /);
    expect(fake.issues).toHaveLength(before);
  });

  it('finishes a submission left pending when run again with its --submission-id, without a second issue', async () => {
    const before = fake.issues.length;
    for (let i = 0; i < 3; i++) fake.fail({ route: 'attach', status: 500 });
    const args = ['ticket', '--events', eventsFile, '--project', 'SEC'];
    const first = await cli(args, jiraEnv());
    expect(first.code).toBe(1);
    const id = /--submission-id (\S+)/.exec(first.stderr)?.[1];
    expect(id).toBeTruthy();
    const again = await cli([...args, '--submission-id', id!], jiraEnv());
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(fake.issues).toHaveLength(before + 1);
    expect(fake.issues.at(-1)!.attachments).toHaveLength(1);
  });

  it('prints the request on --dry-run even with no Jira connection, unchecked against a site', async () => {
    const { code, stdout, stderr } = await cli(['ticket', '--events', eventsFile, '--project', 'SEC', '--dry-run', '--field', 'customfield_10060=Blue team'], {});
    expect(code).toBe(0);
    const request = JSON.parse(stdout) as { site: null; fields: Record<string, unknown> };
    expect(request.site).toBeNull();
    expect(request.fields).toMatchObject({ project: { key: 'SEC' }, issuetype: { name: 'Task' }, description: { type: 'doc', version: 1 }, customfield_10060: 'Blue team' });
    expect(String(request.fields.summary)).toMatch(/^possible compromise of alice: /);
    expect((request.fields.labels as string[]).every((label) => !/\s/.test(label))).toBe(true);
    expect(stderr).toContain('not checked');
  });

  it('exits 3 when Jira credentials are missing or refused', async () => {
    expect((await cli(['ticket', '--events', eventsFile, '--project', 'SEC'], {})).code).toBe(3);
    expect((await cli(['ticket', '--events', eventsFile, '--project', 'SEC'], { ...jiraEnv(), JIRA_API_TOKEN: 'wrong' })).code).toBe(3);
  });

  it('exits 2 on bad usage', async () => {
    expect((await cli(['ticket', '--events', eventsFile, '--project', 'not a key'], jiraEnv())).code).toBe(2);
    expect((await cli(['ticket', '--events', eventsFile, '--project', 'SEC', '--field', 'Nope=1'], jiraEnv())).code).toBe(2);
  });

  describe('a record nested 5,000 levels deep', () => {
    // Written as text: a stringify that deep would exhaust the stack, as ticket once did.
    const deepRecord = `{"eventID":"deep-1","eventTime":"2026-11-01T10:10:00Z","eventName":"CreateUser","eventSource":"iam.amazonaws.com","userIdentity":{"type":"IAMUser","userName":"alice"},"requestParameters":${deeplyNestedJson(5000)}}`;
    let deepFile: string;
    beforeAll(async () => {
      deepFile = join(work, 'deep.json');
      const others = sampleRecords().map((record) => JSON.stringify(record));
      await writeFile(deepFile, `{"Records":[\n${[...others, deepRecord].join(',\n')}\n]}`);
    });

    it('prints the --dry-run request with no Jira connection, the record counted whole in the attachment', async () => {
      const { code, stdout, stderr } = await cli(['ticket', '--events', deepFile, '--project', 'SEC', '--dry-run'], {});
      expect(stderr).not.toContain('Maximum call stack');
      expect(code).toBe(0);
      const request = JSON.parse(stdout) as { attachment: { bytes: number } };
      expect(request.attachment.bytes).toBeGreaterThan(Buffer.byteLength(deepRecord));
    });

    it('prints the --dry-run request checked against the fake Jira', async () => {
      const { code, stdout, stderr } = await cli(['ticket', '--events', deepFile, '--project', 'SEC', '--dry-run'], jiraEnv());
      expect(stderr).not.toContain('Maximum call stack');
      expect(code).toBe(0);
      expect((JSON.parse(stdout) as { site: string }).site).toBe(fake.url);
    });

    it('creates the issue with every record attached, the deep one exactly as the file holds it', async () => {
      const before = fake.issues.length;
      const { code, stdout, stderr } = await cli(['ticket', '--events', deepFile, '--project', 'SEC'], jiraEnv());
      expect(stderr).not.toContain('Maximum call stack');
      expect(code).toBe(0);
      expect(stdout).toMatch(/^SEC-\d+ /);
      expect(fake.issues).toHaveLength(before + 1);
      const attached = fake.issues.at(-1)!.attachments[0]!.content;
      expect(attached).toContain(deepRecord);
      expect(attached.split('\n').filter((line) => line.startsWith('{"eventID"')).length).toBe(sampleRecords().length + 1);
    });
  });
});
