import { createRequire } from 'node:module';

import type { validator as Validator } from '@atlaskit/adf-utils/validator';

import { quietAtlaskitFlags } from '../../../shared/ticket/atlaskit-flags';
import type { FakeField, FakeIssueType, FakeProject } from './fake-jira-data';

// Required, not imported: the package's subpath is a folder with its own package.json, which
// Node's ES module resolver (Playwright's loader) refuses; bundlers and require() accept it.
const require = createRequire(import.meta.url);
const { validator } = require('@atlaskit/adf-utils/validator') as { validator: typeof Validator };

quietAtlaskitFlags();
const validateAdf = validator();

function isAdfDoc(value: unknown): boolean {
  if (!value || typeof value !== 'object' || (value as { type?: unknown }).type !== 'doc' || (value as { version?: unknown }).version !== 1)
    return false;
  let valid = true;
  try {
    validateAdf(value as never, () => {
      valid = false;
      return undefined;
    });
  } catch {
    valid = false;
  }
  return valid;
}

function allowed(field: FakeField, value: unknown): boolean {
  const v = value as { id?: unknown; name?: unknown; value?: unknown } | null;
  if (!v || typeof v !== 'object') return false;
  return (field.allowedValues ?? []).some(
    (option) =>
      option.id === v.id || (v.name !== undefined && option.name === v.name) || (v.value !== undefined && option.value === v.value),
  );
}

/** Which Jira answers: Cloud (REST v3, ADF descriptions) or Data Center (REST v2, wiki markup strings). */
export type Deployment = 'cloud' | 'datacenter';

function checkField(field: FakeField, value: unknown, deployment: Deployment): string | null {
  switch (field.schema.system ?? field.schema.type) {
    case 'summary':
      if (typeof value !== 'string' || value.trim() === '') return 'You must specify a summary of the issue.';
      if (/[\r\n]/.test(value)) return 'The summary is invalid because it contains newline characters.';
      if (value.length > 255) return 'Summary must be less than 255 characters.';
      return null;
    case 'description':
      if (deployment === 'datacenter') {
        if (typeof value !== 'string') return 'Operation value must be a string';
        return value.length > 32_767 ? 'The entered text is too long. It exceeds the allowed limit of 32,767 characters.' : null;
      }
      if (!isAdfDoc(value)) return 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
      return JSON.stringify(value).length > 32_767
        ? 'The entered text is too long. It exceeds the allowed limit of 32,767 characters.'
        : null;
    case 'labels':
      if (!Array.isArray(value) || value.some((label) => typeof label !== 'string')) return 'Labels must be a list of strings.';
      for (const label of value as string[])
        if (/\s/.test(label) || label === '') return `The label '${label}' contains spaces which is invalid.`;
      if ((value as string[]).some((label) => label.length > 255)) return 'The label is longer than 255 characters.';
      return null;
    case 'priority':
    case 'option':
      return allowed(field, value) ? null : `Specify a valid value for ${field.name}`;
    case 'string':
      return typeof value === 'string' ? null : `Specify a valid value for ${field.name}`;
    default:
      return null;
  }
}

/** Jira's create validation, as Jira answers it: `{ errorMessages, errors }` with field ids. */
export function validateCreate(
  projects: FakeProject[],
  fields: Record<string, unknown>,
  deployment: Deployment = 'cloud',
): { project: FakeProject; issueType: FakeIssueType } | { errorMessages: string[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const projectRef = fields.project as { key?: unknown; id?: unknown } | undefined;
  const project = projects.find((p) => p.key === projectRef?.key || p.id === projectRef?.id);
  if (!project) return { errorMessages: [], errors: { project: 'valid project is required' } };
  const typeRef = fields.issuetype as { id?: unknown; name?: unknown } | undefined;
  const issueType = project.issueTypes.find((t) => t.id === typeRef?.id || t.name === typeRef?.name);
  if (!issueType) return { errorMessages: [], errors: { issuetype: 'Specify an issue type' } };
  for (const [fieldId, value] of Object.entries(fields)) {
    if (fieldId === 'project' || fieldId === 'issuetype') continue;
    const field = issueType.fields.find((f) => f.fieldId === fieldId);
    if (!field) {
      errors[fieldId] = `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;
      continue;
    }
    const problem = checkField(field, value, deployment);
    if (problem) errors[fieldId] = problem;
  }
  for (const field of issueType.fields) {
    if (field.required && !(field.fieldId in fields) && !errors[field.fieldId])
      errors[field.fieldId] = field.fieldId === 'summary' ? 'You must specify a summary of the issue.' : `${field.name} is required.`;
  }
  return Object.keys(errors).length ? { errorMessages: [], errors } : { project, issueType };
}
