import type { RuleHit } from '../rules/types';
import type { AnalysisFlag } from './types';

/**
 * The MITRE ATT&CK ids of a rule hit. Rule packs without them (older saved packs) give none:
 * read loosely, so a hit without the field is an empty list, never a failure.
 */
export function attackOf(hit: RuleHit): string[] {
  const attack = (hit as { attack?: unknown }).attack;
  if (!Array.isArray(attack)) return [];
  // Each hit has its own list (the engine copies the rule's): kept as it is when it holds only ids.
  return attack.every((id) => typeof id === 'string') ? (attack as string[]) : attack.filter((id): id is string => typeof id === 'string');
}

/** A rule hit in the shape `analyze` prints (DESIGN 2.6). */
export function toAnalysisFlag(hit: RuleHit): AnalysisFlag {
  return { ruleId: hit.ruleId, severity: hit.severity, category: hit.category, title: hit.title, reason: hit.reason, attack: attackOf(hit) };
}
