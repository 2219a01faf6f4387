import type { AnalysisEvent } from './analysis-event';
import { userAgentFamily } from './user-agent';

/** What `new` can name (DESIGN 2.6), and how each is read from an event. */
export type BaselineField = 'sourceIP' | 'asn' | 'country' | 'userAgent' | 'eventName' | 'eventSource' | 'region' | 'errorCode';

const fieldReaders: ReadonlyArray<[BaselineField, (event: AnalysisEvent) => string]> = [
  ['sourceIP', ({ event }) => event.sourceIPAddress],
  ['asn', ({ intel }) => (intel.asn === null ? '' : String(intel.asn))],
  ['country', ({ intel }) => intel.country ?? ''],
  ['userAgent', ({ event }) => userAgentFamily(event.userAgent)],
  ['eventName', ({ event }) => event.eventName],
  ['eventSource', ({ event }) => event.eventSource],
  ['region', ({ event }) => event.region],
  ['errorCode', ({ event }) => event.errorCode],
];

/** The value of one field of an event as the baseline compares it ('' when absent or unknown). */
export function baselineValue(event: AnalysisEvent, field: BaselineField): string {
  return fieldReaders.find(([name]) => name === field)![1](event);
}

/**
 * What an identity's earlier records showed, per identity and as a whole. An identity absent
 * from the baseline (a role session the user opened, say) is compared with the whole baseline,
 * which is by definition the same investigation's earlier activity.
 */
export interface Baseline {
  /** The fields of an event whose value the baseline never showed for its identity. */
  newFields(event: AnalysisEvent): BaselineField[];
  start: string;
  end: string;
  events: number;
}
