import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState } from 'react';

import { cellText } from '../../../shared/display/cell-text';
import { visibleText } from '../../../shared/display/visible-text';
import { api } from '../../api/bridge';
import { useIntel } from './useIntel';
import './about.css';

const listNames: Record<string, string> = {
  'ip-country': 'Country',
  'ip-asn': 'ASN',
  'aws-ip-ranges': 'AWS IP ranges',
  'tor-exits': 'Tor exit list',
};

function useVersion(open: boolean): string | null {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    if (!open || version) return;
    void api.getAppInfo({}).then((result) => result.ok && setVersion(result.data.version));
  }, [open, version]);
  return version;
}

/**
 * About Trailcase: its version, the credits the enrichment data's licences ask for (CC BY 4.0
 * for ip-location-db), the data sets in use with their dates, and Update for AWS's ranges and
 * Tor's exit list. A failed download keeps the data in use, and says why.
 */
export function AboutDialog() {
  const [open, setOpen] = useState(false);
  const version = useVersion(open);
  const { status, error, update, runUpdate } = useIntel(open);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className="ghost">
          About
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content about-dialog" aria-describedby={undefined}>
          <Dialog.Title>Trailcase{version ? ` ${cellText(version, 40)}` : ''}</Dialog.Title>
          <p>CloudTrail investigations of one AWS identity, with the events drafted into a Jira ticket.</p>
          <h3>Enrichment data</h3>
          <p className="about-credit">
            IP geolocation and ASN data by ip-location-db (CC BY 4.0), github.com/sapics/ip-location-db: country from geo-whois-asn-country,
            ASN from asn (RouteViews, the NRO's RIR statistics, DB-IP's IP to ASN Lite). AWS IP ranges published by Amazon Web Services; Tor
            exit addresses published by the Tor Project.
          </p>
          {error && (
            <p role="alert" className="banner banner-error">
              The data sets could not be read: {visibleText(error.message)}
            </p>
          )}
          {status && (
            <>
              <table className="about-datasets" aria-label="Data sets in use">
                <thead>
                  <tr>
                    <th scope="col">Data set</th>
                    <th scope="col">Date</th>
                    <th scope="col">From</th>
                  </tr>
                </thead>
                <tbody>
                  {status.datasets.map((dataset) => (
                    <tr key={`${dataset.id}-${dataset.origin}`}>
                      <td>{cellText(dataset.name)}</td>
                      <td>{dataset.date ? dataset.date.slice(0, 10) : 'undated'}</td>
                      <td>
                        {cellText(
                          dataset.origin === 'bundled'
                            ? `bundled${dataset.source ? ` (${dataset.source})` : ''}`
                            : `imported ${dataset.importedAt?.slice(0, 10) ?? ''} from ${dataset.source ?? 'a file'}`,
                        )}
                      </td>
                    </tr>
                  ))}
                  {status.missing.map((id) => (
                    <tr key={id} className="missing">
                      <td>{listNames[id] ?? id}</td>
                      <td colSpan={2}>not loaded: what it would say reads as unknown</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {status.problems.map((problem) => (
                <p key={problem} className="muted">
                  {visibleText(problem)}
                </p>
              ))}
            </>
          )}
          <div className="about-update">
            <button type="button" onClick={() => void runUpdate()} disabled={update.kind === 'running'}>
              {update.kind === 'running' ? 'Updating…' : 'Update AWS ranges and Tor exits'}
            </button>
            <span className="muted">Downloads them from ip-ranges.amazonaws.com and check.torproject.org.</span>
          </div>
          {update.kind === 'running' && (
            <p role="status" className="muted">
              Downloading…
            </p>
          )}
          {update.kind === 'failed' && (
            <p role="alert" className="banner banner-error">
              Update failed: {visibleText(update.error.message)}. The data in use is kept.
            </p>
          )}
          {update.kind === 'done' && (
            <ul className="about-outcomes" role="status">
              {update.outcomes.map((outcome) => (
                <li key={outcome.id} className={outcome.ok ? 'ok' : 'failed'}>
                  {listNames[outcome.id]}:{' '}
                  {outcome.ok
                    ? `updated (${outcome.dataset.date ? outcome.dataset.date.slice(0, 10) : 'undated'}, ${outcome.dataset.entries.toLocaleString('en-US')} entries)`
                    : `failed, the data in use is kept: ${visibleText(outcome.error)}`}
                </li>
              ))}
            </ul>
          )}
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button">Close</button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
