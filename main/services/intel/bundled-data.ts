import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { packageRoot } from '../../hosts/package-info';

/**
 * The data sets that ship with Trailcase: ip-location-db's country MMDB (an npm dependency, read
 * where npm put it) and the ASN table built from its `asn` CSV (resources/intel, committed: the
 * CSV package is 65 MB, the table 5 MB). Tor exits and AWS ranges change daily: none ships.
 */
export const countryPackage = '@ip-location-db/geo-whois-asn-country-mmdb';

/** The bundled ASN table (built by scripts/build-asn-table.ts). */
export function bundledAsnTablePath(): string {
  return join(packageRoot(), 'resources', 'intel', 'asn-table.bin.gz');
}

/** The bundled country MMDB (IPv4 and IPv6 in one file) and the package version it came from. */
export function bundledCountryDb(): { path: string; version: string } {
  const require = createRequire(join(packageRoot(), 'package.json'));
  const dir = dirname(require.resolve(`${countryPackage}/package.json`));
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { path: join(dir, 'geo-whois-asn-country.mmdb'), version };
}

/** ip-location-db versions end in the build's date and hour (`2.3.2026061719`): that day, as ISO. */
export function versionDate(version: string): string | null {
  const match = /(\d{4})(\d{2})(\d{2})\d{2}$/.exec(version);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}
