import type ipaddr from 'ipaddr.js';

import { keyOf, parseStrict } from './ip-key';
import type { IpKey } from './ip-key';
import type { AddressKind } from './types';

/** What `sourceIPAddress` holds, and for a public address the key to look it up by. */
export type ClassifiedAddress = { kind: Exclude<AddressKind, 'public'> } | { kind: 'public'; key: IpKey; address: ipaddr.IPv4 | ipaddr.IPv6 };

/** IPv4 ranges of ipaddr.js that are routed on the internet; every other range is not public. */
const publicV4Ranges: ReadonlySet<string> = new Set(['unicast']);
/** IPv6 ranges that are global: plain unicast, and the tunnels that carry a public IPv4 address. */
const publicV6Ranges: ReadonlySet<string> = new Set(['unicast', 'teredo', '6to4']);

/** A DNS name such as `signin.amazonaws.com`: how CloudTrail names a service that made a call. */
const serviceName = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;

/**
 * Labels a `sourceIPAddress` value (attacker-controlled text) without looking it up: private
 * ranges, `AWS Internal` and service names are said to be what they are, never sent to a data set
 * as if they were places on the internet. IPv4-mapped IPv6 (`::ffff:a.b.c.d`) is its IPv4 address.
 */
export function classifyAddress(value: string): ClassifiedAddress {
  const text = value.trim();
  if (text === '' || text.length > 253) return { kind: 'invalid' };
  if (/^aws internal$/i.test(text)) return { kind: 'aws-internal' };
  let address = parseStrict(text);
  if (!address) return serviceName.test(text) ? { kind: 'service' } : { kind: 'invalid' };
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) address = (address as ipaddr.IPv6).toIPv4Address();
  const publicRanges = address.kind() === 'ipv4' ? publicV4Ranges : publicV6Ranges;
  if (!publicRanges.has(address.range())) return { kind: 'private' };
  return { kind: 'public', key: keyOf(address), address };
}
