import { afterEach, describe, expect, it } from 'vitest';

import { planContainment } from '../../../shared/containment/plan';
import { ticketEntryOf } from '../../../shared/containment/ticket-section';
import { checkAdf } from '../../../shared/ticket/render-adf';
import { startHarness } from '../jira/jira-harness';
import type { Harness } from '../jira/jira-harness';

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

const plan = planContainment(
  { kind: 'user', name: 'alice', uniqueId: 'AIDAALICEFAKE000001X', arn: 'arn:aws:iam::111122223333:user/alice' },
  { actions: ['deactivate-keys'] },
  { accessKeys: [{ accessKeyId: 'AKIAALICEFAKE0000001', status: 'Active' }] },
  '2026-12-02T04:30:00.000Z',
);
const entry = ticketEntryOf({
  id: 'c-20261202T043000Z-0a1b2c3d',
  kind: 'run',
  profile: 'responder',
  plan,
  calls: [{ seq: 1, call: plan.actions[0]!.calls[0]!, outcome: 'ok' }],
  checks: [{ action: 'deactivate-keys', ok: true, detail: 'Access key AKIAALICEFAKE0000001 reads Inactive.' }],
  status: 'done',
  undoCommand: null,
});

describe('a ticket with containment added', () => {
  it('carries the Containment section into the created issue’s description, as valid ADF', async () => {
    harness = await startHarness();
    await harness.handlers.submitTicket({ ...harness.submitInput(), containment: [entry] });
    const description = harness.fake.issues[0]!.fields.description;
    expect(checkAdf(description)).toEqual([]);
    const text = JSON.stringify(description);
    expect(text).toContain('"text":"Containment"');
    expect(text).toContain('UpdateAccessKey UserName=alice AccessKeyId=AKIAALICEFAKE0000001 Status=Inactive');
    expect(text).toContain('Access key AKIAALICEFAKE0000001 reads Inactive.');
  });
});
