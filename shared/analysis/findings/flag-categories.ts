import type { AnalysisEvent } from '../analysis-event';
import { attackOf } from '../flags';
import { maxSeverity } from '../severity';
import type { FindingKind } from '../types';
import type { Detector } from './detector';
import type { FindingDraft } from './finding';
import { count, distinct, listOf, name, says } from './finding-text';

/** A finding that gathers the flags of some rule categories, as data. */
interface FlagGroup {
  kind: FindingKind;
  title: string;
  /** Rule categories whose flags it gathers (the pack's and those a broader pack may add). */
  categories: readonly string[];
  /** ATT&CK ids when the flags carry none. */
  attack: readonly string[];
  meaning: string;
}

export const flagGroups: readonly FlagGroup[] = [
  {
    kind: 'logging-tampering',
    title: 'Logging or monitoring turned off or changed',
    categories: ['logging-tampering', 'defense-evasion'],
    attack: ['T1562.008'],
    meaning: 'someone reduced what the account records or watches, which attackers do before acting',
  },
  {
    kind: 'privilege-escalation',
    title: 'Permissions raised',
    categories: ['privilege-change', 'privilege-escalation'],
    attack: ['T1098'],
    meaning: 'an identity gained permissions it did not have',
  },
  {
    kind: 'persistence',
    title: 'A way back in was created',
    categories: ['credential-creation', 'persistence'],
    attack: ['T1098.001', 'T1136.003'],
    meaning: 'new credentials, users or trust that outlive the session were created',
  },
  {
    kind: 'exfiltration',
    title: 'Data exposed or copied out',
    categories: ['s3-exposure', 'data-exposure', 'exfiltration'],
    attack: ['T1537', 'T1530'],
    meaning: 'data was made reachable from outside the account or shared with another',
  },
];

/** One finding per group that has flags, naming its events, as severe as its worst flag. */
export const detectFlagGroups: Detector = (events) => {
  const drafts: FindingDraft[] = [];
  for (const group of flagGroups) {
    const categories = new Set(group.categories);
    const hits: AnalysisEvent[] = [];
    const names: ReturnType<typeof name>[] = [];
    const attack = new Set<string>();
    let severity: FindingDraft['severity'] = 'info';
    for (const item of events) {
      const flags = item.flags.filter((flag) => categories.has(flag.category));
      if (flags.length === 0) continue;
      hits.push(item);
      names.push(name(item.event.eventName));
      for (const flag of flags) {
        severity = maxSeverity(severity, flag.severity);
        attackOf(flag).forEach((id) => attack.add(id));
      }
    }
    if (hits.length === 0) continue;
    drafts.push({
      kind: group.kind,
      severity,
      title: group.title,
      summary: says`${count(hits.length, 'flagged event')} (${listOf(distinct(names))}): ${group.meaning}.`,
      events: hits,
      attack: attack.size ? [...attack] : group.attack,
    });
  }
  return drafts;
};
