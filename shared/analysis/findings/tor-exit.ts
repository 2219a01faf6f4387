import type { Detector } from './detector';
import { address, count, listOf, says } from './finding-text';

/** Calls from an address that was a Tor exit at the time of the call (Tor's exit list). */
export const detectTorExits: Detector = (events, context) => {
  if (!context.has('tor-exits')) {
    if (events.some(({ intel }) => intel.kind === 'public'))
      context.note('Whether any address was a Tor exit is unknown: no Tor exit list is loaded (trailcase intel import --tor-exits FILE).');
    return [];
  }
  const hits = events.filter(({ intel }) => intel.tor === true);
  if (hits.length === 0) return [];
  const addresses = [...new Set(hits.map(({ event }) => address(event.sourceIPAddress)))];
  const signIns = hits.filter(({ event }) => event.eventName === 'ConsoleLogin').length;
  const writes = hits.filter(({ event }) => event.readOnly === false && !event.errorCode).length;
  const what = [signIns ? count(signIns, 'console sign-in') : '', writes ? count(writes, 'successful change') : ''].filter(Boolean);
  return [
    {
      kind: 'tor-exit',
      severity: 'high',
      title: 'Calls through Tor',
      summary: says`${count(hits.length, 'event')} came from ${count(addresses.length, 'Tor exit address', 'Tor exit addresses')} (${listOf(addresses)}), each listed as an exit at the time of the call${what.length ? says`, ${listOf(what)} among them` : ''}. Tor hides where the caller is; an account's owner rarely works through it.`,
      events: hits,
      attack: ['T1090.003'],
    },
  ];
};
