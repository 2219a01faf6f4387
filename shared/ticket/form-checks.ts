import { z } from 'zod';

import { siteOrigin } from '../api/ticket-contract';
import type { JiraFieldSpec } from '../api/ticket-contract';
import { maxSummaryLength } from './summary';

/**
 * The checks the ticket drawer runs as the analyst types, each returning what to fix or null.
 * The host checks the same inputs again with the contract's schemas; these only say it sooner,
 * next to the field, in words.
 */

/** A problem with one field, or null when the value is fine. */
export type FieldCheck = string | null;

export function checkJiraSite(value: string): FieldCheck {
  if (value.trim() === '') return 'Enter the address of your Jira site, such as https://your-team.atlassian.net.';
  if (siteOrigin(value) !== null) return null;
  if (/^http:\/\//i.test(value.trim())) return 'Use https: Jira Cloud sites are https only.';
  return 'Enter an https address such as https://your-team.atlassian.net.';
}

// The contract's own check of the email, so the form never accepts what the host refuses.
const emailSchema = z.email().max(254);

export function checkEmail(value: string): FieldCheck {
  const email = value.trim();
  if (email === '') return 'Enter the email of your Atlassian account.';
  if (!emailSchema.safeParse(email).success) return 'Enter an email address such as ana@example.com.';
  return null;
}

/** The token is needed unless one is saved for this very site (a new site forgets the old token). */
export function checkApiToken(value: string, savedForThisSite: boolean): FieldCheck {
  if (value.trim() !== '' || savedForThisSite) return value.length > 2000 ? 'An API token is shorter than this: paste it again.' : null;
  return 'Paste an API token: create one at id.atlassian.com, Security, API tokens.';
}

export function checkSummary(value: string): FieldCheck {
  if (value.trim() === '') return 'Write a summary, or use the generated one.';
  const over = value.trim().length - maxSummaryLength;
  return over > 0 ? `Jira keeps ${maxSummaryLength} characters: shorten it by ${over}, or the end is cut.` : null;
}

/** A value of one of the issue type's fields, as createmeta describes the field. */
export function checkFieldValue(spec: JiraFieldSpec, value: string): FieldCheck {
  const text = value.trim();
  if (text === '') return spec.required && !spec.hasDefaultValue ? `${spec.name} is required for this issue type.` : null;
  switch (spec.kind) {
    case 'number':
      return Number.isFinite(Number(text)) ? null : `${spec.name} takes a number.`;
    case 'select':
    case 'priority':
      return spec.allowedValues.some((option) => option.id === text) ? null : `Choose one of the values Jira offers for ${spec.name}.`;
    case 'multiselect': {
      if (spec.allowedValues.length === 0) return null;
      const names = new Set(spec.allowedValues.map((option) => option.name.toLowerCase()));
      const unknown = text
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part && !names.has(part.toLowerCase()));
      return unknown.length
        ? `Not a value of ${spec.name}: ${unknown.slice(0, 3).join(', ')}. Use the names Jira offers, separated by commas.`
        : null;
    }
    case 'labels':
      return text.split(/\s+/).some((label) => label.length > 255) ? 'A label is at most 255 characters.' : null;
    default:
      return text.length > 2000 ? `${spec.name} is at most 2,000 characters here.` : null;
  }
}

/** The issue form's problems by field id (project, issuetype, then the type's fields); empty when it can be sent. */
export function issueFormProblems(
  input: { projectKey: string | null; issueTypeId: string | null; fields: Record<string, string> },
  specs: readonly JiraFieldSpec[] | null,
): Record<string, string> {
  // Entries, not assignments: a field id such as `__proto__` stays an ordinary key.
  const problems: Array<[string, string]> = [];
  if (!input.projectKey) problems.push(['project', 'Choose the project the issue goes to.']);
  else if (!input.issueTypeId) problems.push(['issuetype', 'Choose an issue type.']);
  for (const spec of specs ?? []) {
    const problem = checkFieldValue(spec, Object.hasOwn(input.fields, spec.fieldId) ? (input.fields[spec.fieldId] ?? '') : '');
    if (problem) problems.push([spec.fieldId, problem]);
  }
  return Object.fromEntries(problems);
}

/** The most the analyst's notes may hold (the contract's LongText). */
export const maxNotesLength = 100_000;

export function checkNotes(value: string): FieldCheck {
  const over = value.length - maxNotesLength;
  return over > 0
    ? `Notes hold at most ${maxNotesLength.toLocaleString('en-US')} characters: shorten them by ${over.toLocaleString('en-US')}.`
    : null;
}
