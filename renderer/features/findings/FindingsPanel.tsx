import { memo } from 'react';

import { countWords } from '../../../shared/display/count-words';
import { cellText } from '../../../shared/display/cell-text';
import { visibleText } from '../../../shared/display/visible-text';
import type { IndexedFinding } from './analysis-index';
import { AttackLinks } from './AttackLinks';

export interface FindingsPanelProps {
  findings: readonly IndexedFinding[];
  /** Chip values of the findings the table is filtered to. */
  active: ReadonlySet<string>;
  onFilter(finding: IndexedFinding): void;
}

const kindWords = (kind: string) => kind.replace(/-/g, ' ');

/** The summary with the values from records and data sets set apart (as text, in code style). */
function Summary({ finding }: { finding: IndexedFinding }) {
  return (
    <span className="finding-summary">
      {finding.summaryParts.map((part, i) =>
        'value' in part ? <code key={i}>{cellText(part.value, 300)}</code> : <span key={i}>{visibleText(part.text)}</span>,
      )}
    </span>
  );
}

/**
 * "What stands out": the findings that span events, most severe first (the engine's order). A
 * click filters the table to the finding's events; a second click removes that filter.
 */
export const FindingsPanel = memo(function FindingsPanel({ findings, active, onFilter }: FindingsPanelProps) {
  if (findings.length === 0) return <p className="muted findings-empty">Nothing spans these events: no finding.</p>;
  return (
    <ol className="findings-list" aria-label="Findings">
      {findings.map((finding) => {
        const on = active.has(finding.chipValue);
        return (
          <li key={finding.chipValue} className={on ? 'finding active' : 'finding'}>
            <button
              type="button"
              className="finding-button"
              aria-pressed={on}
              title={cellText(finding.summary, 2000)}
              aria-label={`${finding.severity} ${kindWords(finding.kind)}: ${visibleText(finding.title)}, ${countWords(finding.eventIDs.length, 'event')}`}
              onClick={() => onFilter(finding)}
            >
              <span className={`sev sev-${finding.severity}`}>{finding.severity}</span>
              <span className="finding-kind">{kindWords(finding.kind)}</span>
              <strong className="finding-title">{visibleText(finding.title)}</strong>
              <span className="finding-count muted">
                {finding.eventIDs.length} event{finding.eventIDs.length === 1 ? '' : 's'}
              </span>
              <Summary finding={finding} />
            </button>
            <AttackLinks ids={finding.attack} />
          </li>
        );
      })}
    </ol>
  );
});
