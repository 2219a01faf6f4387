import { describe, expect, it } from 'vitest';

import { missingRequired, toFieldSpecs, toJiraValue } from '../../../main/services/jira/create-meta';
import { parseRetryAfter } from '../../../main/services/jira/jira-http-error';
import { toApiError } from '../../../main/services/jira/jira-errors';
import { JiraHttpError } from '../../../main/services/jira/jira-http-error';

const severity = {
  fieldId: 'customfield_1',
  name: 'Severity',
  required: true,
  schema: { type: 'option' },
  allowedValues: [{ id: '7', value: 'Sev 1' }],
};
const team = {
  fieldId: 'customfield_2',
  name: 'Team',
  required: true,
  schema: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield' },
};
const notes = {
  fieldId: 'customfield_3',
  name: 'Notes',
  required: false,
  schema: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea' },
};
const summary = { fieldId: 'summary', name: 'Summary', required: true, schema: { type: 'string', system: 'summary' } };

describe('create fields', () => {
  it('leaves out the fields Trailcase fills itself and names each kind', () => {
    const specs = toFieldSpecs([summary, severity, team, notes]);
    expect(specs.map((s) => [s.fieldId, s.kind])).toEqual([
      ['customfield_1', 'select'],
      ['customfield_2', 'text'],
      ['customfield_3', 'textarea'],
    ]);
    expect(specs[0]!.allowedValues).toEqual([{ id: '7', name: 'Sev 1' }]);
  });

  it('turns form text into Jira values by kind', () => {
    const [sev, text, area] = toFieldSpecs([severity, team, notes]);
    expect(toJiraValue(sev!, 'sev 1')).toEqual({ id: '7' });
    expect(toJiraValue(sev!, '7')).toEqual({ id: '7' });
    expect(toJiraValue(text!, 'two\nlines')).toBe('two lines');
    expect(toJiraValue(area!, 'hello')).toEqual({
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hello' }] }],
    });
  });

  it('refuses an option that is not allowed, on its field', () => {
    const [sev] = toFieldSpecs([severity]);
    expect(() => toJiraValue(sev!, 'Sev 9')).toThrow(
      expect.objectContaining({ code: 'JIRA_FIELDS', fields: { customfield_1: 'Choose one of: Sev 1' } }),
    );
  });

  it('names the required fields left empty', () => {
    expect(missingRequired(toFieldSpecs([severity, team]), { customfield_1: '7', customfield_2: '  ' })).toEqual({
      customfield_2: 'Team is required.',
    });
  });
});

describe('Jira errors', () => {
  it('reads Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:10 GMT', Date.parse('2026-11-25T10:00:00Z'))).toBe(10);
    expect(parseRetryAfter(undefined)).toBeNull();
  });

  it('keeps field errors on 400 and says what to fix on 401 and 403', () => {
    expect(toApiError(new JiraHttpError({ status: 400, errors: { summary: 'bad' } }), 'Creating', 'https://x.atlassian.net')).toMatchObject(
      { code: 'JIRA_FIELDS', fields: { summary: 'bad' } },
    );
    expect(toApiError(new JiraHttpError({ status: 401 }), 'Creating', 'https://x.atlassian.net').message).toMatch(/API token/);
    expect(toApiError(new JiraHttpError({ status: 403 }), 'Creating', 'https://x.atlassian.net').code).toBe('JIRA_FORBIDDEN');
    expect(toApiError(new JiraHttpError({ status: null }), 'Creating', 'https://x.atlassian.net').code).toBe('JIRA_UNAVAILABLE');
  });
});
