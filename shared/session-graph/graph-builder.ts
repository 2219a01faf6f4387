import type { NormalizedEvent } from '../records/types';
import { accountOfArn, nameOfArn } from './issuance';
import type { Issuance } from './issuance';
import type { SessionEdgeKind, SessionGraphEdge, SessionGraphNode, SessionNodeKind } from './types';

/** A node while the graph is built: its own key and its own calls without a key. */
export type Draft = Omit<SessionGraphNode, 'accessKeyIds' | 'eventCount' | 'firstSeen' | 'lastSeen' | 'flaggedCount' | 'topSeverity'> & {
  ownKey: string;
  keyless: NormalizedEvent[];
};

/** The account most of the identity's own calls (as a user or root) name, else of all calls. */
export function homeAccountOf(events: readonly NormalizedEvent[]): string {
  const counts = new Map<string, number>();
  const own = events.filter((e) => e.identityType === 'IAMUser' || e.identityType === 'Root');
  for (const e of own.length > 0 ? own : events) if (e.accountId) counts.set(e.accountId, (counts.get(e.accountId) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

function identityText(event: NormalizedEvent, key: string): string {
  const value = event.record?.userIdentity?.[key];
  return typeof value === 'string' ? value : '';
}

/** Builds the graph one node at a time; every method is idempotent on its id. */
export class GraphBuilder {
  readonly nodes = new Map<string, Draft>();
  readonly edges = new Map<string, SessionGraphEdge>();
  private readonly building = new Set<string>();

  constructor(
    readonly homeAccountId: string,
    private readonly byKey: Map<string, NormalizedEvent[]>,
    private readonly issuances: Map<string, Issuance>,
  ) {}

  private node(id: string, kind: SessionNodeKind, label: string, detail: string, ownKey = ''): string {
    if (!this.nodes.has(id)) this.nodes.set(id, { id, kind, label, detail, ownKey, keyless: [] });
    return id;
  }

  edge(from: string, to: string, kind: SessionEdgeKind, label = ''): void {
    if (from !== to && !this.edges.has(`${from}\n${to}`)) this.edges.set(`${from}\n${to}`, { from, to, kind, label });
  }

  /** The identity that acted without a key (or owns a long-term key); null for AWS services. */
  principal(event: NormalizedEvent): string | null {
    const type = event.identityType;
    if (type === 'AWSService' || type === '') return null;
    if (type === 'AssumedRole') return event.sessionIssuer ? this.role(event.sessionIssuer) : null;
    const userName = identityText(event, 'userName');
    if (type === 'IAMUser' || type === 'Root') {
      const id = event.arn || userName;
      if (!id) return null;
      const label = type === 'Root' ? 'root' : userName || nameOfArn(id);
      return this.node(`user:${id}`, 'user', label, type === 'Root' ? `root of ${event.accountId}` : `IAM user in ${event.accountId}`);
    }
    const id = event.arn || identityText(event, 'principalId') || userName;
    if (!id) return null;
    return this.node(`principal:${id}`, 'principal', userName || nameOfArn(id), `${type} principal`);
  }

  role(arn: string): string {
    const account = accountOfArn(arn);
    const id = this.node(`role:${arn}`, 'role', nameOfArn(arn), account ? `role in ${account}` : 'role');
    if (account && account !== this.homeAccountId) this.edge(id, this.account(account), 'in-account');
    return id;
  }

  account(accountId: string): string {
    return this.node(`account:${accountId}`, 'account', accountId, 'other account');
  }

  /** The node of an access key: a long-term key under its user, or a session under what issued it. */
  credential(key: string): string {
    const sample = this.byKey.get(key)?.[0];
    const issued = this.issuances.get(key);
    const longTerm = key.startsWith('AKIA') || (!key.startsWith('ASIA') && sample?.identityType === 'IAMUser');
    const id = `${longTerm ? 'key' : 'session'}:${key}`;
    if (this.nodes.has(id) || this.building.has(id)) return id;
    this.building.add(id);
    if (longTerm) {
      this.node(id, 'access-key', key, 'long-term access key', key);
      const owner = sample ? this.principal(sample) : null;
      if (owner) this.edge(owner, id, 'has-key');
    } else if (issued) {
      const name = issued.sessionName ? ` · ${issued.sessionName}` : '';
      this.node(id, 'session', key, `${issued.event.eventName}${name}`, key);
      const parent = issued.event.accessKeyId ? this.credential(issued.event.accessKeyId) : this.principal(issued.event);
      if (parent) this.edge(parent, id, 'issued', issued.event.eventName);
      const roleArn = issued.roleArn || (sample?.identityType === 'AssumedRole' ? sample.sessionIssuer : '');
      if (roleArn) this.edge(id, this.role(roleArn), 'of-role');
    } else {
      const fromConsole = sample?.record?.sessionCredentialFromConsole === 'true';
      this.node(id, 'session', key, fromConsole ? 'console session' : 'temporary key, issued outside the events', key);
      if (sample?.identityType === 'AssumedRole' && sample.sessionIssuer) this.edge(id, this.role(sample.sessionIssuer), 'of-role');
      else if (sample) {
        const owner = this.principal(sample);
        if (owner) this.edge(owner, id, 'issued', fromConsole ? 'console sign-in' : '');
      }
    }
    this.building.delete(id);
    return id;
  }

  /** An SSO session, known by role and account only (GetRoleCredentials logs no key). */
  ssoSession(issued: Issuance): void {
    const account = accountOfArn(issued.roleArn);
    const id = this.node(`session:sso:${issued.roleArn}`, 'session', issued.sessionName, `SSO role credentials in ${account}`);
    const parent = this.principal(issued.event);
    if (parent) this.edge(parent, id, 'issued', 'GetRoleCredentials');
    const reserved = [...this.nodes.values()].find(
      (n) => n.kind === 'role' && accountOfArn(n.id.slice(5)) === account && n.label.startsWith(`AWSReservedSSO_${issued.sessionName}_`),
    );
    if (reserved) this.edge(id, reserved.id, 'of-role');
    else if (account !== this.homeAccountId) this.edge(id, this.account(account), 'in-account');
  }
}
