import type { JiraFieldSpec } from '../../../shared/api/ticket-contract';
import type { PriorityName } from '../../../shared/ticket/summary';
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
}: {
  spec: JiraFieldSpec;
  value: string;
  onChange(value: string): void;
  suggested: PriorityName;
}) {
  if (spec.kind === 'select' || spec.kind === 'priority') {
    const placeholder = spec.kind === 'priority' ? `Suggested: ${suggested}` : 'Choose…';
    return (
      <select value={value} onChange={(event) => onChange(event.target.value)} aria-label={spec.name}>
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
    return <textarea rows={3} value={value} onChange={(event) => onChange(event.target.value)} aria-label={spec.name} />;
  const placeholder =
    spec.kind === 'labels' ? 'more labels, separated by spaces' : spec.kind === 'multiselect' ? 'values separated by commas' : '';
  return (
    <input
      type={spec.kind === 'number' ? 'number' : 'text'}
      value={value}
      placeholder={placeholder}
      onChange={(event) => onChange(event.target.value)}
      aria-label={spec.name}
    />
  );
}

/** Project and issue type pickers, then the issue type's fields, each with Jira's error under it. */
export function IssueForm(props: {
  meta: Meta;
  input: DraftInput;
  onChange(change: Partial<DraftInput>): void;
  fieldErrors: Record<string, string>;
  suggestedPriority: PriorityName;
}) {
  const { meta, input, onChange } = props;
  const projects = meta.projects.kind === 'ready' ? meta.projects.value.projects : [];
  const types = meta.issueTypes.kind === 'ready' ? meta.issueTypes.value.issueTypes : [];
  const fields = meta.fields.kind === 'ready' ? formFields(meta.fields.value.fields) : [];
  const failure = [meta.projects, meta.issueTypes, meta.fields].find((state) => state.kind === 'failed');
  return (
    <div className="ticket-issue-form">
      <label className="ticket-field">
        <span>Project</span>
        <select
          value={input.projectKey ?? ''}
          onChange={(event) => onChange({ projectKey: event.target.value || null, issueTypeId: null, fields: {} })}
          disabled={meta.projects.kind !== 'ready'}
        >
          <option value="">{meta.projects.kind === 'loading' ? 'Loading projects…' : 'Choose a project'}</option>
          {projects.map((project) => (
            <option key={project.id} value={project.key}>
              {project.key} — {project.name}
            </option>
          ))}
        </select>
      </label>
      {props.fieldErrors.project && <div className="ticket-field-error">{props.fieldErrors.project}</div>}
      <label className="ticket-field">
        <span>Issue type</span>
        <select
          value={input.issueTypeId ?? ''}
          onChange={(event) => onChange({ issueTypeId: event.target.value || null })}
          disabled={meta.issueTypes.kind !== 'ready'}
        >
          <option value="">Choose an issue type</option>
          {types.map((type) => (
            <option key={type.id} value={type.id}>
              {type.name}
            </option>
          ))}
        </select>
      </label>
      {props.fieldErrors.issuetype && <div className="ticket-field-error">{props.fieldErrors.issuetype}</div>}
      {fields.map((spec) => (
        <div key={spec.fieldId} className="ticket-field">
          <span>
            {spec.name}
            {spec.required ? ' *' : ''}
          </span>
          <FieldInput
            spec={spec}
            value={input.fields[spec.fieldId] ?? ''}
            suggested={props.suggestedPriority}
            onChange={(value) => onChange({ fields: { ...input.fields, [spec.fieldId]: value } })}
          />
          {props.fieldErrors[spec.fieldId] && (
            <div className="ticket-field-error" role="alert">
              {props.fieldErrors[spec.fieldId]}
            </div>
          )}
        </div>
      ))}
      {failure?.kind === 'failed' && (
        <div role="alert" className="ticket-field-error">
          {failure.error.message}
        </div>
      )}
    </div>
  );
}
