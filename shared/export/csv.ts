import { stringify } from 'csv-stringify/browser/esm/sync';

import { visibleText } from '../display/visible-text';
import type { NormalizedEvent } from '../records/types';
import type { RuleHit } from '../rules/types';
import { exportOrder } from './records-json';

/** The CSV columns, in order. */
export const csvColumns = [
  'eventTime', 'eventName', 'eventSource', 'awsRegion', 'sourceIPAddress', 'userAgent', 'identityType', 'identity',
  'arn', 'accessKeyId', 'errorCode', 'errorMessage', 'resources', 'flags', 'eventID',
] as const;

/**
 * The spaces (if any) before a formula trigger (`=`, `+`, `-`, `@`, tab, carriage return) that
 * starts the cell or follows a separator a spreadsheet may split on (`,` `;` tab `|`). Only the
 * position after a separator tries a run of spaces, so the scan stays linear on any input.
 */
const formulaStart = /(?<=^|[,;\t|]) *(?=[=+\-@\t\r])/g;

/**
 * Neutralises every place of a cell a spreadsheet could read as a formula start by putting a
 * single quote before the trigger, as OWASP advises for CSV injection: `=1+1` becomes `'=1+1`
 * and `a;=1+1` becomes `a;'=1+1` (a spreadsheet told to split on `;`, or one that ignores
 * quotes, would otherwise read `=1+1` as a cell of its own).
 */
export function neutraliseFormula(cell: string): string {
  return cell.replace(formulaStart, "$&'");
}

/**
 * One cell of event data: control, bidi and zero-width characters made visible (⟨U+001B⟩; line
 * breaks and tabs too, so each event is one line), since the file is opened in terminals as
 * well as spreadsheets (promise 21); then formula starts neutralised (promise 10).
 */
export function csvCell(value: string): string {
  return neutraliseFormula(visibleText(value));
}

function rowOf(event: NormalizedEvent, flags: readonly RuleHit[]): string[] {
  const time = Number.isNaN(event.time) ? '' : new Date(event.time).toISOString();
  return [
    time, event.eventName, event.eventSource, event.region, event.sourceIPAddress, event.userAgent, event.identityType,
    event.actor, event.arn, event.accessKeyId, event.errorCode, event.errorMessage, event.resources.join(' '),
    flags.map((hit) => hit.ruleId).join(' '), event.record ? event.id : `${event.id} (unparseable record)`,
  ].map(csvCell);
}

/**
 * The events as CSV (eventTime ascending), one row and one line each, every data cell quoted (so
 * no separator inside a cell splits it) and safe to open in a spreadsheet or print in a
 * terminal. The header holds only our own column names, left bare so the first line reads as is.
 */
export function toCsv(events: readonly NormalizedEvent[], flagsOf: (event: NormalizedEvent) => readonly RuleHit[]): string {
  const rows = exportOrder(events).map((event) => rowOf(event, flagsOf(event)));
  const header = `${csvColumns.join(',')}\r\n`;
  return header + stringify(rows, { quoted: true, quoted_empty: true, eof: true, record_delimiter: 'windows' });
}
