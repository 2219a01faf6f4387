import { presetLabel, timePresets } from '../../../shared/time/presets';
import type { FormValues } from './form-model';
import { customOfSpan, rangeProblems } from './form-model';

export interface TimeRangePickerProps {
  value: FormValues['range'];
  onChange(range: FormValues['range']): void;
  /** The time the range is checked against (LookupEvents' 90 days end now). */
  now: number;
  /** LookupEvents keeps 90 days: warned about only for it (log files, S3, Athena keep what the trail kept). */
  lookup?: boolean;
}

/** Presets (1 h … 90 d) as toggle buttons, or a custom UTC range checked as it is typed. */
export function TimeRangePicker({ value, onChange, now, lookup = true }: TimeRangePickerProps) {
  const custom = value.kind === 'custom';
  const { error, warning } = rangeProblems(value, now, lookup);
  // Custom starts from the span on view (the preset's), so 30 days stays 30 days.
  const startCustom = () => !custom && onChange(customOfSpan(value.since, now));
  const described = error ? 'range-error' : warning ? 'range-warning' : undefined;
  return (
    <div className="form-field">
      <span className="field-label" id="range-label">
        Time range
      </span>
      <div className="segmented" role="group" aria-labelledby="range-label">
        {timePresets.map((preset) => (
          <button
            key={preset}
            type="button"
            aria-pressed={value.kind === 'since' && value.since === preset}
            title={`Last ${presetLabel(preset)}`}
            onClick={() => onChange({ kind: 'since', since: preset })}
          >
            {preset}
          </button>
        ))}
        <button type="button" aria-pressed={custom} onClick={startCustom}>
          Custom
        </button>
      </div>
      {value.kind === 'since' && !(timePresets as readonly string[]).includes(value.since) && <span className="field-note">last {value.since}</span>}
      {custom && (
        <span className="custom-range">
          <input
            type="datetime-local"
            aria-label="Start (UTC)"
            value={value.start}
            aria-invalid={error && /start/.test(error) ? true : undefined}
            aria-describedby={described}
            onChange={(e) => onChange({ ...value, start: e.target.value })}
          />
          <span aria-hidden="true">→</span>
          <input
            type="datetime-local"
            aria-label="End (UTC)"
            value={value.end}
            aria-invalid={error && /end/.test(error) ? true : undefined}
            aria-describedby={described}
            onChange={(e) => onChange({ ...value, end: e.target.value })}
          />
          <span className="field-note">UTC</span>
        </span>
      )}
      {/* Always in the page, so a screen reader hears the message appear and go as the range is typed. */}
      <span className="range-messages" aria-live="polite">
        {error && (
          <span className="field-error" id="range-error">
            {error}
          </span>
        )}
        {!error && warning && (
          <span className="field-warning" id="range-warning">
            {warning}
          </span>
        )}
      </span>
    </div>
  );
}
