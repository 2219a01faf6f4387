import type { ColumnDef } from '@tanstack/react-table';

import { cellText } from '../../../shared/display/cell-text';
import type { NormalizedEvent } from '../../../shared/records/types';
import { topSeverity } from '../../../shared/rules/engine';
import { formatLocal, formatUtc } from '../timeline/time-format';
import { flagsOf } from '../workspace/flags';

/** Every data column of the event table, in default order, with its width in pixels. */
export const columnWidths: Record<string, number> = {
  time: 168, flag: 150, eventName: 200, service: 110, region: 110, sourceIPAddress: 130, userAgent: 200, identity: 200, resources: 220, error: 160,
};
export const columnTitles: Record<string, string> = {
  time: 'Time (UTC)', flag: 'Flag', eventName: 'Event name', service: 'Service', region: 'Region', sourceIPAddress: 'Source IP',
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

/** The column definitions; cells show untrusted text made visible and cut to one line. */
export const eventColumns: ColumnDef<NormalizedEvent>[] = [
  {
    id: 'time',
    accessorFn: (e) => e.time,
    cell: ({ row }) => <span title={formatLocal(row.original.time)}>{formatUtc(row.original.time).slice(0, 19)}</span>,
  },
  {
    id: 'flag',
    accessorFn: (e) => {
      const severity = topSeverity(flagsOf(e));
      return severity === null ? 0 : ['info', 'low', 'medium', 'high', 'critical'].indexOf(severity) + 1;
    },
    cell: ({ row }) => {
      const hits = flagsOf(row.original);
      const top = hits[0];
      if (!top) return null;
      return (
        <span className={`sev sev-${top.severity}`} title={cellText(hits.map((h) => `${h.title}: ${h.reason}`).join('\n'), 2000)}>
          {top.severity} · {top.title}
        </span>
      );
    },
  },
  { id: 'eventName', accessorFn: (e) => e.eventName, cell: ({ row }) => cellText(row.original.eventName) },
  { id: 'service', accessorFn: (e) => e.service, cell: ({ row }) => cellText(row.original.service) },
  { id: 'region', accessorFn: (e) => e.region, cell: ({ row }) => cellText(row.original.region) },
  { id: 'sourceIPAddress', accessorFn: (e) => e.sourceIPAddress, cell: ({ row }) => cellText(row.original.sourceIPAddress) },
  { id: 'userAgent', accessorFn: (e) => e.userAgent, cell: ({ row }) => cellText(row.original.userAgent) },
  { id: 'identity', accessorFn: identityText, cell: ({ row }) => cellText(identityText(row.original)) },
  { id: 'resources', accessorFn: (e) => e.resources.join(' '), cell: ({ row }) => cellText(row.original.resources.join(', ')) },
  {
    id: 'error',
    accessorFn: errorText,
    cell: ({ row }) => (row.original.parseError ? <span className="badge badge-warn">unparseable</span> : cellText(row.original.errorCode)),
  },
];
