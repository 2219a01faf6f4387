import { stringify } from 'csv-stringify/browser/esm/sync';

import type { NormalizedEvent } from '../records/types';
import type { RuleHit } from '../rules/types';
import { exportOrder } from './records-json';

/** The CSV columns, in order. */
export const csvColumns = [
  'eventTime', 'eventName', 'eventSource', 'awsRegion', 'sourceIPAddress', 'userAgent', 'identityType', 'identity',
  'arn', 'accessKeyId', 'errorCode', 'errorMessage', 'resources', 'flags', 'eventID',
] as const;

/** Formula triggers a spreadsheet acts on when they start a cell. */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * Neutralises a cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab or carriage
 * return first) by prefixing a single quote, as OWASP advises for CSV injection.
 */
export function neutraliseFormula(cell: string): string {
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

function rowOf(event: NormalizedEvent, flags: readonly RuleHit[]): string[] {
  const time = Number.isNaN(event.time) ? '' : new Date(event.time).toISOString();
  return [
    time, event.eventName, event.eventSource, event.region, event.sourceIPAddress, event.userAgent, event.identityType,
    event.actor, event.arn, event.accessKeyId, event.errorCode, event.errorMessage, event.resources.join(' '),
    flags.map((hit) => hit.ruleId).join(' '), event.record ? event.id : `${event.id} (unparseable record)`,
  ].map(neutraliseFormula);
}

/** The events as CSV (eventTime ascending), one row each, every cell safe to open in a spreadsheet. */
export function toCsv(events: readonly NormalizedEvent[], flagsOf: (event: NormalizedEvent) => readonly RuleHit[]): string {
  const rows = exportOrder(events).map((event) => rowOf(event, flagsOf(event)));
  return stringify([[...csvColumns], ...rows], { quoted_match: /[\r\n]/, eof: true, record_delimiter: 'windows' });
}
