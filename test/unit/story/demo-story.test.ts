import { describe, expect, it } from 'vitest';

import { buildStory, mergeNextSteps } from '../../../shared/story/build-story';
import { sentenceText } from '../../../shared/story/types';
import { suggestNextSteps } from '../../../shared/ticket/next-steps';
import { collectFacts } from '../../../shared/ticket/facts';
import { flagEvent } from '../../../shared/rules/engine';
import { attacker, users } from '../../../main/services/demo/demo-identities';
import { demoAnalysis, jmoralesEvents } from './demo-fixture';

const events = jmoralesEvents();
const analysis = demoAnalysis(events);
const story = buildStory(events, { analysis });
const happened = story.happened.map(sentenceText);
const steps = story.nextSteps.map(sentenceText);
const signIn = events.find((event) => event.eventName === 'ConsoleLogin' && event.sourceIPAddress === attacker.ip)!;

function utcWords(time: number): string {
  const date = new Date(time);
  const month = date.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `On ${date.getUTCDate()} ${month} at ${date.toISOString().slice(11, 16)} UTC`;
}

describe("the demo's story", () => {
  it('opens with the sign-in: when (UTC), who, without MFA, from where, and that the address was new', () => {
    expect(happened[0]).toBe(
      `${utcWords(signIn.time)} jmorales signed in to the console without MFA from ${attacker.ip}, a Tor exit in Germany.`,
    );
    const days = Math.floor((signIn.time - events[0]!.time) / 86_400_000);
    expect(days).toBeGreaterThanOrEqual(10);
    expect(happened[1]).toBe(`It was an address this user had not used in the ${days} days before.`);
  });

  it('tells the key, the admin policy and the stopped trail in time order, within minutes of the sign-in', () => {
    const text = happened.join(' ');
    const order = [
      `second access key (${attacker.newAccessKeyId})`,
      'gave themselves AdministratorAccess',
      'stopped the management-events trail',
      'opened port 22 to the whole internet',
      'took on the role prod-admin',
      'read the secrets prod/orders/db-password and prod/payments/stripe-key',
      'created the user support-backup',
      `made calls from ${attacker.laterIp} (a Tor exit in the United States)`,
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(happened[2]).toMatch(/^Within 15 minutes they /);
    // The console page the attacker opened, told as the person's action (shared/console-actions).
    expect(happened[2]).toContain('opened S3 › Buckets');
  });

  it('never tells the routine work of the owner as part of the story', () => {
    expect(happened.join(' ')).not.toContain(users.jmorales.homeIp);
    expect(story.routine.map(sentenceText)[0]).toMatch(/^\d+ of the \d+ events were jmorales's usual work/);
    expect(story.routine.map(sentenceText)[1]).toContain(users.jmorales.homeIp);
  });

  it('has a title that says what it is', () => {
    expect(story.title).toBe(
      'possible compromise of jmorales: console sign-in without MFA from a new network, admin granted, logging stopped',
    );
  });

  it('says what was new: both Tor exits and the Kali agent', () => {
    const unusual = story.unusual.map(sentenceText).join('\n');
    expect(unusual).toContain(`${attacker.ip} is a Tor exit in Germany`);
    expect(unusual).toContain(`${attacker.laterIp} is a Tor exit in the United States`);
    expect(unusual).toContain(attacker.cliUserAgent);
  });

  it('lists the resources touched by name', () => {
    const byKind = Object.fromEntries(story.resources.map((entry) => [entry.kind, entry.values]));
    expect(byKind['Access keys created']).toEqual([attacker.newAccessKeyId]);
    expect(byKind['Secrets read']).toEqual(['prod/orders/db-password', 'prod/payments/stripe-key']);
    expect(byKind['Users created']).toEqual(['support-backup']);
    expect(byKind['Ports opened']).toEqual(['22']);
    expect(byKind['Security groups opened']).toEqual(['sg-0a7c3e19d2b4f6a81']);
    expect(byKind['Policies given']).toEqual(['AdministratorAccess']);
    expect(byKind['Role sessions']).toEqual([attacker.roleSessionName]);
  });

  it('suggests each next step once, most urgent first, naming the exact key, trail, policy, secrets and sessions', () => {
    expect(new Set(steps).size).toBe(steps.length);
    expect(steps[0]).toBe('Start logging again on the trail management-events and check its settings.');
    expect(steps[1]).toContain(`Deactivate and delete the new access key ${attacker.newAccessKeyId}`);
    expect(steps).toContain(`Revoke the active sessions of the role prod-admin (session ${attacker.roleSessionName}).`);
    expect(steps.some((step) => step.includes(attacker.sessionTokenKeyId))).toBe(true);
    expect(steps).toContain('Remove AdministratorAccess from jmorales.');
    expect(steps).toContain('Rotate the secrets prod/orders/db-password and prod/payments/stripe-key.');
    expect(steps).toContain('Close port 22 on the security group sg-0a7c3e19d2b4f6a81.');
    expect(steps.at(-1)).toBe('Ask jmorales whether any of this was them.');
  });

  it("never suggests deactivating the owner's own key, even merged with the rule pack's steps", () => {
    const facts = collectFacts(events, flagEvent);
    const others = suggestNextSteps(events, facts);
    expect(others.some((step) => step.includes(users.jmorales.accessKeyId))).toBe(true);
    expect(story.usualKeys).toEqual([users.jmorales.accessKeyId]);
    const merged = mergeNextSteps(story, others);
    expect(merged.some((step) => step.includes(users.jmorales.accessKeyId))).toBe(false);
    expect(merged.filter((step) => step.includes(attacker.newAccessKeyId))).toHaveLength(1);
    expect(merged.filter((step) => step.includes('management-events'))).toHaveLength(1);
    expect(merged.at(-1)).toBe('Ask jmorales whether any of this was them.');
  });

  it('keeps the same sentence ids without an analysis (the host builds the ticket without one)', () => {
    const plain = buildStory(events);
    expect(plain.happened.map((sentence) => sentence.id)).toEqual(story.happened.map((sentence) => sentence.id));
    expect(sentenceText(plain.happened[0]!)).toBe(
      `${utcWords(signIn.time)} jmorales signed in to the console without MFA from ${attacker.ip}.`,
    );
  });
});
