import { describe, expect, it } from 'vitest';

import { toApiError, toTestError } from '../../../main/services/jira/jira-errors';
import { JiraHttpError, noResponseReason, toJiraHttpError } from '../../../main/services/jira/jira-http-error';

/** True when a parenthesis opens inside another. */
function nestsParentheses(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '(' && ++depth > 1) return true;
    if (char === ')') depth = Math.max(0, depth - 1);
  }
  return false;
}

const site = 'https://team.atlassian.net';
const failures = [
  new JiraHttpError({ status: 400, errorMessages: ['Bad field'] }),
  new JiraHttpError({ status: 401 }),
  new JiraHttpError({ status: 403, errorMessages: ['No permission'] }),
  new JiraHttpError({ status: 404 }),
  new JiraHttpError({ status: 429 }),
  new JiraHttpError({ status: 502 }),
  toJiraHttpError({ isAxiosError: true, code: 'ECONNREFUSED' }),
  toJiraHttpError({ isAxiosError: true, code: 'ETIMEDOUT' }),
  new Error('socket hang up'),
];

describe('Jira errors in our words', () => {
  it.each(failures.map((error) => [error.message, error]))('never nest parentheses: %s', (_name, error) => {
    for (const what of ['Listing projects', 'Testing the connection'])
      expect(nestsParentheses(toApiError(error, what, site).message), toApiError(error, what, site).message).toBe(false);
    expect(nestsParentheses(toTestError(error, site).message)).toBe(false);
  });

  it('say why no answer came in words, and say what to do', () => {
    expect(toApiError(toJiraHttpError({ isAxiosError: true, code: 'ECONNREFUSED' }), 'Listing projects', site).message).toBe(
      'Listing projects: Jira at https://team.atlassian.net did not answer, the connection was refused. Check the network and retry.',
    );
    expect(noResponseReason('constructor')).toBe('a network error');
    expect(noResponseReason('<b>')).toBe('a network error');
  });
});
