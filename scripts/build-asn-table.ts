// Builds the bundled ASN table (resources/intel/asn-table.bin.gz) from the pinned
// @ip-location-db/asn package's CSV files: `npx tsx scripts/build-asn-table.ts`.
// Run it again after bumping that devDependency, and commit the result (the npm data is frozen;
// newer data reaches the app through `trailcase intel import --ip-db`).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { buildAsnTable, parseAsnCsv } from '../shared/intel/asn-csv';
import type { AsnRow } from '../shared/intel/asn-csv';
import { describeRefusal } from '../shared/intel/parse-result';
import { encodeAsnTable } from '../main/services/intel/asn-table-file';
import { bundledAsnTablePath, versionDate } from '../main/services/intel/bundled-data';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@ip-location-db/asn/package.json'));
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };

const rows: AsnRow[] = [];
for (const file of ['asn-ipv4.csv', 'asn-ipv6.csv']) {
  const parsed = parseAsnCsv(readFileSync(join(packageDir, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${describeRefusal(parsed)}`);
  for (const row of parsed.value) rows.push(row);
}
const table = buildAsnTable(rows);
if (!table.ok) throw new Error(describeRefusal(table));
const out = bundledAsnTablePath();
mkdirSync(dirname(out), { recursive: true });
const bytes = encodeAsnTable(table.value, { source: '@ip-location-db/asn', version, date: versionDate(version) });
writeFileSync(out, bytes);
process.stdout.write(`${out}: ${table.value.v4Value.length} IPv4 and ${table.value.v6Value.length} IPv6 ranges, ${bytes.length} bytes\n`);
