import { columnWidths } from './columns';

/** The selection checkbox's column, never resized. */
export const checkboxWidth = 36;
/** No column is dragged narrower than this (the header's title and its handle stay usable). */
export const minColumnWidth = 56;
export const maxColumnWidth = 1600;

/**
 * Columns whose text is often cut (names, agents, identities, resources): room the screen has
 * beyond the columns' widths goes to these, in proportion to their widths. A column the analyst
 * sized is left at that size.
 */
const flexibleColumns = new Set(['flag', 'eventName', 'origin', 'userAgent', 'identity', 'resources', 'error']);

export interface ColumnLayout {
  /** Each visible column's width in pixels, as drawn. */
  widths: Record<string, number>;
  /** The CSS grid template of the header and of every row (checkbox first). */
  template: string;
  /** The width of header and rows: the screen's width at least. */
  width: number;
}

/**
 * Lays out the visible columns: their own widths (the analyst's, else the default), and when
 * the grid is wider than their sum, the rest shared among the flexible columns the analyst has
 * not sized, so the table fills the width it has instead of cutting text beside empty space.
 */
export function columnLayout(visible: readonly string[], sizes: Readonly<Record<string, number>>, available: number): ColumnLayout {
  const base = (id: string) => sizes[id] ?? columnWidths[id] ?? 120;
  const total = checkboxWidth + visible.reduce((sum, id) => sum + base(id), 0);
  const growing = visible.filter((id) => flexibleColumns.has(id) && sizes[id] === undefined);
  const weight = growing.reduce((sum, id) => sum + base(id), 0);
  const extra = Math.max(0, Math.floor(available) - total);
  const widths: Record<string, number> = {};
  let given = 0;
  for (const id of visible) {
    const share = weight > 0 && growing.includes(id) ? Math.floor((extra * base(id)) / weight) : 0;
    widths[id] = base(id) + share;
    given += share;
  }
  // What rounding left over goes to the last growing column, so the row ends at the edge.
  const last = growing[growing.length - 1];
  if (last && extra > 0) widths[last]! += extra - given;
  const width = checkboxWidth + visible.reduce((sum, id) => sum + widths[id]!, 0);
  const template = `${checkboxWidth}px ${visible.map((id) => `${widths[id]}px`).join(' ')}`;
  return { widths, template, width };
}
