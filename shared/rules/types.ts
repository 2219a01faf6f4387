/** Severity of a risk flag, lowest to highest. */
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

/** Risk categories the rule pack sorts flags into. */
export type RiskCategory =
  | 'logging-tampering'
  | 'privilege-change'
  | 'credential-creation'
  | 'identity-deletion'
  | 'network-exposure'
  | 'console-login'
  | 'access-denied'
  | 'reconnaissance'
  | 'root-use'
  | 's3-exposure'
  | 'kms'
  | 'secret-access'
  | 'execution'
  | 'destructive'
  | 'data-exposure'
  | 'exfiltration'
  | 'organization'
  | 'attack-tool';

/** One rule's verdict on one event: which rule, how bad, and why in words. */
export interface RuleHit {
  ruleId: string;
  title: string;
  severity: Severity;
  category: RiskCategory;
  /** Plain-language reason naming the fields that matched. */
  reason: string;
  /** A suggested next step for the ticket (may be empty). */
  nextStep: string;
  /** MITRE ATT&CK technique ids of the behaviour (`T1562.008`, `T1098.001`). */
  attack: string[];
}
