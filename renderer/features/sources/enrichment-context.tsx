import { createContext, useContext } from 'react';

import { cellText } from '../../../shared/display/cell-text';
import type { NormalizedEvent } from '../../../shared/records/types';
import type { AnalysisIndex } from '../findings/analysis-index';
import { originText } from './source-text';

/**
 * The analysis on screen, for views that draw one event at a time (table cells, the detail).
 * Rows are memoised; a cell that reads this context draws again when an analysis arrives,
 * without the rows or the table re-rendering.
 */
export const AnalysisContext = createContext<AnalysisIndex | null>(null);

export function useAnalysisIndex(): AnalysisIndex | null {
  return useContext(AnalysisContext);
}

/** The table's Country / ASN cell: the source address's enrichment, as text. */
export function OriginCell({ event }: { event: NormalizedEvent }) {
  const index = useAnalysisIndex();
  const source = index?.sourceOf(event.sourceIPAddress);
  if (!source) return null;
  const tor = index!.viaTorAtTime(event.id);
  const text = originText(source, tor);
  return (
    <span className={tor ? 'origin origin-tor' : 'origin'} title={cellText(text)}>
      {cellText(text)}
    </span>
  );
}
