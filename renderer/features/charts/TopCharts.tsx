import { memo, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';

import type { CountField } from '../../../shared/aggregate/top-counts';
import type { FilterField } from '../../../shared/filters/filter-state';
import type { NormalizedEvent } from '../../../shared/records/types';
import { BarList } from './BarList';
import { chartDefs } from './chart-defs';
import './charts.css';

export interface TopChartsProps {
  events: readonly NormalizedEvent[];
  /** The filters changed and these counts are the previous ones until the charts catch up (aria-busy). */
  pending?: boolean;
  onPick(field: FilterField, value: string): void;
}

/**
 * Top event names, services, source IPs, user agents, regions and error codes, one tab each, as
 * the WAI-ARIA tabs pattern has them: one tab stop (the selected tab), Left and Right move and
 * select, Home and End go to the ends; each tab is named by its visible label.
 */
export const TopCharts = memo(function TopCharts({ events, pending = false, onPick }: TopChartsProps) {
  const [active, setActive] = useState<CountField>('eventName');
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const id = useId();
  const current = Math.max(
    chartDefs.findIndex((d) => d.field === active),
    0,
  );
  const def = chartDefs[current]!;

  const onKeyDown = (event: KeyboardEvent) => {
    const last = chartDefs.length - 1;
    const next = { ArrowRight: current === last ? 0 : current + 1, ArrowLeft: current === 0 ? last : current - 1, Home: 0, End: last }[
      event.key
    ];
    if (next === undefined) return;
    event.preventDefault();
    setActive(chartDefs[next]!.field);
    tabs.current[next]?.focus();
  };

  return (
    <section className="charts-panel" aria-label="Top values" aria-busy={pending || undefined}>
      <div className="chart-tabs" role="tablist" aria-label="Charts" onKeyDown={onKeyDown}>
        {chartDefs.map((d, i) => (
          <button
            key={d.field}
            ref={(element) => {
              tabs.current[i] = element;
            }}
            id={`${id}-tab-${d.field}`}
            type="button"
            role="tab"
            title={d.title}
            aria-selected={i === current}
            aria-controls={`${id}-panel`}
            tabIndex={i === current ? 0 : -1}
            onClick={() => setActive(d.field)}
          >
            {d.tab}
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${def.field}`} className="chart-body">
        <BarList events={events} def={def} onPick={onPick} />
      </div>
    </section>
  );
});
