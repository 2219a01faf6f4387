import { cellText } from '../../../shared/display/cell-text';
import type { CountField } from '../../../shared/aggregate/top-counts';
import type { FilterField } from '../../../shared/filters/filter-state';

/** One chart beside the timeline: the field it counts (a click adds a filter on it), its tab's label and its longer title. */
export interface ChartDef {
  field: CountField & FilterField;
  tab: string;
  title: string;
}

export const chartDefs: readonly ChartDef[] = [
  { field: 'eventName', tab: 'Events', title: 'Event names' },
  { field: 'eventSource', tab: 'Services', title: 'Services' },
  { field: 'sourceIPAddress', tab: 'IPs', title: 'Source IPs' },
  { field: 'userAgent', tab: 'Agents', title: 'User agents' },
  { field: 'region', tab: 'Regions', title: 'Regions' },
  { field: 'errorCode', tab: 'Errors', title: 'Error codes' },
];

/** How many values a chart draws as bars; the rest are one click away (AllValuesDialog). */
export const barsShown = 8;

/** The accessible name of a value's button, in the bars and in the full list alike. */
export function pickLabel(def: ChartDef, value: string, count: number): string {
  return `Filter ${def.title}: ${cellText(value, 80)} (${count})`;
}
