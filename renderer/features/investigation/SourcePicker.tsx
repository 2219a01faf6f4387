import { useState } from 'react';
import type { FocusEvent } from 'react';

import type { FetchSourceKind } from '../../../shared/api/fetch-contract';
import { visibleText } from '../../../shared/display/visible-text';
import { api } from '../../api/bridge';
import { sourceFromValues, sourceKinds, sourceLabels } from './source-model';
import type { SourceValues } from './source-model';

export interface SourcePickerProps {
  value: SourceValues;
  onChange(value: SourceValues): void;
  /** Errors of a refused Fetch (`source.path`, `source.url`, `source.table`…), shown under their field. */
  errors: Record<string, string>;
  /** The demo profile: its log files can be written on this machine and picked with one click. */
  demo: boolean;
}

interface FieldProps {
  id: string;
  label: string;
  value: string;
  placeholder: string;
  error: string | undefined;
  onChange(value: string): void;
  wide?: boolean;
}

/** One labelled text field with its error, which is announced and tied to it (aria-describedby). */
function SourceField({ id, label, value, placeholder, error, onChange, wide = false }: FieldProps) {
  return (
    <span className="source-field">
      <label className="field-sublabel" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className={wide ? 'source-input wide' : 'source-input'}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </span>
  );
}

/**
 * Where the events come from: LookupEvents, a folder or file of log files on this machine, the
 * trail's bucket in S3, or an Athena table. A value typed in is checked once the field is left
 * (its format), and on Fetch (a missing value); every kind keeps what was typed for it.
 */
export function SourcePicker({ value, onChange, errors, demo }: SourcePickerProps) {
  const [left, setLeft] = useState<Set<string>>(() => new Set());
  const [demoProblem, setDemoProblem] = useState<string | null>(null);
  const checked = sourceFromValues(value);
  const live = 'errors' in checked ? checked.errors : {};
  // A format error shows once its field was left; a refused Fetch shows every one.
  const errorOf = (field: string) => errors[`source.${field}`] ?? (left.has(field) && value[field as keyof SourceValues] ? live[`source.${field}`] : undefined);
  const set = (field: keyof SourceValues, text: string) => onChange({ ...value, [field]: text });
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const field = event.target.id.replace(/^source-/, '');
    if (field && !left.has(field)) setLeft(new Set([...left, field]));
  };
  const pickDemoFiles = async () => {
    setDemoProblem(null);
    const result = await api.prepareDemoLogFiles({});
    if (result.ok) onChange({ ...value, kind: 'files', path: result.data.path });
    else setDemoProblem(result.error.message);
  };
  return (
    <div className="form-field source-picker" role="group" aria-labelledby="source-label" onBlur={onBlur}>
      <label className="field-label" id="source-label" htmlFor="source-kind">
        Source
      </label>
      <div className="row source-row">
        <select id="source-kind" value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value as FetchSourceKind })}>
          {sourceKinds.map((kind) => (
            <option key={kind} value={kind}>
              {sourceLabels[kind]}
            </option>
          ))}
        </select>
        {value.kind === 'files' && (
          <>
            <SourceField
              id="source-path"
              label="Folder or file"
              value={value.path}
              placeholder="/home/me/cloudtrail (AWSLogs/… inside, or flat)"
              error={errorOf('path')}
              onChange={(text) => set('path', text)}
              wide
            />
            {demo && (
              <button type="button" onClick={() => void pickDemoFiles()} title="Writes the demo account as CloudTrail log files in Trailcase's cache folder and picks that folder">
                Use the demo log files
              </button>
            )}
          </>
        )}
        {value.kind === 's3' && (
          <SourceField id="source-url" label="S3 URL" value={value.url} placeholder="s3://my-trail-bucket/AWSLogs/" error={errorOf('url')} onChange={(text) => set('url', text)} wide />
        )}
        {value.kind === 'athena' && (
          <>
            <SourceField id="source-table" label="Database.table" value={value.table} placeholder="default.cloudtrail_logs" error={errorOf('table')} onChange={(text) => set('table', text)} />
            <SourceField id="source-workgroup" label="Workgroup (optional)" value={value.workgroup} placeholder="primary" error={errorOf('workgroup')} onChange={(text) => set('workgroup', text)} />
            <SourceField id="source-output" label="Results location (optional)" value={value.output} placeholder="s3://athena-results/trailcase/" error={errorOf('output')} onChange={(text) => set('output', text)} />
          </>
        )}
      </div>
      {value.kind !== 'lookup' && <span className="field-note">Searched by address, role or resource too; reads every region when none is picked.</span>}
      {demoProblem && <span className="field-error">{visibleText(demoProblem)}</span>}
    </div>
  );
}
