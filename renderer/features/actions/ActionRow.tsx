import { memo } from 'react';

import { labelText } from '../../../shared/console-actions/action';
import { cellText } from '../../../shared/display/cell-text';
import { formatUtc } from '../timeline/time-format';
import type { ActionItem } from './action-items';

export interface ActionRowProps {
  item: Extract<ActionItem, { kind: 'action' }>;
  index: number;
  top: number;
  width: number;
  expanded: boolean;
  /** All, some or none of the action's events are selected. */
  selected: 'all' | 'some' | 'none';
  onToggle(actionId: string): void;
  onSelect(actionId: string): void;
}

/**
 * One action of the actions view: what the person did, when, who and where, and how many calls
 * it stands for. Values from the events are rendered as text nodes, never as markup (promise 8).
 */
export const ActionRow = memo(function ActionRow({ item, index, top, width, expanded, selected, onToggle, onSelect }: ActionRowProps) {
  const { action, events } = item;
  const text = cellText(labelText(action), 200);
  return (
    <div
      data-testid="action-row"
      role="row"
      aria-rowindex={index + 2}
      aria-expanded={expanded}
      aria-selected={selected === 'all'}
      className={`table-row action-row${selected === 'all' ? ' selected' : ''}`}
      style={{ width, transform: `translateY(${top}px)` }}
    >
      <div role="gridcell" className="cell check-cell">
        <input
          type="checkbox"
          aria-label={events.length === 1 ? `Select the event of ${text}` : `Select the ${events.length} events of ${text}`}
          checked={selected === 'all'}
          ref={(box) => {
            if (box) box.indeterminate = selected === 'some';
          }}
          onChange={() => onSelect(action.id)}
        />
      </div>
      <div role="gridcell" className="cell action-cell">
        <button type="button" className="action-toggle" aria-expanded={expanded} onClick={() => onToggle(action.id)}>
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          <span className="action-label">
            {action.label.map((part, i) => (
              <span key={i} className={part.kind === 'value' ? 'action-value' : undefined}>
                {cellText(part.text, 160)}
              </span>
            ))}
          </span>
        </button>
        <span className="action-meta">
          {events.length} {events.length === 1 ? 'event' : 'events'} · {formatUtc(action.start)} · {cellText(action.actor, 60)} · {cellText(action.region, 30)}
        </span>
      </div>
    </div>
  );
});
