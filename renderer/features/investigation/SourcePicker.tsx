import { useState } from 'react';
import type { ReactNode } from 'react';

import type { FetchSourceKind } from '../../../shared/api/fetch-contract';
import { visibleText } from '../../../shared/display/visible-text';
import { api } from '../../api/bridge';
import { PathChooser } from './PathChooser';
import { sourceDetails, sourceFromValues, sourceKinds, sourceLabels } from './source-model';
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
  onLeave(): void;
  wide?: boolean;
  /** A number field (the Athena cost threshold), in dollars. */
  money?: boolean;
  /** A control beside the input (the log-files path's Choose…). */
  beside?: ReactNode;
}

/** One labelled text field of the form's row, with its error announced and tied to it (aria-describedby). */
function SourceField({ id, label, value, placeholder, error, onChange, onLeave, wide = false, money = false, beside }: FieldProps) {
  const input = (
    <input
      id={id}
      className={wide ? 'source-input wide' : money ? 'source-input money' : 'source-input'}
      // No min or step: the browser's own check would block Fetch without a word; the form says what is wrong.
      {...(money ? { type: 'number', step: 'any', inputMode: 'decimal' as const } : {})}
      value={value}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onLeave}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
      autoComplete="off"
      spellCheck={false}
    />
  );
  return (
    <div className="form-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {beside ? (
        <div className="row source-input-row">
          {input}
          {beside}
        </div>
      ) : (
        input
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * Where the events come from: LookupEvents, a folder or file of log files on this machine, the
 * trail's bucket in S3, or an Athena table. A value typed in is checked once the field is left
 * (its format), and on Fetch (a missing value); every kind keeps what was typed for it.
 */
export function SourcePicker({ value, onChange, errors, demo }: SourcePickerProps) {
  const [left, setLeft] = useState<ReadonlySet<keyof SourceValues>>(() => new Set());
  const [demoProblem, setDemoProblem] = useState<string | null>(null);
  const checked = sourceFromValues(value);
  const live = 'errors' in checked ? checked.errors : {};
  // A format error shows once its field was left; a refused Fetch shows every one.
  const errorOf = (field: keyof SourceValues) => errors[`source.${field}`] ?? (left.has(field) && value[field] ? live[`source.${field}`] : undefined);
  const [chooserProblem, setChooserProblem] = useState<string | null>(null);
  const field = (name: Exclude<keyof SourceValues, 'kind'>, label: string, placeholder: string, wide = false, money = false, beside?: ReactNode) => (
    <SourceField
      id={`source-${name}`}
      label={label}
      value={value[name]}
      placeholder={placeholder}
      error={errorOf(name) ?? (name === 'path' && chooserProblem ? visibleText(chooserProblem) : undefined)}
      onChange={(text) => {
        if (name === 'path') setChooserProblem(null);
        onChange({ ...value, [name]: text });
      }}
      onLeave={() => !left.has(name) && setLeft(new Set([...left, name]))}
      wide={wide}
      money={money}
      beside={beside}
    />
  );
  const pickDemoFiles = async () => {
    setDemoProblem(null);
    const result = await api.prepareDemoLogFiles({});
    if (result.ok) onChange({ ...value, kind: 'files', path: result.data.path });
    else setDemoProblem(result.error.message);
  };
  return (
    <>
      <div className="form-field source-field">
        {/* The detail beside the label, not under the select: the form's rows stay one control high. */}
        <div className="field-head">
          <label className="field-label" htmlFor="source-kind">
            Source
          </label>
          <span className="field-note" id="source-kind-detail">
            {sourceDetails[value.kind]}
          </span>
        </div>
        <select
          id="source-kind"
          className="source-kind"
          value={value.kind}
          aria-describedby="source-kind-detail"
          onChange={(e) => onChange({ ...value, kind: e.target.value as FetchSourceKind })}
        >
          {sourceKinds.map((kind) => (
            <option key={kind} value={kind}>
              {sourceLabels[kind]}
            </option>
          ))}
        </select>
      </div>
      {value.kind === 'files' &&
        field('path', 'Folder or file', '/home/me/trail (AWSLogs/… or flat)', true, false, <PathChooser onChoose={(path) => onChange({ ...value, kind: 'files', path })} onProblem={setChooserProblem} />)}
      {value.kind === 'files' && demo && (
        <div className="form-field">
          <button type="button" onClick={() => void pickDemoFiles()} title="Writes the demo account as CloudTrail log files in Trailcase's cache folder and picks that folder">
            Use the demo log files
          </button>
          {demoProblem && <span className="field-error">{visibleText(demoProblem)}</span>}
        </div>
      )}
      {value.kind === 's3' && field('url', 'S3 URL', 's3://my-trail-bucket/AWSLogs/', true)}
      {value.kind === 'athena' && field('table', 'Database.table', 'default.cloudtrail_logs')}
      {value.kind === 'athena' && field('workgroup', 'Workgroup (optional)', 'primary')}
      {value.kind === 'athena' && field('output', 'Results location (optional)', 's3://bucket/prefix/')}
      {value.kind === 'athena' && field('maxCost', 'Ask before a query costing more than $', '1.00', false, true)}
    </>
  );
}
