import { describe, expect, it } from 'vitest';

import { planContainment } from '../../../shared/containment/plan';
import type { ContainmentOutcome } from '../../../shared/containment/schemas';
import { containmentSection, ContainmentTicketEntrySchema, ticketEntryOf } from '../../../shared/containment/ticket-section';
import { REDACTED_PASSWORD } from '../../../shared/containment/undo';

const plan = planContainment(
  { kind: 'user', name: 'jmorales', uniqueId: 'AIDATJ4MORALES7XK2Q', arn: 'arn:aws:iam::210987654321:user/jmorales' },
  { actions: ['deactivate-keys', 'revoke-sessions'] },
  { accessKeys: [{ accessKeyId: 'AKIATJ4MORALESNEW5Z8', status: 'Active' }], revokePolicy: { document: null } },
  '2026-12-02T04:30:00.000Z',
);
const run: ContainmentOutcome = {
  id: 'c-20261202T043000Z-0a1b2c3d',
  kind: 'run',
  profile: 'responder',
  plan,
  calls: plan.actions.flatMap((a) => a.calls).map((call, index) => ({ seq: index + 1, call, outcome: 'ok' as const })),
  checks: [{ action: 'deactivate-keys', ok: true, detail: 'Access key AKIATJ4MORALESNEW5Z8 reads Inactive.' }],
  status: 'done',
  undoCommand: 'trailcase contain --undo c-20261202T043000Z-0a1b2c3d --yes',
};

describe('the ticket’s Containment section', () => {
  it('says what was done to whom, each call with its outcome, and what was read back', () => {
    const blocks = containmentSection([ticketEntryOf(run)]);
    expect(blocks[0]).toEqual({ type: 'heading', text: 'Containment' });
    const text = JSON.stringify(blocks);
    expect(text).toContain('UpdateAccessKey UserName=jmorales AccessKeyId=AKIATJ4MORALESNEW5Z8 Status=Inactive');
    expect(text).toContain('PutUserPolicy UserName=jmorales PolicyName=TrailcaseRevokeOlderSessions');
    expect(text).toContain('Access key AKIATJ4MORALESNEW5Z8 reads Inactive.');
    expect(blocks[1]).toMatchObject({ type: 'paragraph', spans: expect.arrayContaining([{ kind: 'data', text: 'AIDATJ4MORALES7XK2Q' }]) });
  });

  it('keeps names and values as data spans only, and an entry passes its schema', () => {
    const entry = ticketEntryOf(run);
    expect(ContainmentTicketEntrySchema.parse(entry)).toEqual(entry);
    const spans = containmentSection([entry]).flatMap((block) => ('spans' in block ? block.spans : 'items' in block ? block.items.flat() : []));
    expect(spans.filter((span) => span.text.includes('jmorales')).every((span) => span.kind === 'data')).toBe(true);
  });

  it('never carries a password: an undo that created one shows the marker', () => {
    const undo: ContainmentOutcome = {
      ...run,
      id: 'u-1',
      kind: 'undo',
      undoOf: run.id,
      calls: [{ seq: 1, call: { api: 'CreateLoginProfile', params: { UserName: 'jmorales', Password: REDACTED_PASSWORD, PasswordResetRequired: true } }, outcome: 'ok' }],
      newPassword: 'S3cret!Passw0rdNotForTickets',
    };
    const text = JSON.stringify(containmentSection([ticketEntryOf(undo)]));
    expect(text).not.toContain('S3cret');
    expect(text).toContain('Undo ');
  });

  it('is left out when nothing was added', () => {
    expect(containmentSection([])).toEqual([]);
  });
});

describe('the Containment section in the ticket draft', () => {
  it('comes after the next steps in the description, in Markdown and ADF, when the analyst added a run', async () => {
    const { buildTicketDraft } = await import('../../../shared/ticket/draft');
    const { renderMarkdown } = await import('../../../shared/ticket/render-markdown');
    const { renderAdf } = await import('../../../shared/ticket/render-adf');
    const draft = buildTicketDraft([], { containment: [ticketEntryOf(run)] });
    const markdown = renderMarkdown(draft);
    expect(markdown).toMatch(/Containment/);
    expect(markdown).toContain('UpdateAccessKey UserName=jmorales AccessKeyId=AKIATJ4MORALESNEW5Z8 Status=Inactive');
    expect(JSON.stringify(renderAdf(draft))).toContain('"text":"Containment"');
    expect(renderMarkdown(buildTicketDraft([], {}))).not.toMatch(/Containment/);
  });
});
