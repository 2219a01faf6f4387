import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';

import { countWords } from '../../../shared/display/count-words';
import type { FilterState } from '../../../shared/filters/filter-state';
import { visibleText } from '../../../shared/display/visible-text';
import { MutesList } from '../mutes/MutesList';
import { SourcesPanel } from '../sources/SourcesPanel';
import { FlagGroups } from '../workspace/FlagGroups';
import type { IndexedFinding } from './analysis-index';
import { FindingsPanel } from './FindingsPanel';
import type { AnalysisState } from './useAnalysis';
import './findings.css';

export interface DetectionsPanelProps {
  state: AnalysisState;
  filters: FilterState;
  onFilterFinding(finding: IndexedFinding): void;
  onFilterAddress(ip: string): void;
}

const openKey = 'trailcase.detections.open';

function chipValues(chips: FilterState['chips'], field: 'finding' | 'sourceIPAddress'): Set<string> {
  return new Set(chips.filter((chip) => chip.field === field && !chip.exclude).map((chip) => chip.value));
}

/** Above the table: "What stands out" (the findings) and the source addresses, as two tabs. */
export function DetectionsPanel({ state, filters, onFilterFinding, onFilterAddress }: DetectionsPanelProps) {
  const [tab, setTab] = useState<'findings' | 'sources'>('findings');
  const ids = useId();
  // The WAI-ARIA tabs pattern: one tab stop; the arrow keys (and Home, End) move between the two tabs.
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const next = event.key === 'Home' ? 'findings' : event.key === 'End' ? 'sources' : tab === 'findings' ? 'sources' : 'findings';
    setTab(next);
    document.getElementById(`${ids}-${next}`)?.focus();
  };
  // Hidden or shown as the analyst last left it (a short screen may want the room for the table).
  const [open, setOpenState] = useState(() => localStorage.getItem(openKey) !== 'false');
  const setOpen = (next: boolean) => {
    localStorage.setItem(openKey, String(next));
    setOpenState(next);
  };
  // Keyed on the chips: typing in the search box leaves them (and the memoised lists) alone.
  const activeFindings = useMemo(() => chipValues(filters.chips, 'finding'), [filters.chips]);
  const activeAddresses = useMemo(() => chipValues(filters.chips, 'sourceIPAddress'), [filters.chips]);
  if (state.status === 'none') return null;
  const ready = state.status === 'ready' ? state.index : null;
  return (
    <section className="detections" aria-label="What stands out">
      <div className="detections-tabs">
        <div role="tablist" aria-label="Detections" className="detections-tablist" onKeyDown={onTabKey}>
          <button
            type="button"
            role="tab"
            id={`${ids}-findings`}
            aria-controls={`${ids}-panel`}
            aria-selected={tab === 'findings'}
            tabIndex={tab === 'findings' ? 0 : -1}
            className={tab === 'findings' ? 'tab active' : 'tab'}
            onClick={() => setTab('findings')}
          >
            What stands out{ready ? ` (${ready.findings.length})` : ''}
          </button>
          <button
            type="button"
            role="tab"
            id={`${ids}-sources`}
            aria-controls={`${ids}-panel`}
            aria-selected={tab === 'sources'}
            tabIndex={tab === 'sources' ? 0 : -1}
            className={tab === 'sources' ? 'tab active' : 'tab'}
            onClick={() => setTab('sources')}
          >
            Sources{ready ? ` (${ready.analysis.sources.length})` : ''}
          </button>
        </div>
        {ready && (
          <span className="muted detections-note">
            Rule pack {visibleText(ready.analysis.rulePack)} · {countWords(ready.analysis.eventCount, 'event')} analysed
          </span>
        )}
        <button type="button" className="ghost detections-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show'}
        </button>
      </div>
      <div className="detections-body" role="tabpanel" id={`${ids}-panel`} aria-labelledby={`${ids}-${tab}`} hidden={!open}>
        {state.status === 'waiting' && <p className="muted">Findings appear when the fetch finishes.</p>}
        {state.status === 'running' && (
          <p className="muted" role="status">
            Analysing the events…
          </p>
        )}
        {state.status === 'failed' && (
          <p className="banner banner-error" role="alert">
            The analysis failed: {visibleText(state.error.message)}
          </p>
        )}
        {ready && tab === 'findings' && <FindingsPanel findings={ready.findings} active={activeFindings} onFilter={onFilterFinding} />}
        {ready && tab === 'findings' && <FlagGroups groups={ready.analysis.groups ?? []} />}
        {tab === 'findings' && <MutesList />}
        {ready && tab === 'sources' && <SourcesPanel analysis={ready.analysis} active={activeAddresses} onFilter={onFilterAddress} />}
      </div>
    </section>
  );
}
