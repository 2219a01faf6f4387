import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { IntelStatus } from '../../../shared/api/intel-contract';

const ok = <T,>(data: T) => Promise.resolve({ ok: true as const, data });
const status: IntelStatus = {
  datasets: [
    { id: 'ip-country', name: 'ip-location-db geo-whois-asn-country', origin: 'bundled', date: '2026-06-17', entries: 9, source: '@ip-location-db/geo-whois-asn-country-mmdb@2.3.2026061719' },
    { id: 'ip-asn', name: 'ip-location-db asn', origin: 'bundled', date: '2026-06-17', entries: 9 },
  ],
  missing: ['aws-ip-ranges', 'tor-exits'],
  problems: [],
};
const api = vi.hoisted(() => ({
  getAppInfo: vi.fn(),
  intelStatus: vi.fn(),
  intelUpdate: vi.fn(),
}));
vi.mock('../../../renderer/api/bridge', () => ({ hostKind: 'web', api }));

const { AboutDialog } = await import('../../../renderer/features/about/AboutDialog');

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

async function openAbout() {
  api.getAppInfo.mockImplementation(() => ok({ name: 'Trailcase', version: '0.1.0', host: 'web', platform: 'linux', pendingDeepLink: null }));
  api.intelStatus.mockImplementation(() => ok(status));
  render(<AboutDialog />);
  fireEvent.click(screen.getByRole('button', { name: 'About' }));
  return screen.findByRole('table', { name: 'Data sets in use' });
}

describe('About', () => {
  it('credits ip-location-db (CC BY 4.0) and names the data sets in use with their dates', async () => {
    const table = await openAbout();
    expect(screen.getByText(/IP geolocation and ASN data by ip-location-db \(CC BY 4\.0\)/)).toBeTruthy();
    const rows = within(table).getAllByRole('row').map((row) => row.textContent);
    expect(rows[1]).toContain('ip-location-db geo-whois-asn-country2026-06-17bundled (@ip-location-db/geo-whois-asn-country-mmdb@2.3.2026061719)');
    expect(rows[3]).toBe('AWS IP rangesnot loaded: what it would say reads as unknown');
    expect(rows[4]).toBe('Tor exit listnot loaded: what it would say reads as unknown');
    expect(await screen.findByRole('heading', { name: 'Trailcase 0.1.0' })).toBeTruthy();
  });

  it('shows the Update in progress, then what each list did; a failed one keeps the data in use', async () => {
    await openAbout();
    let finish!: (value: unknown) => void;
    api.intelUpdate.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    fireEvent.click(screen.getByRole('button', { name: 'Update AWS ranges and Tor exits' }));
    expect((await screen.findByRole('button', { name: 'Updating…' })).hasAttribute('disabled')).toBe(true);
    const updated = { ...status, datasets: [...status.datasets, { id: 'aws-ip-ranges' as const, name: 'AWS ip-ranges.json', origin: 'imported' as const, date: '2026-12-01T10:00:00Z', entries: 9000 }], missing: ['tor-exits' as const] };
    finish({
      ok: true,
      data: {
        outcomes: [
          { id: 'aws-ip-ranges', url: 'https://ip-ranges.amazonaws.com/ip-ranges.json', ok: true, dataset: updated.datasets[2] },
          { id: 'tor-exits', url: 'https://check.torproject.org/exit-addresses', ok: false, error: 'connection refused <b>x</b>' },
        ],
        status: updated,
      },
    });
    const outcomes = (await screen.findByText(/^AWS IP ranges: updated/)).closest('ul')!;
    expect(screen.queryByText('Downloading…')).toBeNull();
    expect(outcomes.textContent).toContain('AWS IP ranges: updated (2026-12-01, 9,000 entries)');
    expect(outcomes.textContent).toContain('Tor exit list: failed, the data in use is kept: connection refused <b>x</b>');
    expect(within(screen.getByRole('table', { name: 'Data sets in use' })).getByText('AWS ip-ranges.json')).toBeTruthy();
  });

  it('says when the Update call itself failed', async () => {
    await openAbout();
    api.intelUpdate.mockImplementation(() => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'disk full' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Update AWS ranges and Tor exits' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Update failed: disk full. The data in use is kept.');
  });
});
