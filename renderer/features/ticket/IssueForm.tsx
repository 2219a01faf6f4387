import type { JiraFieldSpec } from '../../../shared/api/ticket-contract';
import type { PriorityName } from '../../../shared/ticket/summary';
import { ErrorWithRetry } from './ErrorWithRetry';
import { FormField } from './FormField';
import type { FieldControlProps } from './FormField';
import { useFieldChecks } from './useFieldChecks';
import type { useIssueMeta } from './useIssueMeta';
import type { DraftInput } from './useDraftState';

type Meta = ReturnType<typeof useIssueMeta>;

/** The fields worth asking for: required ones, and priority and labels when the type has them. */
export function formFields(fields: JiraFieldSpec[]): JiraFieldSpec[] {
  return fields.filter((field) => field.kind !== 'unsupported' && (field.required || field.kind === 'priority' || field.kind === 'labels'));
}

function FieldInput({
  spec,
  value,
  onChange,
  suggested,
  control,
}: {
  spec: JiraFieldSpec;
  value: string;
  onChange(value: string): void;
  suggested: PriorityName;
  control: FieldControlProps;
}) {
  if (spec.kind === 'select' || spec.kind === 'priority') {
    const placeholder = spec.kind === 'priority' ? `Suggested: ${suggested}` : 'Choose…';
    return (
      <select
        {...control}
        aria-label={spec.name}
        aria-required={spec.required}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{placeholder}</option>
        {spec.allowedValues.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    );
  }
  if (spec.kind === 'textarea')
    return (
      <textarea
        {...control}
        aria-label={spec.name}
        aria-required={spec.required}
        rows={3}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  const placeholder =
    spec.kind === 'labels' ? 'more labels, separated by spaces' : spec.kind === 'multiselect' ? 'values separated by commas' : '';
  return (
    <input
      {...control}
      aria-label={spec.name}
      aria-required={spec.required}
      type={spec.kind === 'number' ? 'number' : 'text'}
      value={value}
      placeholder={placeholder}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/**
 * Project and issue type pickers, then the issue type's fields. Each field says what is wrong as
 * it is filled in (and all of them once Submit was tried); Jira's own error on a field shows
 * until that field changes.
 */
export function IssueForm(props: {
  meta: Meta;
  input: DraftInput;
  onChange(change: Partial<DraftInput>): void;
  /** Jira's errors on fields, by field id, from the last submit. */
  fieldErrors: Record<string, string>;
  /** What is wrong now, by field id (shared/ticket/form-checks). */
  problems: Record<string, string>;
  /** True once Submit was tried: every problem shows. */
  showAll: boolean;
  suggestedPriority: PriorityName;
}) {
  const { meta, input, onChange } = props;
  const projects = meta.projects.kind === 'ready' ? meta.projects.value.projects : [];
  const types = meta.issueTypes.kind === 'ready' ? meta.issueTypes.value.issueTypes : [];
  const fields = meta.fields.kind === 'ready' ? formFields(meta.fields.value.fields) : [];
  const failure = [meta.projects, meta.issueTypes, meta.fields].find((state) => state.kind === 'failed');
  const values = { ...input.fields, project: input.projectKey ?? '', issuetype: input.issueTypeId ?? '' };
  const checks = useFieldChecks<string>(values, props.problems, props.fieldErrors, props.showAll);
  const change = (field: string, change: Partial<DraftInput>) => {
    checks.touch(field);
    onChange(change);
  };
  return (
    <div className="ticket-issue-form">
      <FormField label="Project" error={checks.shown('project')}>
        {(control) => (
          <select
            {...control}
            value={input.projectKey ?? ''}
            onChange={(event) => change('project', { projectKey: event.target.value || null, issueTypeId: null, fields: {} })}
            disabled={meta.projects.kind !== 'ready'}
          >
            <option value="">{meta.projects.kind === 'loading' ? 'Loading projects…' : 'Choose a project'}</option>
            {projects.map((project) => (
              <option key={project.id} value={project.key}>
                {project.key} — {project.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Issue type" error={checks.shown('issuetype')}>
        {(control) => (
          <select
            {...control}
            value={input.issueTypeId ?? ''}
            onChange={(event) => change('issuetype', { issueTypeId: event.target.value || null })}
            disabled={meta.issueTypes.kind !== 'ready'}
          >
            <option value="">{meta.issueTypes.kind === 'loading' ? 'Loading issue types…' : 'Choose an issue type'}</option>
            {types.map((type) => (
              <option key={type.id} value={type.id}>
                {type.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {fields.map((spec) => (
        <FormField key={spec.fieldId} label={`${spec.name}${spec.required ? ' *' : ''}`} error={checks.shown(spec.fieldId)}>
          {(control) => (
            <FieldInput
              spec={spec}
              control={control}
              value={input.fields[spec.fieldId] ?? ''}
              suggested={props.suggestedPriority}
              onChange={(value) => change(spec.fieldId, { fields: { ...input.fields, [spec.fieldId]: value } })}
            />
          )}
        </FormField>
      ))}
      {failure?.kind === 'failed' && <ErrorWithRetry message={failure.error.message} onRetry={meta.retry} />}
    </div>
  );
}
