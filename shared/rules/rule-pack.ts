import { accessRules } from './pack/access';
import { dataRules } from './pack/data';
import { executionRules } from './pack/execution';
import { iamRules } from './pack/iam';
import { loggingRules } from './pack/logging';
import { networkRules } from './pack/network';
import type { RulePack } from './rule';

/**
 * The built-in rule pack. Bump `version` whenever a rule is added, removed or changed: saved
 * investigations and tickets record it, so a flag can be traced to the rule that raised it.
 */
export const rulePack: RulePack = {
  version: '2026.11.1',
  rules: [...loggingRules, ...iamRules, ...networkRules, ...accessRules, ...dataRules, ...executionRules],
};
