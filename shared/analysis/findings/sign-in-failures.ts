import type { AnalysisEvent } from '../analysis-event';
import { findBursts } from './bursts';
import type { Detector } from './detector';
import type { FindingDraft } from './finding';
import { groupBy } from './finding';
import { address, count, distinct, listOf, name, says } from './finding-text';

/** Spraying: failures for this many users from one address within the window; guessing: this many for one user. */
export const signInLimits = { windowMs: 60 * 60_000, sprayUsers: 3, guesses: 5 };

/** What CloudTrail writes for a user name it will not reveal (the name typed did not exist). */
const hiddenUser = 'HIDDEN_DUE_TO_SECURITY_REASONS';

function consoleResult(item: AnalysisEvent): string {
  const response = item.event.record?.responseElements;
  const value = response && typeof response === 'object' ? (response as Record<string, unknown>).ConsoleLogin : undefined;
  return typeof value === 'string' ? value : '';
}

/** A console sign-in that failed (CloudTrail writes Failure, or an error message without Success). */
export function isFailedSignIn(item: AnalysisEvent): boolean {
  return item.event.eventName === 'ConsoleLogin' && (consoleResult(item) === 'Failure' || (item.event.errorMessage !== '' && consoleResult(item) !== 'Success'));
}

function isSuccessfulSignIn(item: AnalysisEvent): boolean {
  return item.event.eventName === 'ConsoleLogin' && consoleResult(item) === 'Success' && !item.event.errorCode;
}

/** The user a sign-in was for; every hidden name is one unknown user. */
function userOf(item: AnalysisEvent): string {
  const name = item.event.record?.userIdentity?.userName;
  return typeof name === 'string' && name ? name : item.event.actor;
}

/** Successful sign-ins after the first of the failures that match. */
function laterSuccesses(events: readonly AnalysisEvent[], failures: readonly AnalysisEvent[], same: (item: AnalysisEvent) => boolean): AnalysisEvent[] {
  const first = failures[0]!.event.time;
  return events.filter((item) => isSuccessfulSignIn(item) && item.event.time >= first && same(item));
}

/**
 * Failed console sign-ins: one address trying several users (password spraying), or one user
 * failing many times (password guessing); worse when a success follows.
 */
export const detectSignInFailures: Detector = (events, context) => {
  const failures = context.timed.filter(isFailedSignIn);
  if (failures.length === 0) return [];
  const drafts: FindingDraft[] = [];
  for (const [from, fromAddress] of groupBy(failures, ({ event }) => event.sourceIPAddress)) {
    for (const burst of findBursts(fromAddress, {
      timeOf: ({ event }) => event.time,
      windowMs: signInLimits.windowMs,
      keys: [userOf],
      qualifies: ({ distinct }) => distinct[0]! >= signInLimits.sprayUsers,
    })) {
      const users = distinct(burst.map(userOf).map((user) => (user === hiddenUser ? 'an unknown user' : name(user))));
      const successes = laterSuccesses(events, burst, ({ event }) => event.sourceIPAddress === from);
      drafts.push({
        kind: 'password-spraying',
        severity: successes.length ? 'critical' : 'high',
        title: `Password spraying from ${address(from)}`,
        summary: says`${count(burst.length, 'failed console sign-in')} from ${address(from)} for ${count(new Set(burst.map(userOf)).size, 'user')} (${listOf(users)}) within an hour: one address trying passwords across users${successes.length ? `, then ${count(successes.length, 'successful sign-in')} from it` : ''}.`,
        events: [...burst, ...successes],
        attack: successes.length ? ['T1110.003', 'T1078.004'] : ['T1110.003'],
      });
    }
  }
  for (const [user, forUser] of groupBy(failures, userOf)) {
    if (user === hiddenUser) continue;
    for (const burst of findBursts(forUser, { timeOf: ({ event }) => event.time, windowMs: signInLimits.windowMs, qualifies: ({ size }) => size >= signInLimits.guesses })) {
      const addresses = [...new Set(burst.map(({ event }) => address(event.sourceIPAddress)))];
      const successes = laterSuccesses(events, burst, (item) => userOf(item) === user);
      drafts.push({
        kind: 'repeated-sign-in-failures',
        severity: successes.length ? 'high' : 'medium',
        title: 'Repeated sign-in failures for one user',
        summary: says`${count(burst.length, 'failed console sign-in')} for ${name(user)} within an hour from ${listOf(addresses)}${successes.length ? `, then ${count(successes.length, 'successful sign-in')}` : ''}: someone guessing the password, or an owner who forgot it.`,
        events: [...burst, ...successes],
        attack: ['T1110.001'],
      });
    }
  }
  return drafts;
};
