import { countWords } from '../../../shared/display/count-words';

export interface WorkspaceToolbarProps {
  shown: number;
  total: number;
  selected: number;
  onSelectAll(): void;
  onClearSelection(): void;
  onCompare(): void;
  onExport(format: 'json' | 'csv'): void;
  onDraftTicket(): void;
}

/** Counts (always visible), selection actions, export and the ticket. */
export function WorkspaceToolbar(props: WorkspaceToolbarProps) {
  const scope = props.selected > 0 ? `${props.selected} selected` : `${props.shown} shown`;
  return (
    <div className="workspace-toolbar" role="toolbar" aria-label="Events">
      <span className="counts" role="status" aria-live="polite">
        <strong>{props.shown.toLocaleString('en-US')}</strong> of {countWords(props.total, 'event')} · <strong className="selection-count">{props.selected.toLocaleString()} selected</strong>
      </span>
      <button type="button" onClick={props.onSelectAll} disabled={props.shown === 0}>
        Select all matching
      </button>
      <button type="button" onClick={props.onClearSelection} disabled={props.selected === 0}>
        Clear selection
      </button>
      <button type="button" onClick={props.onCompare} disabled={props.selected < 2}>
        Compare
      </button>
      <span className="spacer" />
      <button type="button" onClick={() => props.onExport('json')} disabled={props.shown === 0 && props.selected === 0} title={`Export the ${scope} events as a CloudTrail records file`}>
        Export JSON
      </button>
      <button type="button" onClick={() => props.onExport('csv')} disabled={props.shown === 0 && props.selected === 0} title={`Export the ${scope} events as CSV`}>
        Export CSV
      </button>
      <button type="button" className="primary" onClick={props.onDraftTicket} disabled={props.selected === 0}>
        Draft ticket
      </button>
    </div>
  );
}
