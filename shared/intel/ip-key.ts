import ipaddr from 'ipaddr.js';

/**
 * Addresses as numbers, for sorted range tables: IPv4 as one unsigned 32-bit number, IPv6 as four
 * (most significant first), so that both compare with a few integer comparisons.
 */
export type IpKey = { family: 4; value: number } | { family: 6; words: readonly [number, number, number, number] };

/** The key of an IPv4 address given as four octets. */
export function ipv4Key(octets: readonly number[]): IpKey {
  return { family: 4, value: ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0 };
}

/** The key of an IPv6 address given as eight 16-bit parts. */
export function ipv6Key(parts: readonly number[]): IpKey {
  const word = (i: number) => ((parts[i]! << 16) | parts[i + 1]!) >>> 0;
  return { family: 6, words: [word(0), word(2), word(4), word(6)] };
}

/** The key of a parsed address. */
export function keyOf(address: ipaddr.IPv4 | ipaddr.IPv6): IpKey {
  return address.kind() === 'ipv4' ? ipv4Key((address as ipaddr.IPv4).octets) : ipv6Key((address as ipaddr.IPv6).parts);
}

/**
 * Parses an address in its strict textual forms only: four-part dotted decimal for IPv4 (ipaddr's
 * lenient parser would read `1` or `0x7f.1` as addresses), standard notation for IPv6.
 */
export function parseStrict(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (text.includes(':') && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
  return null;
}

/** Compares two IPv6 keys stored at offsets of flat word arrays (4 words an address). */
export function compareWords(a: ArrayLike<number>, aAt: number, b: ArrayLike<number>, bAt: number): number {
  for (let i = 0; i < 4; i++) {
    const d = a[aAt + i]! - b[bAt + i]!;
    if (d !== 0) return d;
  }
  return 0;
}
