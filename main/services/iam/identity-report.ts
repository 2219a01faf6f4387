import { analyzeRisk } from '../../../shared/iam-risk/analyze-risk';
import type { RiskReport } from '../../../shared/iam-risk/analyze-risk';
import type { PolicyInput } from '../../../shared/iam-risk/statements';
import { compareUsage } from '../../../shared/iam-risk/usage';
import type { ServiceUsage } from '../../../shared/iam-risk/usage';
import type { IdentityContext } from '../../../shared/iam/types';
import { loadActionCatalog } from './action-catalog';

/** The identity's context with what it can still do: risky permissions and granted-but-unused services. */
export interface IdentityReport {
  context: IdentityContext;
  risk: RiskReport;
  usage: ServiceUsage;
}

/** The policies of a context as the risk analysis reads them. */
export function policyInputs(context: IdentityContext): PolicyInput[] {
  return context.policies.map((policy) => ({
    name: policy.name,
    arn: policy.arn,
    attachedTo: policy.source.kind === 'group' ? `group ${policy.source.name}` : `${policy.source.kind} ${policy.source.name}`,
    document: policy.document,
  }));
}

/**
 * Risky permissions and service usage of a read context. `eventSources` are the eventSource values
 * of the identity's fetched events, when there are any, counted as use beside IAM's last-accessed data.
 */
export async function buildIdentityReport(context: IdentityContext, eventSources: string[] = []): Promise<IdentityReport> {
  const policies = policyInputs(context);
  const boundary = context.permissionsBoundary
    ? { name: context.permissionsBoundary.arn.split('/').pop() ?? 'boundary', arn: context.permissionsBoundary.arn, attachedTo: 'boundary', document: context.permissionsBoundary.document }
    : null;
  // A boundary that could not be read is left out rather than taken as allowing nothing.
  const readableBoundary = boundary && boundary.document !== null ? boundary : null;
  const catalog = await loadActionCatalog([...policies, ...(readableBoundary ? [readableBoundary] : [])]);
  const risk = analyzeRisk({ policies, boundary: readableBoundary, catalog });
  const usage = compareUsage({
    policies,
    serviceKeys: catalog.serviceKeys,
    lastAccessed: context.servicesLastAccessed?.services ?? null,
    eventSources,
  });
  return { context, risk, usage };
}
