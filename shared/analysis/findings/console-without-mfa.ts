import type { Detector } from './detector';
import { address, count, distinct, listOf, name, says } from './finding-text';

/**
 * Successful console sign-ins of an IAM user or the root user without MFA. Federated and SSO
 * sign-ins (assumed roles) are left out: their MFA happens at the identity provider.
 */
export const detectConsoleWithoutMfa: Detector = (events) => {
  const hits = events.filter(({ event }) => {
    if (event.eventName !== 'ConsoleLogin' || event.errorCode) return false;
    const record = event.record;
    const response = record?.responseElements as { ConsoleLogin?: unknown } | null | undefined;
    const additional = record?.additionalEventData as { MFAUsed?: unknown } | null | undefined;
    return response?.ConsoleLogin === 'Success' && additional?.MFAUsed === 'No' && (event.identityType === 'IAMUser' || event.identityType === 'Root');
  });
  if (hits.length === 0) return [];
  const root = hits.some(({ event }) => event.identityType === 'Root');
  const users = distinct(hits.map(({ event }) => (event.identityType === 'Root' ? 'the root user' : name(event.actor))));
  const addresses = [...new Set(hits.map(({ event }) => address(event.sourceIPAddress)))];
  return [
    {
      kind: 'console-without-mfa',
      severity: root ? 'critical' : 'high',
      title: 'Console sign-in without MFA',
      summary: says`${count(hits.length, 'console sign-in')} without MFA by ${listOf(users)} from ${listOf(addresses)}: a password alone opened the console, so a stolen or guessed password is enough.`,
      events: hits,
      attack: ['T1078.004'],
    },
  ];
};
