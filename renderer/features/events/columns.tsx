import type { ColumnDef } from '@tanstack/react-table';
import type { ReactNode } from 'react';

import { cellText } from '../../../shared/display/cell-text';
import type { NormalizedEvent } from '../../../shared/records/types';
import type { RuleHit } from '../../../shared/rules/types';
import { topSeverity } from '../../../shared/rules/engine';
import { OriginCell, useAnalysisIndex } from '../sources/enrichment-context';
import { formatLocal, formatUtc } from '../timeline/time-format';
import { flagsOf } from '../workspace/flags';

/** Every data column of the event table, in default order, with its width in pixels. */
export const columnWidths: Record<string, number> = {
  time: 168, flag: 150, eventName: 200, service: 130, region: 110, sourceIPAddress: 130, origin: 190, userAgent: 200, identity: 200, resources: 220, error: 160,
};
export const columnTitles: Record<string, string> = {
  time: 'Time (UTC)', flag: 'Flag', eventName: 'Event name', service: 'Service', region: 'Region', sourceIPAddress: 'Source IP', origin: 'Country / ASN',
  userAgent: 'User agent', identity: 'Identity', resources: 'Resources', error: 'Error',
};
export const defaultColumnOrder = Object.keys(columnWidths);

function identityText(event: NormalizedEvent): string {
  const via = event.via ? ` via ${event.via.accessKeyId} (${event.via.issuingEventName})` : '';
  return `${event.actor || event.identityType}${via}`;
}

function errorText(event: NormalizedEvent): string {
  if (event.parseError) return 'unparseable record';
  return event.errorCode;
}

const severityRank = (event: NormalizedEvent) => {
  const severity = topSeverity(flagsOf(event));
  return severity === null ? 0 : ['info', 'low', 'medium', 'high', 'critical'].indexOf(severity) + 1;
};

function hitText(hit: RuleHit): string {
  return `${hit.severity}: ${hit.title}. ${hit.reason}${hit.attack.length ? ` (ATT&CK ${hit.attack.join(', ')})` : ''}`;
}

/**
 * The flag cell: the top severity as a badge and the rule's title as text beside it, so a
 * narrow column cuts the title (with an ellipsis) and never the severity; "+N" counts the other
 * rules, and the tooltip lists every rule with its reason.
 */
function FlagCell({ event }: { event: NormalizedEvent }) {
  const hits = flagsOf(event);
  const top = hits[0];
  // Routine for this identity against its baseline: shown, de-emphasised, never hidden (H1).
  const routine = useAnalysisIndex()?.isRoutine(event.id) === true;
  if (!top) return null;
  return (
    <span className={routine ? 'flag-cell routine' : 'flag-cell'} title={cellText(`${routine ? 'Routine for this identity: it does this often, the same way, from its usual places.\n' : ''}${hits.map(hitText).join('\n')}`, 2000)}>
      {routine && <span className="routine-badge">routine</span>}
      <span className={`sev sev-${top.severity}`}>{top.severity}</span>
      <span className="flag-title">{cellText(top.title, 120)}</span>
      {hits.length > 1 && <span className="flag-more">+{hits.length - 1}</span>}
    </span>
  );
}

/**
 * What each column shows for an event: untrusted text made visible and cut to one line. Rows
 * call these directly (see EventRow).
 */
export const cellRenderers: Record<string, (event: NormalizedEvent) => ReactNode> = {
  time: (e) => <span title={formatLocal(e.time)}>{formatUtc(e.time).slice(0, 19)}</span>,
  flag: (e) => <FlagCell event={e} />,
  eventName: (e) => cellText(e.eventName),
  service: (e) => cellText(e.service),
  region: (e) => cellText(e.region),
  sourceIPAddress: (e) => cellText(e.sourceIPAddress),
  // The enrichment comes with the host's analysis (see renderer/features/sources): the cell reads it from context.
  origin: (e) => <OriginCell event={e} />,
  userAgent: (e) => cellText(e.userAgent),
  identity: (e) => cellText(identityText(e)),
  resources: (e) => cellText(e.resources.join(', ')),
  error: (e) => (e.parseError ? <span className="badge badge-warn">unparseable</span> : cellText(e.errorCode)),
};

/** The longest tooltip a cell carries (the detail shows everything). */
const titleMaxLength = 1000;

const titleTexts: Record<string, (event: NormalizedEvent) => string> = {
  eventName: (e) => e.eventName,
  service: (e) => e.service,
  region: (e) => e.region,
  sourceIPAddress: (e) => e.sourceIPAddress,
  userAgent: (e) => e.userAgent,
  identity: identityText,
  resources: (e) => e.resources.join(', '),
  error: (e) => (e.parseError ? 'unparseable record' : [e.errorCode, e.errorMessage].filter(Boolean).join(': ')),
};

/**
 * A text cell's whole value for its tooltip (the cell itself ends in an ellipsis when the
 * column is too narrow), made visible like the cell; undefined for cells that carry their own.
 */
export function cellTitle(column: string, event: NormalizedEvent): string | undefined {
  const text = titleTexts[column]?.(event);
  return text ? cellText(text, titleMaxLength) : undefined;
}

const accessors: Record<string, (event: NormalizedEvent) => string | number> = {
  time: (e) => e.time,
  flag: severityRank,
  eventName: (e) => e.eventName,
  service: (e) => e.service,
  region: (e) => e.region,
  sourceIPAddress: (e) => e.sourceIPAddress,
  origin: (e) => e.sourceIPAddress,
  userAgent: (e) => e.userAgent,
  identity: identityText,
  resources: (e) => e.resources.join(' '),
  error: errorText,
};

/** Columns whose first click sorts highest first: newest events, most severe flags. */
const descendingFirst = new Set(['time', 'flag']);

/**
 * The column definitions of the table library: ids and sort keys, in default order (rows draw
 * their cells with cellRenderers, see EventRow). The
 * first sort direction is set here, since the library (which sees no rows, see EventTable)
 * cannot infer it from the values.
 */
export const eventColumns: ColumnDef<NormalizedEvent>[] = defaultColumnOrder.map((id) => ({
  id,
  accessorFn: accessors[id],
  sortDescFirst: descendingFirst.has(id),
  // Country / ASN is not sorted: its values arrive with the analysis, after the rows.
  enableSorting: id !== 'origin',
}));
