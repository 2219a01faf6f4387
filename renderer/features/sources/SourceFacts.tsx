import { cellText } from '../../../shared/display/cell-text';
import type { NormalizedEvent } from '../../../shared/records/types';
import { useAnalysisIndex } from './enrichment-context';
import { asnText, awsText, countryText, datasetLabel, notLookedUpText } from './source-text';

/**
 * The detail panel's view of the event's source address: country, ASN and organisation, AWS
 * range, and whether it was a Tor exit at the time of this event, with the data sets behind it.
 * Before the analysis arrives, or for an address it did not see, nothing is claimed.
 */
export function SourceFacts({ event }: { event: NormalizedEvent }) {
  const index = useAnalysisIndex();
  const source = index?.sourceOf(event.sourceIPAddress);
  if (!index || !source) return null;
  const { analysis } = index;
  const loaded = new Set<string>(analysis.datasets.map((dataset) => dataset.id));
  const away = notLookedUpText(source);
  const tor = away
    ? '—'
    : index.viaTorAtTime(event.id)
      ? 'yes, listed as an exit at the time of this event'
      : loaded.has('tor-exits')
        ? source.tor === null
          ? 'unknown at this time'
          : 'no'
        : 'unknown (no Tor exit list loaded)';
  const rows: Array<[string, string]> = away
    ? [['Address', `${cellText(source.ip, 80)}: ${away}, not looked up`]]
    : [
        ['Country', countryText(source)],
        ['ASN', asnText(source)],
        ['AWS', awsText(source, loaded)],
        ['Tor', tor],
      ];
  return (
    <section className="detail-section source-facts" aria-label="Source address">
      <h3>Source address {cellText(source.ip, 80)}</h3>
      <dl className="facts">
        {rows.map(([label, text]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{cellText(text)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        From {analysis.datasets.length ? analysis.datasets.map((dataset) => cellText(datasetLabel(dataset))).join('; ') : 'no data set'}.
      </p>
    </section>
  );
}
