import type { IamPolicy } from '../../../shared/iam/types';
import { isQuarantinePolicy } from '../../../shared/iam/types';
import type { IamReads, ManagedPolicyRecord, PrincipalKind } from './iam-api';

/** Runs one read; a failure of that call alone becomes a gap (and the fallback), the rest goes on. */
export type Attempt = <T>(fallbackAction: string, read: () => Promise<T>, fallback: T) => Promise<T>;

/**
 * The attached and inline policies of one user, role or group, each with its document. A managed
 * policy attached in several places is read once (`managed` is shared across the identity's reads).
 */
export async function readPolicies(
  reads: IamReads,
  attempt: Attempt,
  kind: PrincipalKind,
  name: string,
  managed: Map<string, Promise<ManagedPolicyRecord | null>>,
): Promise<IamPolicy[]> {
  const Kind = kind === 'user' ? 'User' : kind === 'role' ? 'Role' : 'Group';
  const source = { kind, name };
  const [attached, inlineNames] = await Promise.all([
    attempt(`ListAttached${Kind}Policies`, () => reads.listAttachedPolicies(kind, name), []),
    attempt(`List${Kind}Policies`, () => reads.listInlinePolicyNames(kind, name), []),
  ]);
  const managedPolicies = attached.map(async (policy): Promise<IamPolicy> => {
    let record = managed.get(policy.arn);
    if (!record) {
      record = attempt('GetPolicy', () => reads.getManagedPolicy(policy.arn), null);
      managed.set(policy.arn, record);
    }
    const read = await record;
    return {
      name: policy.name,
      kind: policy.arn.startsWith('arn:aws:iam::aws:') || /^arn:aws[\w-]*:iam::aws:/.test(policy.arn) ? 'aws-managed' : 'customer-managed',
      arn: policy.arn,
      versionId: read?.versionId ?? null,
      source,
      document: read?.document ?? null,
      quarantine: isQuarantinePolicy(policy.name),
    };
  });
  const inlinePolicies = inlineNames.map(
    async (policyName): Promise<IamPolicy> => ({
      name: policyName,
      kind: 'inline',
      arn: null,
      versionId: null,
      source,
      document: await attempt(`Get${Kind}Policy`, () => reads.getInlinePolicy(kind, name, policyName), null),
      quarantine: false,
    }),
  );
  return Promise.all([...managedPolicies, ...inlinePolicies]);
}

/** Quarantine policies first (the strongest signal), then in the order read. */
export const quarantineFirst = (policies: IamPolicy[]) => [...policies.filter((p) => p.quarantine), ...policies.filter((p) => !p.quarantine)];
