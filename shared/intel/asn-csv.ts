import type { AsnTable } from './asn-table';
import { compareWords, keyOf, parseStrict } from './ip-key';
import type { IpKey } from './ip-key';
import { checkRangeTable } from './range-search';
import type { ParseResult } from './parse-result';

/** One row of ip-location-db's `asn` CSV: `ip_range_start,ip_range_end,asn,organisation`. */
export interface AsnRow {
  start: IpKey;
  end: IpKey;
  asn: number;
  asOrg: string;
}

/** Splits one CSV line (RFC 4180 quoting); null when a quote is left open. */
function splitCsvLine(line: string): string[] | null {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  if (quoted) return null;
  cells.push(cell);
  return cells;
}

function keyOfText(text: string): IpKey | null {
  const address = parseStrict(text);
  return address ? keyOf(address) : null;
}

/** Parses the CSV (IPv4, IPv6 or both files' text); a bad row refuses the whole file, naming its line. */
export function parseAsnCsv(text: string, firstLine = 1): ParseResult<AsnRow[]> {
  const rows: AsnRow[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '') continue;
    const at = i + firstLine;
    const cells = splitCsvLine(line);
    if (!cells || cells.length < 3) return { ok: false, line: at, message: 'expected start,end,asn,organisation' };
    const start = keyOfText(cells[0]!);
    const end = keyOfText(cells[1]!);
    if (!start || !end || start.family !== end.family) return { ok: false, line: at, message: 'the range is not two addresses of one family' };
    if (!/^\d{1,10}$/.test(cells[2]!) || Number(cells[2]) > 0xffffffff) return { ok: false, line: at, message: 'the ASN is not a number' };
    rows.push({ start, end, asn: Number(cells[2]), asOrg: cells.slice(3).join(',') });
  }
  return { ok: true, value: rows };
}

/** The address just before a key (its caller never passes the lowest address). */
function previousKey(key: IpKey): IpKey {
  if (key.family === 4) return { family: 4, value: key.value - 1 };
  const words = [...key.words] as [number, number, number, number];
  for (let i = 3; i >= 0; i--) {
    if (words[i] !== 0) {
      words[i] = words[i]! - 1;
      break;
    }
    words[i] = 0xffffffff;
  }
  return { family: 6, words };
}

function compareKeys(a: IpKey, b: IpKey): number {
  if (a.family === 4 && b.family === 4) return a.value - b.value;
  if (a.family === 6 && b.family === 6) return compareWords(a.words, 0, b.words, 0);
  return a.family - b.family;
}

/**
 * Sorts rows and removes overlaps: where a range runs into the next one, it is cut to end just
 * before it (the published CSV has a few such rows; the later, narrower-starting range wins).
 */
export function disjointRows(rows: readonly AsnRow[]): AsnRow[] {
  const sorted = [...rows].sort((a, b) => compareKeys(a.start, b.start));
  const out: AsnRow[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const row = sorted[i]!;
    const next = sorted[i + 1];
    if (next && next.start.family === row.start.family && compareKeys(row.end, next.start) >= 0) {
      if (compareKeys(row.start, next.start) === 0) continue;
      out.push({ ...row, end: previousKey(next.start) });
    } else out.push(row);
  }
  return out;
}

/** Builds the compact table from rows, in any order (overlaps cut as `disjointRows` says). */
export function buildAsnTable(input: readonly AsnRow[]): ParseResult<AsnTable> {
  const rows = disjointRows(input);
  const pairs = new Map<string, number>();
  const asns: number[] = [];
  const orgs: string[] = [];
  const v4 = rows.filter((row) => row.start.family === 4);
  const v6 = rows.filter((row) => row.start.family === 6);
  const table: AsnTable = {
    v4Start: new Uint32Array(v4.length),
    v4End: new Uint32Array(v4.length),
    v4Value: new Uint32Array(v4.length),
    v6Start: new Uint32Array(v6.length * 4),
    v6End: new Uint32Array(v6.length * 4),
    v6Value: new Uint32Array(v6.length),
    asns: new Uint32Array(0),
    orgs,
  };
  const valueOf = (row: AsnRow) => {
    const id = `${row.asn}\u0000${row.asOrg}`;
    let index = pairs.get(id);
    if (index === undefined) {
      index = asns.length;
      pairs.set(id, index);
      asns.push(row.asn);
      orgs.push(row.asOrg);
    }
    return index;
  };
  v4.forEach((row, i) => {
    table.v4Start[i] = (row.start as { value: number }).value;
    table.v4End[i] = (row.end as { value: number }).value;
    table.v4Value[i] = valueOf(row);
  });
  v6.forEach((row, i) => {
    table.v6Start.set((row.start as { words: readonly number[] }).words, i * 4);
    table.v6End.set((row.end as { words: readonly number[] }).words, i * 4);
    table.v6Value[i] = valueOf(row);
  });
  table.asns = Uint32Array.from(asns);
  const problem = checkRangeTable(table);
  return problem ? { ok: false, line: null, message: problem } : { ok: true, value: table };
}
