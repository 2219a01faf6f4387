import { accessRules } from './pack/access';
import { changeRules } from './pack/changes';
import { credentialRules } from './pack/credentials';
import { dataRules } from './pack/data';
import { destructionRules } from './pack/destruction';
import { discoveryRules } from './pack/discovery';
import { executionRules } from './pack/execution';
import { iamRules } from './pack/iam';
import { loggingRules } from './pack/logging';
import { monitoringRules } from './pack/monitoring';
import { networkRules } from './pack/network';
import { organizationRules } from './pack/organization';
import { resourcePolicyRules } from './pack/resource-policies';
import { s3Rules } from './pack/s3';
import { secretRules } from './pack/secrets';
import type { RulePack } from './rule';

/**
 * The built-in rule pack. Bump `version` whenever a rule is added, removed or changed: saved
 * investigations and tickets record it, so a flag can be traced to the rule that raised it.
 */
export const rulePack: RulePack = {
  version: '2026.12.2',
  rules: [
    ...loggingRules,
    ...monitoringRules,
    ...iamRules,
    ...credentialRules,
    ...networkRules,
    ...s3Rules,
    ...dataRules,
    ...resourcePolicyRules,
    ...secretRules,
    ...destructionRules,
    ...executionRules,
    ...changeRules,
    ...discoveryRules,
    ...accessRules,
    ...organizationRules,
  ],
};
