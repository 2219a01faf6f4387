import { statementsOf, wildcardMatch } from './statements';
import type { PolicyInput } from './statements';

export interface ServiceUsage {
  /** Service prefixes the Allow statements reach (`s3`, `iam`…); `*` statements reach every known one. */
  granted: string[];
  /** Services with activity: IAM's last-accessed data or the fetched events' eventSource. */
  used: string[];
  /** Granted and never seen used: permissions to consider removing (or a first use to look at). */
  neverUsed: string[];
}

/** `iam.amazonaws.com` → `iam`; `signin.amazonaws.com` → `signin`. */
export const serviceOfEventSource = (eventSource: string) => eventSource.replace(/\.amazonaws\.com$/, '').toLowerCase();

/**
 * The services the identity's policies grant against those it used. Services last accessed lists
 * exactly the services the policies grant (with a last use or none); the statements and the
 * catalogue's service keys fill in when that job could not be read.
 */
export function compareUsage(input: {
  policies: PolicyInput[];
  serviceKeys: string[];
  lastAccessed: { serviceNamespace: string; lastAuthenticated: string | null }[] | null;
  eventSources: string[];
}): ServiceUsage {
  const granted = new Set<string>();
  for (const statement of input.policies.flatMap(statementsOf)) {
    if (statement.effect !== 'Allow') continue;
    if (statement.action) {
      for (const pattern of statement.action) {
        const service = pattern === '*' ? '*' : pattern.split(':')[0]!.toLowerCase();
        if (!service.includes('*') && !service.includes('?')) granted.add(service);
        else for (const key of input.serviceKeys) if (wildcardMatch(service, key)) granted.add(key);
      }
    } else {
      const excluded = new Set(statement.notAction!.filter((pattern) => /^[\w-]+:\*$/.test(pattern)).map((pattern) => pattern.split(':')[0]!.toLowerCase()));
      for (const key of input.serviceKeys) if (!excluded.has(key)) granted.add(key);
    }
  }
  for (const service of input.lastAccessed ?? []) granted.add(service.serviceNamespace.toLowerCase());
  const used = new Set(input.eventSources.map(serviceOfEventSource));
  for (const service of input.lastAccessed ?? []) if (service.lastAuthenticated) used.add(service.serviceNamespace.toLowerCase());
  const sorted = (values: Iterable<string>) => [...values].sort();
  return { granted: sorted(granted), used: sorted(used), neverUsed: sorted([...granted].filter((service) => !used.has(service))) };
}
