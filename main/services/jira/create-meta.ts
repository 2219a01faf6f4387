import type { JiraFieldSpec } from '../../../shared/api/ticket-contract';
import { ApiError } from '../../../shared/api/errors';
import { toLabel } from '../../../shared/ticket/inert-text';
import type { CreateMetaField } from './jira-client';

/** Fields Trailcase fills itself; the form does not ask for them. */
export const ownFields = new Set(['summary', 'description', 'project', 'issuetype', 'reporter', 'attachment']);

function kindOf(field: CreateMetaField): JiraFieldSpec['kind'] {
  const schema = field.schema ?? {};
  if (schema.system === 'priority' || schema.type === 'priority') return 'priority';
  if (schema.system === 'labels') return 'labels';
  if (schema.type === 'option') return 'select';
  if (schema.type === 'array' && schema.items === 'option') return 'multiselect';
  if (schema.type === 'number') return 'number';
  if (schema.type === 'string') return /textarea/.test(schema.custom ?? '') || schema.system === 'environment' ? 'textarea' : 'text';
  return 'unsupported';
}

function optionsOf(field: CreateMetaField): JiraFieldSpec['allowedValues'] {
  return (field.allowedValues ?? []).flatMap((raw) => {
    const option = raw as { id?: unknown; name?: unknown; value?: unknown };
    if (typeof option?.id !== 'string') return [];
    const name = typeof option.name === 'string' ? option.name : typeof option.value === 'string' ? option.value : option.id;
    return [{ id: option.id, name }];
  });
}

/** The create form's fields from createmeta, in kinds the form can show. */
export function toFieldSpecs(fields: CreateMetaField[]): JiraFieldSpec[] {
  return fields
    .filter((field) => !ownFields.has(field.fieldId))
    .map((field) => ({
      fieldId: field.fieldId,
      name: field.name,
      required: field.required,
      kind: kindOf(field),
      allowedValues: optionsOf(field),
      hasDefaultValue: Boolean(field.hasDefaultValue),
    }));
}

function pickOption(spec: JiraFieldSpec, value: string): { id: string } {
  const option =
    spec.allowedValues.find((o) => o.id === value) ?? spec.allowedValues.find((o) => o.name.toLowerCase() === value.toLowerCase());
  if (!option)
    throw new ApiError('JIRA_FIELDS', `${spec.name}: "${value.slice(0, 80)}" is not one of its values.`, {
      [spec.fieldId]: `Choose one of: ${spec.allowedValues.map((o) => o.name).join(', ')}`,
    });
  return { id: option.id };
}

/** Turns the form's text values into Jira field values by each field's kind. */
export function toJiraValue(spec: JiraFieldSpec, value: string): unknown {
  switch (spec.kind) {
    case 'select':
    case 'priority':
      return pickOption(spec, value);
    case 'multiselect':
      return value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => pickOption(spec, part));
    case 'labels':
      return value
        .split(/[\s,]+/)
        .map((part) => toLabel(part))
        .filter(Boolean);
    case 'number': {
      const number = Number(value);
      if (!Number.isFinite(number))
        throw new ApiError('JIRA_FIELDS', `${spec.name} must be a number.`, { [spec.fieldId]: 'Enter a number.' });
      return number;
    }
    case 'textarea':
      return { type: 'doc', version: 1, content: value.trim() ? [{ type: 'paragraph', content: [{ type: 'text', text: value }] }] : [] };
    case 'text':
      return value.replace(/[\r\n]+/g, ' ');
    default:
      throw new ApiError('JIRA_FIELDS', `${spec.name} cannot be set from Trailcase.`, {
        [spec.fieldId]: 'This kind of field is not supported; set it in Jira after the issue is created.',
      });
  }
}

/** Names the required fields the form left empty (those without a default Jira fills in). */
export function missingRequired(specs: JiraFieldSpec[], values: Record<string, string>): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const spec of specs)
    if (spec.required && !spec.hasDefaultValue && !values[spec.fieldId]?.trim()) missing[spec.fieldId] = `${spec.name} is required.`;
  return missing;
}
