import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type * as BundledData from '../../../main/services/intel/bundled-data';
import { loadIntel } from '../../../main/services/intel/load-enricher';

// A package without the ASN table (an app packed without resources/intel).
vi.mock('../../../main/services/intel/bundled-data', async (importOriginal) => ({
  ...(await importOriginal<typeof BundledData>()),
  bundledAsnTablePath: () => '/nonexistent/asn-table.bin.gz',
}));

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'trailcase-intel-missing-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a bundled data set that cannot be read', () => {
  it('is missing, says why, and spoils no other data set', async () => {
    const { status, enricher } = await loadIntel(dataDir);
    expect(status.missing).toEqual(['ip-asn', 'aws-ip-ranges', 'tor-exits']);
    expect(status.problems).toEqual([expect.stringMatching(/^ip-asn \(bundled\): ENOENT/)]);
    expect(enricher.lookup('8.8.8.8', Date.now())).toMatchObject({ country: 'US', asn: null, asOrg: null });
  });
});
