import { describe, expect, it } from 'vitest';

import { analyzeRecords } from '../../../shared/analysis/analyze';
import { createUnknownEnricher } from '../../../shared/analysis/unknown-enricher';
import { normalizeEvent } from '../../../shared/records/normalize';
import { demoAccount, demoAnchor } from '../../../main/services/demo/demo-account';
import { attacker } from '../../../main/services/demo/demo-identities';
import { demoTorDataset, isDemoAccount, withDemoTorExits } from '../../../main/services/demo/demo-intel';
import { fakeEnricher, kinds } from './analysis-fixtures';

/** jmorales's records as a fetch that follows the sessions would return them. */
function jmoralesEvents() {
  const keys = new Set([attacker.roleSessionKeyId, attacker.sessionTokenKeyId, attacker.newAccessKeyId]);
  return [...demoAccount(demoAnchor()).byRegion.values()]
    .flat()
    .filter((event) => event.username === 'jmorales' || (event.accessKeyId !== null && keys.has(event.accessKeyId)))
    .sort((a, b) => a.time - b.time)
    .map((event) => normalizeEvent(event.raw));
}

describe("the demo story's analysis", () => {
  const events = jmoralesEvents();
  const countries = fakeEnricher({ [attacker.ip]: { country: 'DE' }, [attacker.laterIp]: { country: 'US' } }, ['ip-country']);
  const analysis = analyzeRecords(events, { enricher: withDemoTorExits(countries) });

  it('shows the Tor exits, the Kali agent, the recon burst, impossible travel and the flags of the story', () => {
    expect(new Set(kinds(analysis))).toEqual(
      new Set(['tor-exit', 'pentest-tool', 'impossible-travel', 'recon-burst', 'console-without-mfa', 'logging-tampering', 'privilege-escalation', 'persistence']),
    );
    expect(analysis.findings.find((finding) => finding.kind === 'pentest-tool')!.title).toBe('Kali Linux in the user agent');
    expect(analysis.findings.find((finding) => finding.kind === 'impossible-travel')!.title).toBe('Impossible travel: DE and US');
    expect(analysis.sources.filter((source) => source.tor === true).map((source) => source.ip).sort()).toEqual([attacker.laterIp, attacker.ip].sort());
  });

  it("names the demo's Tor list as the demo's own data", () => {
    expect(analysis.datasets).toContainEqual(demoTorDataset);
    expect(demoTorDataset.name).toMatch(/demo/);
  });

  it('is told apart from other accounts by its account id', () => {
    expect(isDemoAccount(events)).toBe(true);
    expect(isDemoAccount([normalizeEvent({ eventName: 'ListUsers', recipientAccountId: '111122223333' })])).toBe(false);
    expect(isDemoAccount([])).toBe(false);
  });

  it('leaves every other address as the underlying data has it', () => {
    const plain = withDemoTorExits(createUnknownEnricher());
    expect(plain.lookup('81.2.69.160', 0).tor).toBeNull();
    expect(plain.lookup(attacker.ip, 0).tor).toBe(true);
  });

  it('finds nothing spanning events in an ordinary user of the demo', () => {
    const priya = [...demoAccount(demoAnchor()).byRegion.values()]
      .flat()
      .filter((event) => event.username === 'priya.shah')
      .map((event) => normalizeEvent(event.raw));
    expect(kinds(analyzeRecords(priya, { enricher: withDemoTorExits(countries) }))).toEqual([]);
  });
});
