import { memo, useMemo, useState } from 'react';

import { topCounts } from '../../../shared/aggregate/top-counts';
import type { CountField } from '../../../shared/aggregate/top-counts';
import { cellText } from '../../../shared/display/cell-text';
import type { FilterField } from '../../../shared/filters/filter-state';
import type { NormalizedEvent } from '../../../shared/records/types';
import './charts.css';

/** The charts beside the timeline: which field each counts and the filter a click adds. */
export const chartDefs: ReadonlyArray<{ field: CountField & FilterField; tab: string; title: string }> = [
  { field: 'eventName', tab: 'Events', title: 'Event names' },
  { field: 'eventSource', tab: 'Services', title: 'Services' },
  { field: 'sourceIPAddress', tab: 'IPs', title: 'Source IPs' },
  { field: 'userAgent', tab: 'Agents', title: 'User agents' },
  { field: 'region', tab: 'Regions', title: 'Regions' },
  { field: 'errorCode', tab: 'Errors', title: 'Error codes' },
];

export interface TopChartsProps {
  events: readonly NormalizedEvent[];
  onPick(field: FilterField, value: string): void;
}

/** Top values of one field as horizontal bars; each bar is a button that adds a filter. */
function BarList({ events, field, title, onPick }: { events: readonly NormalizedEvent[]; field: CountField & FilterField; title: string; onPick: TopChartsProps['onPick'] }) {
  const { top, others } = useMemo(() => topCounts(events, field, 8), [events, field]);
  const max = top[0]?.count ?? 1;
  if (top.length === 0) return <p className="muted chart-empty">No {title.toLowerCase()} in the events on view.</p>;
  return (
    <ol className="bar-list">
      {top.map(({ value, count }) => (
        <li key={value}>
          <button type="button" className="bar-row" title={`Filter to ${cellText(value, 500)}`} aria-label={`Filter ${title}: ${cellText(value, 80)} (${count})`} onClick={() => onPick(field, value)}>
            <span className="bar-fill" style={{ width: `${(count / max) * 100}%` }} />
            <span className="bar-label">{cellText(value, 80)}</span>
            <span className="bar-count">{count.toLocaleString()}</span>
          </button>
        </li>
      ))}
      {others > 0 && <li className="muted bar-others">{others.toLocaleString()} in other values</li>}
    </ol>
  );
}

/** Top event names, services, source IPs, user agents, regions and error codes, one tab each. */
export const TopCharts = memo(function TopCharts({ events, onPick }: TopChartsProps) {
  const [active, setActive] = useState<CountField>('eventName');
  const def = chartDefs.find((d) => d.field === active) ?? chartDefs[0]!;
  return (
    <section className="charts-panel" aria-label="Top values">
      <div className="chart-tabs" role="tablist" aria-label="Charts">
        {chartDefs.map((d) => (
          <button key={d.field} type="button" role="tab" aria-label={d.title} aria-selected={d.field === active} onClick={() => setActive(d.field)}>
            {d.tab}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={def.title} className="chart-body">
        <BarList events={events} field={def.field} title={def.title} onPick={onPick} />
      </div>
    </section>
  );
});
