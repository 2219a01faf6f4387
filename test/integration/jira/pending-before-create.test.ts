import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { PendingSubmission } from '../../../main/services/drafts/pending-store';
import { startFakeJira } from '../../fakes/jira/fake-jira';
import { sampleRecords, startHarness } from './jira-harness';
import type { Harness } from './jira-harness';

/**
 * Promise 17: the pending entry, with the submission id set as a label, is on disk before the
 * create leaves. The fake Jira looks at the pending store the moment the create arrives: a host
 * killed then would find the entry on its next start and look the issue up by that label.
 */
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The CLI from source (as `npx tsx main/cli/main.ts`), with a way to kill it as a crash would. */
function runCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return {
    done,
    async kill() {
      child.kill('SIGKILL');
      await done;
    },
  };
}

describe('the pending entry of a submit', () => {
  it('is on disk, with its label and events, when Jira receives the create', async () => {
    const h = (harness = await startHarness());
    const input = h.submitInput();
    const seen: Array<{ entry: PendingSubmission | null; events: string | null; label: unknown }> = [];
    h.fake.onReceive('create', async (body) => {
      const sent = JSON.parse(body.toString('utf8')) as { fields: { labels?: string[] } };
      seen.push({
        entry: await h.tickets.pending.get(input.submissionId),
        events: await h.tickets.pending.getEvents(input.submissionId),
        label: sent.fields.labels?.find((label) => label.startsWith('trailcase-sub-')),
      });
    });
    const result = await h.handlers.submitTicket(input);
    expect(result).toMatchObject({ state: 'created', attachment: 'attached' });
    expect(seen).toHaveLength(1);
    const [atCreate] = seen;
    expect(atCreate!.entry).toMatchObject({
      submissionId: input.submissionId,
      label: `trailcase-sub-${input.submissionId}`,
      site: h.fake.url,
      stage: 'creating',
      issueKey: null,
    });
    expect(atCreate!.label).toBe(atCreate!.entry!.label);
    expect(atCreate!.entry!.fields).toMatchObject({ labels: expect.arrayContaining([atCreate!.entry!.label]) });
    expect(JSON.parse(atCreate!.events ?? '{}').Records).toHaveLength(3);
  });

  it('lets a CLI killed while Jira receives the create finish on its next run, by label, with one issue', async () => {
    const fake = await startFakeJira();
    const work = await mkdtemp(join(tmpdir(), 'trailcase-kill-'));
    try {
      const eventsFile = join(work, 'events.json');
      await writeFile(eventsFile, JSON.stringify({ Records: sampleRecords() }));
      const pendingDir = join(work, 'data', 'jira', 'pending');
      const env = { JIRA_BASE_URL: fake.url, JIRA_EMAIL: fake.email, JIRA_API_TOKEN: fake.apiToken, TRAILCASE_DATA_DIR: join(work, 'data'), HOME: work };
      const args = ['ticket', '--events', eventsFile, '--project', 'SEC', '--issue-type', 'Task'];
      let onDisk: string[] = [];
      const stored = fake.answered('create');
      const first = runCli(args, env);
      // The moment the create arrives: note what is on disk, kill the CLI, then let Jira store it.
      fake.onReceive('create', async () => {
        onDisk = (await readdir(pendingDir)).filter((name) => name.endsWith('.json') && !name.endsWith('.events.json'));
        await first.kill();
      });
      expect((await first.done).signal).toBe('SIGKILL');
      expect(await stored).toBe(201);
      fake.onReceive('create', null);
      expect(onDisk).toHaveLength(1);
      expect(fake.issues).toHaveLength(1);

      const submissionId = onDisk[0]!.slice(0, -'.json'.length);
      const again = await runCli([...args, '--submission-id', submissionId], env).done;
      expect(again.stderr).not.toMatch(/Error:/);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('SEC-1');
      expect(fake.log.filter((entry) => entry.route === 'create')).toHaveLength(1);
      expect(fake.issues).toHaveLength(1);
      expect(fake.issues[0]!.attachments).toHaveLength(1);
    } finally {
      await fake.close();
      await rm(work, { recursive: true, force: true });
    }
  });
});
