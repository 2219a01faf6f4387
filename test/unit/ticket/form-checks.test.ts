import { describe, expect, it } from 'vitest';

import type { JiraFieldSpec } from '../../../shared/api/ticket-contract';
import { checkApiToken, checkEmail, checkFieldValue, checkJiraSite, issueFormProblems } from '../../../shared/ticket/form-checks';

const spec = (overrides: Partial<JiraFieldSpec>): JiraFieldSpec => ({
  fieldId: 'customfield_1',
  name: 'Team',
  required: true,
  kind: 'text',
  allowedValues: [],
  hasDefaultValue: false,
  ...overrides,
});

describe('the ticket form checks', () => {
  it('accept what the contract accepts and say what to fix otherwise', () => {
    expect(checkJiraSite('https://team.atlassian.net/jira/')).toBeNull();
    expect(checkJiraSite('ftp://team')).toBe('Enter an https address such as https://your-team.atlassian.net.');
    expect(checkEmail(' ana@example.com ')).toBeNull();
    expect(checkEmail('ana@example')).not.toBeNull();
    expect(checkApiToken('', true)).toBeNull();
    expect(checkApiToken('', false)).toMatch(/^Paste an API token/);
  });

  it('check each kind of field: required, number, allowed values', () => {
    expect(checkFieldValue(spec({}), '')).toBe('Team is required for this issue type.');
    expect(checkFieldValue(spec({ hasDefaultValue: true }), '')).toBeNull();
    expect(checkFieldValue(spec({ kind: 'number', name: 'Points' }), '3x')).toBe('Points takes a number.');
    const options = [
      { id: '1', name: 'Blue' },
      { id: '2', name: 'Red' },
    ];
    expect(checkFieldValue(spec({ kind: 'multiselect', allowedValues: options }), 'blue, Green')).toBe(
      'Not a value of Team: Green. Use the names Jira offers, separated by commas.',
    );
    expect(checkFieldValue(spec({ kind: 'select', allowedValues: options }), '9')).toBe('Choose one of the values Jira offers for Team.');
  });

  it('list the issue form’s problems by field id, a __proto__ id as an ordinary key', () => {
    const problems = issueFormProblems({ projectKey: 'SEC', issueTypeId: '1', fields: {} }, [spec({ fieldId: '__proto__' })]);
    expect(Object.keys(problems)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(problems)).toBe(Object.prototype);
    expect(issueFormProblems({ projectKey: null, issueTypeId: null, fields: {} }, null)).toEqual({
      project: 'Choose the project the issue goes to.',
    });
  });
});
