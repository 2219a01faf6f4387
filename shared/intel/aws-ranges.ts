import ipaddr from 'ipaddr.js';

import { ipv4Key, ipv6Key } from './ip-key';
import type { IpKey } from './ip-key';
import { lineOfArrayElement, lineOfJsonError } from './json-lines';
import type { ParseResult } from './parse-result';

/** One prefix of AWS's `ip-ranges.json`. */
export interface AwsPrefix {
  service: string;
  region: string;
}

/** AWS's published ranges, indexed by prefix length for most-specific-first lookups. */
export interface AwsRanges {
  /** `createDate` as ISO. */
  date: string | null;
  syncToken: string | null;
  entries: number;
  /** Prefix length → network (IPv4 as a number, IPv6 as `w0:w1:w2:w3`) → the prefixes listed for it, file order. */
  v4: Map<number, Map<number, AwsPrefix[]>>;
  v6: Map<number, Map<string, AwsPrefix[]>>;
  /** The prefix lengths present, longest first. */
  v4Lengths: number[];
  v6Lengths: number[];
}

const serviceName = /^[A-Za-z0-9_.-]{1,64}$/;
const regionName = /^[A-Za-z0-9-]{1,64}$/;

type Refusal = { ok: false; line: number | null; message: string };

function refuse(text: string, key: string, index: number, field: string | undefined, message: string): Refusal {
  return { ok: false, line: lineOfArrayElement(text, key, index, field), message: `${key}[${index}]: ${message}` };
}

/** `2026-11-30-21-13-05` (AWS's createDate) as ISO. */
function isoOfCreateDate(value: unknown): string | null {
  const match = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})-(\d{2})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? `${match[1]}T${match[2]}:${match[3]}:${match[4]}Z` : null;
}

function maskV4(value: number, length: number): number {
  return length === 0 ? 0 : (value & (0xffffffff << (32 - length))) >>> 0;
}

function maskV6(words: readonly number[], length: number): string {
  return words.map((word, i) => {
    const keep = Math.max(0, Math.min(32, length - i * 32));
    return keep === 0 ? 0 : keep === 32 ? word : (word & (0xffffffff << (32 - keep))) >>> 0;
  }).join(':');
}

function add<K>(table: Map<number, Map<K, AwsPrefix[]>>, length: number, network: K, prefix: AwsPrefix): void {
  let byNetwork = table.get(length);
  if (!byNetwork) table.set(length, (byNetwork = new Map()));
  const list = byNetwork.get(network);
  if (list) list.push(prefix);
  else byNetwork.set(network, [prefix]);
}

/**
 * Reads AWS's `ip-ranges.json` (https://ip-ranges.amazonaws.com/ip-ranges.json). Every prefix is
 * checked (a CIDR of its family, a service and a region); one bad entry refuses the whole file,
 * naming its line, so a truncated or tampered download never half-replaces the data set.
 */
export function parseAwsIpRanges(text: string): ParseResult<AwsRanges> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, line: lineOfJsonError(text, error), message: 'not JSON' };
  }
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { prefixes?: unknown }).prefixes)) {
    return { ok: false, line: 1, message: 'not AWS ip-ranges.json: no "prefixes" list' };
  }
  const file = json as { prefixes: unknown[]; ipv6_prefixes?: unknown; createDate?: unknown; syncToken?: unknown };
  const date = isoOfCreateDate(file.createDate);
  if (!date) return { ok: false, line: null, message: 'not AWS ip-ranges.json: "createDate" is not YYYY-MM-DD-hh-mm-ss' };
  if (file.ipv6_prefixes !== undefined && !Array.isArray(file.ipv6_prefixes)) return { ok: false, line: null, message: '"ipv6_prefixes" is not a list' };
  const ranges: AwsRanges = { date, syncToken: typeof file.syncToken === 'string' ? file.syncToken : null, entries: 0, v4: new Map(), v6: new Map(), v4Lengths: [], v6Lengths: [] };
  for (const [key, field, list] of [['prefixes', 'ip_prefix', file.prefixes], ['ipv6_prefixes', 'ipv6_prefix', (file.ipv6_prefixes ?? []) as unknown[]]] as const) {
    for (let i = 0; i < list.length; i++) {
      const entry = list[i] as Record<string, unknown> | null;
      if (typeof entry !== 'object' || entry === null) return refuse(text, key, i, undefined, 'not an object');
      const cidr = entry[field];
      const valid = typeof cidr === 'string' && (key === 'prefixes' ? ipaddr.IPv4.isValidCIDRFourPartDecimal(cidr) : cidr.includes(':') && ipaddr.IPv6.isValidCIDR(cidr));
      if (!valid) return refuse(text, key, i, field, `"${field}" is not an ${key === 'prefixes' ? 'IPv4' : 'IPv6'} CIDR`);
      if (typeof entry.service !== 'string' || !serviceName.test(entry.service)) return refuse(text, key, i, 'service', '"service" is missing or not a service name');
      if (typeof entry.region !== 'string' || !regionName.test(entry.region)) return refuse(text, key, i, 'region', '"region" is missing or not a region name');
      const [address, length] = ipaddr.parseCIDR(cidr);
      const prefix = { service: entry.service, region: entry.region };
      if (address.kind() === 'ipv4') add(ranges.v4, length, maskV4((ipv4Key((address as ipaddr.IPv4).octets) as { value: number }).value, length), prefix);
      else add(ranges.v6, length, maskV6((ipv6Key((address as ipaddr.IPv6).parts) as { words: readonly number[] }).words, length), prefix);
      ranges.entries++;
    }
  }
  ranges.v4Lengths = [...ranges.v4.keys()].sort((a, b) => b - a);
  ranges.v6Lengths = [...ranges.v6.keys()].sort((a, b) => b - a);
  return { ok: true, value: ranges };
}

/** `AMAZON` lists every AWS address; a specific service (EC2, S3…) holding the address says more. */
const umbrella = 'AMAZON';

/**
 * The AWS range holding an address: the most specific prefix of a specific service, else the
 * most specific `AMAZON` one; null when AWS lists no prefix holding it.
 */
export function lookupAws(ranges: AwsRanges, key: IpKey): AwsPrefix | null {
  let fallback: AwsPrefix | null = null;
  const lengths = key.family === 4 ? ranges.v4Lengths : ranges.v6Lengths;
  for (const length of lengths) {
    const listed = key.family === 4 ? ranges.v4.get(length)!.get(maskV4(key.value, length)) : ranges.v6.get(length)!.get(maskV6(key.words, length));
    if (!listed) continue;
    const specific = listed.find((prefix) => prefix.service !== umbrella);
    if (specific) return specific;
    fallback ??= listed[0]!;
  }
  return fallback;
}
