import * as Popover from '@radix-ui/react-popover';
import { useState } from 'react';

import { Region } from '../../../shared/api/primitives';
import { RegionList } from './RegionList';
import { knownRegions, usEast1Reason } from './regions';

export interface RegionPickerProps {
  value: string[];
  onChange(regions: string[]): void;
  /** Where the default regions came from (the account, the partition's list, the demo), as text. */
  note?: string;
  /** Why the account's own list could not be read, as text (the service's words). */
  noteDetail?: string | null;
  /** A source that reads the records (log files, S3, Athena): no region picked means every one. */
  everyRegionWhenNone?: boolean;
}

/** Multi-select of regions: known regions as checkboxes, plus any other valid region typed in. */
export function RegionPicker({ value, onChange, note: sourceNote, noteDetail, everyRegionWhenNone = false }: RegionPickerProps) {
  const [other, setOther] = useState('');
  const options = [...new Set([...knownRegions, ...value])];
  const toggle = (region: string) => onChange(value.includes(region) ? value.filter((r) => r !== region) : [...value, region]);
  const addOther = () => {
    const region = other.trim();
    if (Region.safeParse(region).success && !value.includes(region)) onChange([...value, region]);
    setOther('');
  };
  const summary = value.length === 0 ? (everyRegionWhenNone ? 'Every region' : 'No region') : value.length <= 2 ? value.join(', ') : `${value.length} regions`;
  // Global services (IAM, STS, sign-in) record in us-east-1: said only when it is left out.
  const withoutGlobal = value.length > 0 && !value.includes('us-east-1');
  return (
    <div className="form-field region-field">
      <div className="field-head">
        <span className="field-label" id="regions-label">
          Regions
        </span>
        {sourceNote && (
          <span className="field-note" data-testid="region-defaults" title={noteDetail ?? undefined}>
            {sourceNote}
          </span>
        )}
      </div>
      <Popover.Root>
        <Popover.Trigger asChild>
          <button type="button" className="region-trigger" aria-labelledby="regions-label regions-summary" title={usEast1Reason}>
            <span id="regions-summary">{summary}</span> <span aria-hidden="true">▾</span>
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content className="popover region-popover" align="start" sideOffset={4} aria-label="Choose regions">
            <p className="hint">{usEast1Reason}</p>
            <RegionList options={options} value={value} onToggle={toggle} onSetAll={onChange} />
            <p className="hint" id="regions-keys">
              Arrow keys move, Space picks or drops a region, Ctrl+A all or none.
            </p>
            <div className="row">
              <input aria-label="Other region" placeholder="other region, e.g. il-central-1" value={other} onChange={(e) => setOther(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addOther()} />
              <button type="button" onClick={addOther}>
                Add
              </button>
            </div>
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {withoutGlobal && <span className="field-warning">Without us-east-1: IAM, STS and console sign-in events are not searched.</span>}
    </div>
  );
}
