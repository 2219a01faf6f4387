import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { SourcesPanel } from '../../../renderer/features/sources/SourcesPanel';
import { analysisOf, sourceOf } from '../findings/analysis-fixture';

afterEach(cleanup);

const sources = [
  sourceOf({ ip: '185.220.101.47', events: 35, country: 'DE', asn: 60729, asOrg: 'Stiftung Erneuerbare Freiheit', tor: true }),
  sourceOf({ ip: '198.51.100.20', events: 3, country: 'US', asn: 16509, asOrg: 'AMAZON-02', aws: 'EC2', awsRegion: 'us-east-1', tor: false }),
  sourceOf({ ip: '81.2.69.160', events: 2 }),
  sourceOf({ ip: '10.0.0.5', events: 1, kind: 'private' }),
  sourceOf({ ip: 'AWS Internal', events: 1, kind: 'aws-internal' }),
];

function rowOf(ip: string) {
  return screen.getByRole('button', { name: `Show events from ${ip}` }).closest('tr')!;
}

function cells(ip: string) {
  return [...rowOf(ip).querySelectorAll('td')].map((cell) => cell.textContent);
}

describe('the sources panel', () => {
  it('shows each address with its country, ASN and organisation, AWS service, Tor and events', () => {
    const loaded = analysisOf({
      sources,
      datasets: [...analysisOf().datasets, { id: 'aws-ip-ranges', name: 'AWS ip-ranges.json', origin: 'imported', date: '2026-12-01', entries: 9 }, { id: 'tor-exits', name: 'Tor exit list', origin: 'imported', date: '2026-12-01', entries: 3 }],
      missing: [],
    });
    render(<SourcesPanel analysis={loaded} active={new Set()} onFilter={() => {}} />);
    expect(cells('185.220.101.47')).toEqual(['185.220.101.47', 'DE', 'AS60729 Stiftung Erneuerbare Freiheit', 'no', 'Tor exit', '35']);
    expect(cells('198.51.100.20')).toEqual(['198.51.100.20', 'US', 'AS16509 AMAZON-02', 'EC2 (us-east-1)', 'no', '3']);
    expect(cells('10.0.0.5').slice(1, 5)).toEqual(['private or reserved', '—', '—', '—']);
    expect(cells('AWS Internal').slice(1, 3)).toEqual(['AWS internal', '—']);
  });

  it('says unknown, never "no", for what a missing data set would say', () => {
    render(<SourcesPanel analysis={analysisOf({ sources })} active={new Set()} onFilter={() => {}} />);
    const [, country, asn, aws, tor] = cells('81.2.69.160');
    expect([country, asn, aws, tor]).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(cells('198.51.100.20')[3]).toBe('EC2 (us-east-1)');
    expect(screen.getByText(/Not loaded, so unknown: AWS's ip-ranges.json, Tor's exit list/)).toBeTruthy();
  });

  it('names the data sets it used and their dates', () => {
    render(<SourcesPanel analysis={analysisOf({ sources })} active={new Set()} onFilter={() => {}} />);
    expect(screen.getByText(/Data sets: ip-location-db geo-whois-asn-country, 2026-06-17; ip-location-db asn, 2026-06-17/)).toBeTruthy();
  });

  it('filters by an address when its row is clicked', () => {
    const onFilter = vi.fn();
    render(<SourcesPanel analysis={analysisOf({ sources })} active={new Set(['81.2.69.160'])} onFilter={onFilter} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show events from 185.220.101.47' }));
    fireEvent.click(within(rowOf('198.51.100.20')).getByText('US'));
    expect(onFilter.mock.calls).toEqual([['185.220.101.47'], ['198.51.100.20']]);
    expect(screen.getByRole('button', { name: 'Show events from 81.2.69.160' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('shows a hostile address and organisation as text', () => {
    const hostile = sourceOf({ ip: '"><svg onload=alert(1)>', asn: 1, asOrg: '<img src=x onerror=alert(2)>\u202E' });
    const { container } = render(<SourcesPanel analysis={analysisOf({ sources: [hostile] })} active={new Set()} onFilter={() => {}} />);
    expect(container.querySelector('svg, img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(2)>');
    expect(container.textContent).not.toContain('\u202E');
  });
});
