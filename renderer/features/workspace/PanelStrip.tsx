import { useStoredFlag } from './useStoredFlag';

/** The panels above the table that the analyst can hide to give the table the room. */
export const panelNames = { search: 'Search', overview: 'Timeline and charts', detections: 'What stands out', sessions: 'Sessions', identity: 'IAM context' } as const;
export type PanelId = keyof typeof panelNames;

export type PanelsOpen = Record<PanelId, boolean>;

/** Which panels are shown, each remembered across reloads; all shown at first. */
export function usePanels(): { open: PanelsOpen; set(id: PanelId, open: boolean): void } {
  const [search, setSearch] = useStoredFlag('panel.search', true);
  const [overview, setOverview] = useStoredFlag('panel.overview', true);
  const [detections, setDetections] = useStoredFlag('panel.detections', true);
  const [sessions, setSessions] = useStoredFlag('panel.sessions', true);
  const [identity, setIdentity] = useStoredFlag('panel.identity', true);
  const setters = { search: setSearch, overview: setOverview, detections: setDetections, sessions: setSessions, identity: setIdentity };
  return { open: { search, overview, detections, sessions, identity }, set: (id, open) => setters[id](open) };
}

/** The id of a panel's element, for the toggles' aria-controls. */
export const panelElementId = (id: PanelId) => `panel-${id}`;

export interface PanelStripProps {
  open: PanelsOpen;
  onToggle(id: PanelId, open: boolean): void;
  /** A count shown after a panel's name (findings for "What stands out"). */
  counts?: Partial<Record<PanelId, number>>;
}

/**
 * One line of toggles, one per panel above the table: hiding the search form, the timeline and
 * charts, the findings and the sessions leaves the table most of a 720-pixel-high screen.
 */
export function PanelStrip({ open, onToggle, counts = {} }: PanelStripProps) {
  return (
    <div className="panel-strip" role="group" aria-label="Panels above the table">
      {(Object.keys(panelNames) as PanelId[]).map((id) => (
        <button
          key={id}
          type="button"
          className="panel-toggle"
          aria-expanded={open[id]}
          aria-controls={open[id] ? panelElementId(id) : undefined}
          title={`${open[id] ? 'Hide' : 'Show'} ${panelNames[id].toLowerCase()}`}
          onClick={() => onToggle(id, !open[id])}
        >
          <span className="panel-toggle-mark" aria-hidden="true">
            {open[id] ? '▾' : '▸'}
          </span>
          {panelNames[id]}
          {counts[id] !== undefined && <span className="panel-toggle-count"> ({counts[id]})</span>}
        </button>
      ))}
    </div>
  );
}
