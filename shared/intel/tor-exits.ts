import type ipaddr from 'ipaddr.js';

import { parseStrict } from './ip-key';
import type { ParseResult } from './parse-result';

/**
 * Tor exit addresses with the times they were seen as exits. Tor's `exit-addresses` gives each
 * address's last-seen time; the bulk list (one address a line) gives only the list's date.
 */
export interface TorExitList {
  format: 'exit-addresses' | 'address-list';
  /** Canonical address → times seen (ms), ascending. */
  seen: Map<string, number[]>;
  /** The earliest and latest time in the list (ms). */
  from: number;
  to: number;
}

/**
 * How far from a sighting an event still counts (2 days either side): exit relays come and go
 * over days, and a list is a snapshot. Outside the list's time ± this window the answer is null
 * (unknown), never "not Tor".
 */
export const torWindowMs = 2 * 24 * 3600 * 1000;

/** The canonical text of an address (IPv4-mapped IPv6 as its IPv4), so that spellings compare equal. */
export function canonicalAddress(address: ipaddr.IPv4 | ipaddr.IPv6): string {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) return (address as ipaddr.IPv6).toIPv4Address().toString();
  return address.toString();
}

const exitAddressLine = /^ExitAddress (\S+) (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;
const knownExitLines = /^(ExitNode [0-9A-F]{40}|Published \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}|LastStatus \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})$/;

/** Dates in Tor's lists are UTC `YYYY-MM-DD HH:MM:SS`. */
function parseUtc(day: string, time: string): number {
  return Date.parse(`${day}T${time}Z`);
}

/**
 * Reads Tor's exit list in either format. `listDateMs` is the date of a plain list (its download
 * or file time); `exit-addresses` carries its own times. One line that is neither an address nor
 * a known `exit-addresses` line refuses the whole file, naming the line.
 */
export function parseTorExits(text: string, listDateMs: number | null): ParseResult<TorExitList> {
  const lines = text.split('\n');
  const format = lines.some((line) => line.startsWith('ExitNode ')) ? 'exit-addresses' : 'address-list';
  if (format === 'address-list' && (listDateMs === null || !Number.isFinite(listDateMs))) return { ok: false, line: null, message: 'a plain exit list needs the date it was taken' };
  const seen = new Map<string, number[]>();
  let from = Infinity;
  let to = -Infinity;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '').trim();
    if (line === '' || (format === 'address-list' && line.startsWith('#'))) continue;
    let addressText = line;
    let at = listDateMs!;
    if (format === 'exit-addresses') {
      if (knownExitLines.test(line)) continue;
      const match = exitAddressLine.exec(line);
      if (!match) return { ok: false, line: i + 1, message: 'not a line of Tor\'s exit-addresses format' };
      addressText = match[1]!;
      at = parseUtc(match[2]!, match[3]!);
      if (!Number.isFinite(at)) return { ok: false, line: i + 1, message: 'not a date' };
    }
    const address = parseStrict(addressText);
    if (!address) return { ok: false, line: i + 1, message: 'not an IP address' };
    const key = canonicalAddress(address);
    const times = seen.get(key);
    if (times) times.push(at);
    else seen.set(key, [at]);
    from = Math.min(from, at);
    to = Math.max(to, at);
  }
  if (seen.size === 0) return { ok: false, line: null, message: 'the list holds no address' };
  for (const times of seen.values()) times.sort((a, b) => a - b);
  return { ok: true, value: { format, seen, from, to } };
}

/** Whether the address was a Tor exit at `atMs`: null when the list does not cover that time. */
export function isTorExit(list: TorExitList, canonical: string, atMs: number, windowMs = torWindowMs): boolean | null {
  if (!Number.isFinite(atMs) || atMs < list.from - windowMs || atMs > list.to + windowMs) return null;
  const times = list.seen.get(canonical);
  if (!times) return false;
  let lo = 0;
  let hi = times.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < atMs) lo = mid + 1;
    else hi = mid - 1;
  }
  const nearest = Math.min(lo < times.length ? times[lo]! - atMs : Infinity, hi >= 0 ? atMs - times[hi]! : Infinity);
  return nearest <= windowMs;
}
