import type { Condition } from './condition';
import type { RiskCategory, Severity } from './types';

/** A public detection rule a Trailcase rule follows, by its own catalogue's name. */
export interface RuleReference {
  source: 'SigmaHQ' | 'Panther' | 'Elastic' | 'Datadog' | 'Splunk' | 'Stratus Red Team' | 'TrailDiscover';
  name: string;
}

/**
 * One rule of the pack, as data. `reason` is a template: `{path}` is replaced by the record's
 * value at that path (shortened), so the analyst sees which field matched and what it held.
 */
export interface RiskRule {
  id: string;
  title: string;
  severity: Severity;
  category: RiskCategory;
  when: Condition;
  reason: string;
  nextStep: string;
  /** MITRE ATT&CK (Enterprise, cloud) technique ids, most specific first: `T1562.008`, `T1098.001`. */
  attack: readonly string[];
  references: readonly RuleReference[];
}

/** A versioned set of rules; the version changes whenever a rule is added, removed or changed. */
export interface RulePack {
  version: string;
  rules: readonly RiskRule[];
}
