import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { isTorExit, parseTorExits, torWindowMs } from '../../../shared/intel/tor-exits';
import type { TorExitList } from '../../../shared/intel/tor-exits';

const fixture = (name: string) => readFileSync(resolve('test/fixtures/intel', name), 'utf8');
const at = (iso: string) => Date.parse(iso);
const day = 24 * 3600 * 1000;

function parsed(text: string, listDate: number | null = null): TorExitList {
  const result = parseTorExits(text, listDate);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe("Tor's exit-addresses format", () => {
  const list = parsed(fixture('exit-addresses'));

  it('reads every ExitAddress with the time it was seen, and the time the list covers', () => {
    expect(list.format).toBe('exit-addresses');
    expect([...list.seen.keys()]).toEqual(['185.220.101.47', '192.42.116.16', '2a0b:f4c2:2::1']);
    expect(list.seen.get('192.42.116.16')).toEqual([at('2026-11-29T08:13:52Z'), at('2026-11-30T08:13:52Z')]);
    expect([list.from, list.to]).toEqual([at('2026-11-29T08:13:52Z'), at('2026-11-30T13:05:11Z')]);
  });

  it('counts an address as an exit at an event within the window of a sighting', () => {
    expect(isTorExit(list, '185.220.101.47', at('2026-11-30T09:00:00Z'))).toBe(true);
    expect(isTorExit(list, '185.220.101.47', at('2026-12-02T13:00:00Z'))).toBe(true);
  });

  it('says false for a listed address at a time the list covers but far from its sightings', () => {
    // Seen only on 2026-11-30 13:05; the list reaches back to 2026-11-29 08:13 (minus 2 days).
    expect(isTorExit(list, '185.220.101.47', at('2026-11-27T12:00:00Z'))).toBe(false);
  });

  it('says false for an address the list does not hold, inside the time it covers', () => {
    expect(isTorExit(list, '8.8.8.8', at('2026-11-30T10:00:00Z'))).toBe(false);
  });

  it('says null (unknown), not false, for an event outside the time the list covers', () => {
    expect(isTorExit(list, '185.220.101.47', at('2026-11-30T13:05:11Z') + torWindowMs + 1000)).toBeNull();
    expect(isTorExit(list, '8.8.8.8', at('2026-10-01T00:00:00Z'))).toBeNull();
    expect(isTorExit(list, '8.8.8.8', Number.NaN)).toBeNull();
  });

  it('refuses the whole file at a line that is not of the format, naming it', () => {
    expect(parseTorExits(fixture('exit-addresses-bad'), null)).toEqual({ ok: false, line: 7, message: 'not an IP address' });
    expect(parseTorExits(`${fixture('exit-addresses')}<html>\n`, null)).toEqual({ ok: false, line: 14, message: "not a line of Tor's exit-addresses format" });
  });
});

describe("Tor's bulk exit list (one address a line)", () => {
  const listDate = at('2026-11-30T12:00:00Z');
  const list = parsed(fixture('torbulkexitlist'), listDate);

  it('dates every address at the date of the list', () => {
    expect(list.format).toBe('address-list');
    expect([list.from, list.to]).toEqual([listDate, listDate]);
    expect(isTorExit(list, '2a0b:f4c2:2::1', listDate - day)).toBe(true);
    expect(isTorExit(list, '8.8.8.8', listDate + day)).toBe(false);
    expect(isTorExit(list, '192.42.116.16', listDate + 3 * day)).toBeNull();
  });

  it('reads spellings of one IPv6 address as the same address', () => {
    const spelled = parsed('2a0b:f4c2:0002:0000:0000:0000:0000:0001\n', listDate);
    expect([...spelled.seen.keys()]).toEqual(['2a0b:f4c2:2::1']);
  });

  it('needs the date the list was taken', () => {
    expect(parseTorExits(fixture('torbulkexitlist'), null)).toMatchObject({ ok: false, message: /needs the date/ });
  });

  it('refuses a file with one line that is not an address, naming the line', () => {
    expect(parseTorExits('185.220.101.47\n192.42.116.16\n<!doctype html>\n', listDate)).toEqual({ ok: false, line: 3, message: 'not an IP address' });
  });

  it('refuses an empty list rather than saying no address is an exit', () => {
    expect(parseTorExits('\n\n', listDate)).toMatchObject({ ok: false, message: /no address/ });
  });
});
