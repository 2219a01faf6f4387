import { describe, expect, it, vi } from 'vitest';

import { createDispatcher } from '../../../main/hosts/dispatch';
import type { Handlers } from '../../../main/hosts/dispatch';

/**
 * Promise 3 for the ticket methods whose input holds a map of Jira field values: a `__proto__`
 * key (which JSON.parse makes an own key) is refused by name, never silently dropped while the
 * rest of the draft is saved, and never reaches a prototype.
 */
const saveDraft = vi.fn(async () => ({ savedAt: '2026-12-02T00:00:00.000Z' }));
const submitTicket = vi.fn(async () => ({ submissionId: 's', state: 'created', issueKey: 'SEC-1', issueUrl: null, attachment: 'attached', message: '' }));
const dispatch = createDispatcher({ saveDraft, submitTicket } as unknown as Handlers);

const draft = (fields: unknown) => ({ summary: null, analystText: 'notes', fetchId: null, eventIds: [], projectKey: 'SEC', issueTypeId: '10001', fields });

describe('field maps in ticket input', () => {
  it.each([
    ['a string', '{"customfield_10050":"Sev 2","__proto__":"x"}'],
    ['an object', '{"customfield_10050":"Sev 2","__proto__":{"polluted":"1"}}'],
  ])('refuse a __proto__ key holding %s in saveDraft, naming its path', async (_kind, json) => {
    saveDraft.mockClear();
    const result = await dispatch('saveDraft', { key: 'draft-1', draft: draft(JSON.parse(json)) });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (result.ok) return;
    expect(Object.keys(result.error.fields ?? {})).toContain('draft.fields.__proto__');
    expect(result.error.message).toContain('draft.fields.__proto__');
    expect(saveDraft).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a __proto__ key in submitTicket’s fields before anything is sent', async () => {
    submitTicket.mockClear();
    const input = {
      submissionId: 'sub-1',
      fetchId: 'f-1',
      eventIds: ['e-1'],
      summary: null,
      analystText: '',
      projectKey: 'SEC',
      issueTypeId: '10001',
      fields: JSON.parse('{"__proto__":"x"}'),
    };
    const result = await dispatch('submitTicket', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', fields: { 'fields.__proto__': expect.any(String) } } });
    expect(submitTicket).not.toHaveBeenCalled();
  });

  it('keeps accepting ordinary field ids, constructor included', async () => {
    saveDraft.mockClear();
    const fields = JSON.parse('{"customfield_10050":"Sev 2","priority":"1","constructor":"c"}');
    expect(await dispatch('saveDraft', { key: 'draft-1', draft: draft(fields) })).toMatchObject({ ok: true });
    expect(saveDraft).toHaveBeenCalledWith({ key: 'draft-1', draft: expect.objectContaining({ fields: { customfield_10050: 'Sev 2', priority: '1', constructor: 'c' } }) });
  });
});
