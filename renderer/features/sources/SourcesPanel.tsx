import { memo } from 'react';

import type { SourceView } from '../../../shared/api/analysis-contract';
import type { FetchAnalysis } from '../../../shared/api/analysis-contract';
import { cellText } from '../../../shared/display/cell-text';
import { WhoElseButton } from '../pivots/WhoElseButton';
import { asnText, awsText, countryText, datasetLabel, torText } from './source-text';

export interface SourcesPanelProps {
  analysis: FetchAnalysis;
  /** The address the table is filtered to, if any. */
  active: ReadonlySet<string>;
  onFilter(ip: string): void;
}

/** Rows drawn at most: a fetch can hold thousands of addresses, most with a handful of events. */
const maxRows = 300;

const datasetNames: Record<string, string> = {
  'ip-country': 'country (ip-location-db)',
  'ip-asn': 'ASN (ip-location-db)',
  'aws-ip-ranges': "AWS's ip-ranges.json",
  'tor-exits': "Tor's exit list",
};

/** Each source address with its enrichment and events; a click filters the table to it. */
export const SourcesPanel = memo(function SourcesPanel({ analysis, active, onFilter }: SourcesPanelProps) {
  const loaded = new Set<string>(analysis.datasets.map((dataset) => dataset.id));
  const rows: SourceView[] = analysis.sources.slice(0, maxRows);
  return (
    <div className="sources-panel">
      <p className="muted sources-datasets">
        Data sets: {analysis.datasets.length ? analysis.datasets.map((dataset) => cellText(datasetLabel(dataset))).join('; ') : 'none'}.
        {analysis.missing.length > 0 && <> Not loaded, so unknown: {analysis.missing.map((id) => datasetNames[id] ?? id).join(', ')}.</>}
      </p>
      <table className="sources-table" aria-label="Source addresses">
        <thead>
          <tr>
            <th scope="col">Address</th>
            <th scope="col">Country</th>
            <th scope="col">ASN and organisation</th>
            <th scope="col">AWS</th>
            <th scope="col">Tor</th>
            <th scope="col" className="num">
              Events
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((source) => (
            <tr key={source.ip} className={active.has(source.ip) ? 'active' : undefined} onClick={() => onFilter(source.ip)}>
              <td>
                <button
                  type="button"
                  className="source-ip"
                  aria-pressed={active.has(source.ip)}
                  aria-label={`Show events from ${cellText(source.ip, 80)}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    onFilter(source.ip);
                  }}
                >
                  {cellText(source.ip, 80) || '(none)'}
                </button>
                <WhoElseButton address={source.ip} />
              </td>
              <td>{cellText(countryText(source))}</td>
              <td>{cellText(asnText(source))}</td>
              <td>{cellText(awsText(source, loaded))}</td>
              <td className={source.tor === true ? 'tor-yes' : undefined}>{torText(source)}</td>
              <td className="num">{source.events.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {analysis.sources.length > maxRows && (
        <p className="muted">
          The {maxRows} addresses with the most events of {analysis.sources.length.toLocaleString('en-US')}.
        </p>
      )}
    </div>
  );
});
