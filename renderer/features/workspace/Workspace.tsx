import type { SortingState } from '@tanstack/react-table';
import { useCallback, useMemo, useRef, useState } from 'react';

import { sourceOf, subjectValue } from '../../../shared/api/fetch-contract';
import type { FetchQuery } from '../../../shared/api/fetch-contract';
import { toCsv } from '../../../shared/export/csv';
import { toRecordsJson } from '../../../shared/export/records-json';
import { addChip, emptyFilters, isFiltering } from '../../../shared/filters/filter-state';
import type { FilterChip } from '../../../shared/filters/filter-state';
import type { FilterField, FilterState } from '../../../shared/filters/filter-state';
import { parseDeepLink } from '../../../shared/links/deep-link';
import { useInvestigateRequest } from '../account/useInvestigateRequest';
import type { InvestigateRequest } from '../account/useInvestigateRequest';
import { TopCharts } from '../charts/TopCharts';
import { ContainButton } from '../containment/ContainButton';
import { CompareView } from '../detail/CompareView';
import { EventDetail } from '../detail/EventDetail';
import { ColumnMenu } from '../events/ColumnMenu';
import { EventTable } from '../events/EventTable';
import { FilterBar } from '../events/FilterBar';
import { sortEvents } from '../events/sort-events';
import { useColumnPrefs } from '../events/useColumnPrefs';
import type { IndexedFinding } from '../findings/analysis-index';
import { DetectionsPanel } from '../findings/DetectionsPanel';
import { useAnalysis } from '../findings/useAnalysis';
import { IdentityPanel } from '../identity/IdentityPanel';
import { defaultFormValues, queryFromValues, valuesFromLink, valuesFromQuery } from '../investigation/form-model';
import type { FormValues } from '../investigation/form-model';
import { InvestigationForm } from '../investigation/InvestigationForm';
import { useRememberedSource } from '../investigation/useRememberedSource';
import { InvestigationControls } from '../investigations/InvestigationControls';
import { InvestigationsDialog } from '../investigations/InvestigationsDialog';
import { useInvestigationKeeper } from '../investigations/useInvestigationKeeper';
import { MutesContext, useMuteState } from '../mutes/MutesContext';
import { PivotContext, usePivotActions } from '../pivots/pivot-context';
import { SessionGraphPanel } from '../session-graph/SessionGraphPanel';
import { AnalysisContext } from '../sources/enrichment-context';
import { TicketDrawer } from '../ticket/TicketDrawer';
import { Timeline } from '../timeline/Timeline';
import { downloadText, exportFileName } from './download';
import { ExportNotice, useExportNotice } from './ExportNotice';
import { BaselineLine } from './BaselineLine';
import { FetchedHeader } from './FetchedHeader';
import { FetchFailed, fetchedNothing } from './FetchFailed';
import { FetchProgress } from './FetchProgress';
import { PanelStrip, panelElementId, usePanels } from './PanelStrip';
import { flagsOf } from './flags';
import { measured, useDrawnMark } from './measure';
import { TableState } from './TableState';
import { useBaselineFetch } from './useBaselineFetch';
import { useFetchSession } from './useFetchSession';
import { useAfterPaint } from './useAfterPaint';
import { useFilteredEvents } from './useFilteredEvents';
import { useRegionDefaults } from './useRegionDefaults';
import { useSlashToSearch } from './useSlashToSearch';
import { WorkspaceToolbar } from './WorkspaceToolbar';
import './workspace.css';

export interface WorkspaceProps {
  /** A deep link's query string (token removed); it fills the form and never starts a fetch. */
  initialQuery: string | null;
  /** The profile chosen in the page header (a deep link's profile is applied there). */
  profile: string;
  /** The Account view's Investigate: this user is filled in and fetched at once. */
  investigate?: InvestigateRequest | null;
}

function identityName(query: FetchQuery | null): string {
  if (!query) return '';
  return subjectValue(query.identity);
}

/** The investigation workspace: form, progress, timeline and charts, filters, table, detail. */
export function Workspace({ initialQuery, profile, investigate = null }: WorkspaceProps) {
  const link = useMemo(() => (initialQuery ? parseDeepLink(initialQuery) : null), [initialQuery]);
  const [values, setValues] = useState<FormValues>(() => (link ? valuesFromLink(link.form, defaultFormValues) : defaultFormValues));
  // A link that arrives later (the desktop app receives them while it runs) fills the form
  // again; it never starts a fetch. Adjusted during render, as React advises for a changed prop.
  // Regions default to every region enabled for the account, unless a link or the analyst names them.
  const regionDefaults = useRegionDefaults(profile, Boolean(link?.form.regions), setValues);
  // Each profile opens on the source it last fetched from (not when a link filled the form).
  useRememberedSource(profile, Boolean(link), setValues);
  const [shownLink, setShownLink] = useState(link);
  if (link !== shownLink) {
    setShownLink(link);
    if (link) regionDefaults.choose(Boolean(link.form.regions));
    if (link) setValues(valuesFromLink(link.form, regionDefaults.base));
  }
  const { session, start, cancel, retry, reopen } = useFetchSession();
  const [filters, setFilters] = useState<FilterState>(emptyFilters);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'time', desc: true }]);
  const [selection, setSelection] = useState<Set<string>>(() => new Set());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [comparing, setComparing] = useState(false);
  const [ticketOpen, setTicketOpen] = useState(false);
  const [listOpen, setListOpen] = useState(false);
  const exported = useExportNotice();
  const columns = useColumnPrefs();
  const panels = usePanels();
  const mutes = useMuteState();
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashToSearch(searchRef);

  const events = session.events;
  const { baseline, reopen: reopenBaseline, reset: resetBaseline } = useBaselineFetch(session, values.baseline);
  const analysis = useAnalysis(session, baseline.state === 'done' ? baseline.fetchId : null, mutes.mutes);
  const analysisIndex = analysis.status === 'ready' ? analysis.index : null;
  // Sorted once per sort order; filtering keeps that order, so a keystroke never re-sorts.
  const sorted = useMemo(() => measured('sort', () => sortEvents(events, sorting)), [events, sorting]);
  const { withoutTime, filtered } = useFilteredEvents(sorted, filters, analysisIndex?.findingsOf);
  // The table follows a keystroke at once; timeline and charts follow once its frame is painted,
  // in a render that yields to the browser, so typing and the table never wait for them to re-count.
  const overviewNow = useMemo(() => ({ overviewEvents: withoutTime, chartEvents: filtered }), [withoutTime, filtered]);
  const overview = useAfterPaint(overviewNow);
  // Until then the charts count what the table showed before: they say so (aria-busy).
  const chartsPending = overview !== overviewNow;
  const { overviewEvents, chartEvents } = overview;
  useDrawnMark('overview', chartEvents);
  // No selection, no pass: the list changes with every page that arrives.
  const selectedEvents = useMemo(() => (selection.size === 0 ? [] : events.filter((e) => selection.has(e.id))), [events, selection]);
  const activeEvent = useMemo(() => (activeId ? (events.find((e) => e.id === activeId) ?? null) : null), [events, activeId]);
  const queryRange = useMemo(() => (session.query ? { start: Date.parse(session.query.start), end: Date.parse(session.query.end) } : null), [session.query]);
  const domain = filters.timeRange ?? queryRange;

  // Autosaved as the analyst works; a saved investigation changes only on Save (investigations/).
  const keeper = useInvestigationKeeper({
    query: session.query,
    fetchId: session.fetchId,
    events: events.length,
    filters,
    selection,
    sorting,
    mutes: mutes.mutes,
    baselineFetchId: baseline.fetchId,
  });

  const onFetch = (query: FetchQuery, since: string | null = values.range.kind === 'since' ? values.range.since : null) => {
    setFilters(emptyFilters);
    setSelection(new Set());
    setActiveId(null);
    setSorting([{ id: 'time', desc: true }]);
    mutes.setMutes([]);
    keeper.startNew(since ?? undefined);
    resetBaseline();
    void start(query);
  };
  useInvestigateRequest(investigate, (userName) => {
    const next: FormValues = { ...values, identityKind: 'user', identityValue: userName };
    setValues(next);
    const built = queryFromValues(profile, next, Date.now());
    if ('query' in built) onFetch(built.query);
  });
  // "Who else…": a new investigation over the same source and range (its own autosave), started at
  // once since the analyst asked for exactly it; on Athena, where a query costs, it fills the form
  // and waits for Fetch (the scan's estimate first). A fetch still running is cancelled, kept.
  const pivots = usePivotActions(session.query, (query) => {
    regionDefaults.choose(true);
    setValues({ ...valuesFromQuery(query), baseline: values.baseline });
    if (sourceOf(query).kind === 'athena') return panels.set('search', true);
    if (busy) void cancel();
    onFetch(query, null);
  });
  // IAM is asked once the events are in: their services count as used.
  const stopped = session.state === 'done' || session.state === 'failed' || session.state === 'cancelled';
  const eventSources = useMemo(() => (stopped ? [...new Set(events.map((e) => e.eventSource))] : null), [stopped, events]);

  const onOpenInvestigation = async (id: string) => {
    const saved = await keeper.open(id);
    if (!saved) return;
    keeper.adopt(saved);
    regionDefaults.choose(true);
    setValues(valuesFromQuery(saved.query, saved.since));
    setFilters(saved.filters);
    setSelection(new Set(saved.selection));
    setSorting(saved.sorting ?? [{ id: 'time', desc: true }]);
    mutes.setMutes(saved.mutes ?? []);
    setActiveId(null);
    void reopenBaseline(saved.fetchId, saved.baselineFetchId ?? null);
    if (saved.fetchId) void reopen(saved.fetchId, saved.query);
  };

  const onPick = useCallback((field: FilterField, value: string) => setFilters((f) => addChip(f, { field, value, exclude: false })), []);
  // A finding or an address from the panel above the table: a click adds its chip, a second removes it.
  const onToggleChip = useCallback(
    (chip: FilterChip) =>
      setFilters((f) =>
        f.chips.some((c) => c.field === chip.field && c.value === chip.value && !c.exclude)
          ? { ...f, chips: f.chips.filter((c) => !(c.field === chip.field && c.value === chip.value && !c.exclude)) }
          : addChip(f, chip),
      ),
    [],
  );
  const onFilterFinding = useCallback((finding: IndexedFinding) => onToggleChip({ field: 'finding', value: finding.chipValue, exclude: false }), [onToggleChip]);
  const onFilterAddress = useCallback((ip: string) => onToggleChip({ field: 'sourceIPAddress', value: ip, exclude: false }), [onToggleChip]);
  const onZoom = useCallback((range: { start: number; end: number }) => setFilters((f) => ({ ...f, timeRange: range })), []);
  const onResetZoom = useCallback(() => setFilters((f) => ({ ...f, timeRange: null })), []);

  const onExport = (format: 'json' | 'csv') => {
    const scope = selectedEvents.length > 0 ? selectedEvents : filtered;
    const fileName = exportFileName(identityName(session.query), format);
    if (format === 'json') downloadText(fileName, toRecordsJson(scope).json, 'application/json');
    else downloadText(fileName, toCsv(scope, flagsOf), 'text/csv');
    exported.say(scope.length, fileName);
  };

  const busy = session.state === 'starting' || session.state === 'running' || session.state === 'queued';
  const hasResults = session.state !== 'idle' && !fetchedNothing(session);
  // The form hides only while results are on screen, under the header that says what they are.
  const showSearch = !hasResults || panels.open.search;
  // Progress that still matters (running, stopped, failed) shows whatever the panels say.
  const showProgress = showSearch || session.state !== 'done';
  const fetchedHeader = session.query && <FetchedHeader query={session.query} values={values} profile={profile} now={Date.now()} />;
  return (
    <div className="workspace-grid">
      <MutesContext.Provider value={mutes.value}>
        {hasResults && (
          <div className="workspace-head">
            {fetchedHeader}
            {session.query?.identity.kind === 'user' && (
              <ContainButton profile={session.query.profile} kind="user" name={session.query.identity.userName} draftKey={session.fetchId ?? 'scratch'} />
            )}
            <InvestigationControls keeper={keeper} suggestedName={session.query ? `${identityName(session.query)} investigation` : ''} onShowAll={() => setListOpen(true)} />
            <PanelStrip open={panels.open} onToggle={panels.set} counts={{ detections: analysisIndex?.findings.length }} />
          </div>
        )}
        {/* Above the table; when the open panels want more height than is left, they scroll here. */}
        <div className="upper-panels">
          <div id={panelElementId('search')} className="panel-slot" hidden={!showSearch}>
            <InvestigationForm
              profile={profile}
              values={values}
              onChange={(next) => {
                if (next.regions !== values.regions) regionDefaults.choose(true);
                setValues(next);
              }}
              onFetch={onFetch}
              busy={busy}
              notices={link?.errors ?? []}
              regionsNote={{ text: regionDefaults.note, detail: regionDefaults.defaults?.reason ?? null }}
              regionsPending={regionDefaults.pending}
            />
          </div>
          {!hasResults && fetchedHeader}
          {showProgress && <FetchProgress session={session} onCancel={() => void cancel()} onResume={() => void retry()} />}
          {showSearch && <BaselineLine baseline={baseline} history={analysisIndex?.analysis.baseline} />}
          {hasResults && panels.open.overview && (
            <div className="overview" id={panelElementId('overview')}>
              <Timeline events={overviewEvents} domain={domain} bounds={queryRange} zoomed={filters.timeRange !== null} onZoom={onZoom} onResetZoom={onResetZoom} />
              <TopCharts events={chartEvents} pending={chartsPending} onPick={onPick} />
            </div>
          )}
          {hasResults && panels.open.detections && (
            <div className="panel-slot" id={panelElementId('detections')}>
              <PivotContext.Provider value={pivots}>
                <DetectionsPanel state={analysis} filters={filters} onFilterFinding={onFilterFinding} onFilterAddress={onFilterAddress} />
              </PivotContext.Provider>
            </div>
          )}
          {hasResults && panels.open.sessions && (
            <div className="panel-slot" id={panelElementId('sessions')}>
              <SessionGraphPanel events={events} filters={filters} onFiltersChange={setFilters} />
            </div>
          )}
          {hasResults && panels.open.identity && session.query && (
            <div className="panel-slot" id={panelElementId('identity')}>
              <IdentityPanel
                profile={session.query.profile}
                userName={session.query.identity.kind === 'user' ? session.query.identity.userName : null}
                accessKeyId={session.query.identity.kind === 'accessKey' ? session.query.identity.accessKeyId : null}
                eventSources={eventSources}
              />
            </div>
          )}
        </div>
        {session.state === 'idle' ? (
          <TableState kind="idle" recent={keeper.list.slice(0, 5)} total={keeper.list.length} onOpenRecent={(id) => void onOpenInvestigation(id)} onShowAll={() => setListOpen(true)} />
        ) : !hasResults ? (
          // Nothing came: the reasons take the place of empty charts and an empty table.
          <FetchFailed session={session} onRetry={() => void retry()} />
        ) : (
          <>
            <FilterBar filters={filters} onChange={setFilters} events={events} searchRef={searchRef}>
              <ColumnMenu prefs={columns.prefs} onToggle={columns.toggle} onMove={columns.move} onReset={columns.reset} />
            </FilterBar>
            <WorkspaceToolbar
              shown={filtered.length}
              total={events.length}
              selected={selection.size}
              onSelectAll={() => setSelection(new Set([...selection, ...filtered.map((e) => e.id)]))}
              onClearSelection={() => setSelection(new Set())}
              onCompare={() => setComparing(true)}
              onExport={onExport}
              onDraftTicket={() => setTicketOpen(true)}
            />
            <AnalysisContext.Provider value={analysisIndex}>
              <div className={activeEvent ? 'events-area with-detail' : 'events-area'}>
                {filtered.length > 0 ? (
                  <EventTable
                    events={filtered}
                    sorting={sorting}
                    onSortingChange={setSorting}
                    prefs={columns.prefs}
                    onResize={columns.resize}
                    selection={selection}
                    onSelectionChange={setSelection}
                    activeId={activeId}
                    onOpen={(e) => setActiveId(e.id)}
                  />
                ) : (
                  <TableState
                    kind={events.length === 0 ? (busy || session.state === 'loading' ? 'waiting' : 'none') : 'filtered'}
                    onClearFilters={() => setFilters(emptyFilters)}
                    filtering={isFiltering(filters)}
                  />
                )}
                {activeEvent && (
                  <PivotContext.Provider value={pivots}>
                    <EventDetail event={activeEvent} onClose={() => setActiveId(null)} />
                  </PivotContext.Provider>
                )}
              </div>
            </AnalysisContext.Provider>
          </>
        )}
      </MutesContext.Provider>
      <InvestigationsDialog open={listOpen} onOpenChange={setListOpen} list={keeper.list} error={keeper.error} onOpen={(id) => void onOpenInvestigation(id)} onDelete={(id) => void keeper.remove(id)} />
      <ExportNotice notice={exported.notice} />
      {comparing && selectedEvents.length >= 2 && <CompareView events={selectedEvents} onClose={() => setComparing(false)} />}
      <TicketDrawer
        open={ticketOpen}
        onClose={() => setTicketOpen(false)}
        events={selectedEvents}
        fetchId={session.fetchId}
        analysis={analysisIndex?.analysis ?? null}
      />
    </div>
  );
}
