import type { RuleHit } from '../rules/types';
import type { AnalysisFlag } from './types';

/**
 * The MITRE ATT&CK ids of a rule hit. Rule packs without them (older saved packs) give none:
 * read loosely, so a hit without the field is an empty list, never a failure.
 */
export function attackOf(hit: RuleHit): string[] {
  const attack = (hit as { attack?: unknown }).attack;
  return Array.isArray(attack) ? attack.filter((id): id is string => typeof id === 'string') : [];
}

/** A rule hit in the shape `analyze` prints (DESIGN 2.6). */
export function toAnalysisFlag(hit: RuleHit): AnalysisFlag {
  return { ruleId: hit.ruleId, severity: hit.severity, category: hit.category, title: hit.title, reason: hit.reason, attack: attackOf(hit) };
}
