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
    title: 'Data exposed, shared or copied out',
    categories: ['s3-exposure', 'data-exposure', 'exfiltration'],
    attack: ['T1537', 'T1530'],
    meaning: 'data was made public, shared with another account, copied or exported, or its protection weakened, in ways that let it leave the account',
  },
];

interface Gathered {
  hits: AnalysisEvent[];
  names: Set<string>;
  attack: Set<string>;
  severity: FindingDraft['severity'];
}

const groupOf = new Map(flagGroups.flatMap((group) => group.categories.map((category) => [category, group] as const)));

/** One finding per group that has flags, naming its events, as severe as its worst flag. One pass over the events. */
export const detectFlagGroups: Detector = (events) => {
  const gathered = new Map<FlagGroup, Gathered>();
  for (const item of events) {
    for (const flag of item.flags) {
      const group = groupOf.get(flag.category);
      if (!group) continue;
      let into = gathered.get(group);
      if (!into) gathered.set(group, (into = { hits: [], names: new Set(), attack: new Set(), severity: 'info' }));
      if (into.hits.at(-1) !== item) {
        into.hits.push(item);
        into.names.add(item.event.eventName);
      }
      into.severity = maxSeverity(into.severity, flag.severity);
      attackOf(flag).forEach((id) => into.attack.add(id));
    }
  }
  return flagGroups.flatMap((group) => {
    const into = gathered.get(group);
    if (!into) return [];
    return [
      {
        kind: group.kind,
        severity: into.severity,
        title: group.title,
        summary: says`${count(into.hits.length, 'flagged event')} (${listOf(distinct([...into.names].map(name)))}): ${group.meaning}.`,
        events: into.hits,
        attack: into.attack.size ? [...into.attack] : group.attack,
      },
    ];
  });
};
