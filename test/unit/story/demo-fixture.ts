import { analyzeRecords } from '../../../shared/analysis/analyze';
import type { Analysis } from '../../../shared/analysis/types';
import { createUnknownEnricher } from '../../../shared/analysis/unknown-enricher';
import type { IpEnricher } from '../../../shared/intel/types';
import { normalizeEvent } from '../../../shared/records/normalize';
import type { NormalizedEvent } from '../../../shared/records/types';
import { demoAccount, demoAnchor } from '../../../main/services/demo/demo-account';
import { attacker } from '../../../main/services/demo/demo-identities';
import { withDemoTorExits } from '../../../main/services/demo/demo-intel';

/** jmorales's records as a fetch that follows the sessions returns them, in time order. */
export function jmoralesEvents(): NormalizedEvent[] {
  const keys = new Set([attacker.roleSessionKeyId, attacker.sessionTokenKeyId, attacker.newAccessKeyId]);
  return [...demoAccount(demoAnchor()).byRegion.values()]
    .flat()
    .filter((event) => event.username === 'jmorales' || (event.accessKeyId !== null && keys.has(event.accessKeyId)))
    .sort((a, b) => a.time - b.time)
    .map((event) => normalizeEvent(event.raw));
}

/** Countries for the attacker's two exits, the demo's Tor list for the rest. */
function demoEnricher(): IpEnricher {
  const base = createUnknownEnricher();
  const countries: Record<string, string> = { [attacker.ip]: 'DE', [attacker.laterIp]: 'US' };
  return withDemoTorExits({
    lookup: (address, at) => {
      const intel = base.lookup(address, at);
      return Object.hasOwn(countries, address) ? { ...intel, country: countries[address]! } : intel;
    },
    datasets: () => base.datasets(),
  });
}

/** The demo's analysis, as the app's host runs it. */
export function demoAnalysis(events: readonly NormalizedEvent[]): Analysis {
  return analyzeRecords(events, { enricher: demoEnricher() });
}
