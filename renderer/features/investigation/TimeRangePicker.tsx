import { presetLabel, timePresets } from '../../../shared/time/presets';
import type { FormValues } from './form-model';
import { inputOfIso } from './form-model';

export interface TimeRangePickerProps {
  value: FormValues['range'];
  onChange(range: FormValues['range']): void;
  error?: string;
}

/** Presets (1 h … 90 d) as toggle buttons, or a custom UTC range. */
export function TimeRangePicker({ value, onChange, error }: TimeRangePickerProps) {
  const custom = value.kind === 'custom';
  const startCustom = () => {
    const end = Date.now();
    onChange({ kind: 'custom', start: inputOfIso(new Date(end - 86_400_000).toISOString()), end: inputOfIso(new Date(end).toISOString()) });
  };
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
          <input type="datetime-local" aria-label="Start (UTC)" value={value.start} onChange={(e) => onChange({ ...value, start: e.target.value })} />
          <span aria-hidden="true">→</span>
          <input type="datetime-local" aria-label="End (UTC)" value={value.end} onChange={(e) => onChange({ ...value, end: e.target.value })} />
          <span className="field-note">UTC</span>
        </span>
      )}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
