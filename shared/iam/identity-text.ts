import type { RiskReport } from '../iam-risk/analyze-risk';
import type { StatementRef } from '../iam-risk/statements';
import type { ServiceUsage } from '../iam-risk/usage';
import type { IdentityContext } from './types';

const DAY = 86_400_000;

/** `2026-11-30 08:15 UTC (2 days ago)`; `-` for none. */
export function whenText(iso: string | null, now: number): string {
  if (!iso) return '-';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const days = Math.floor((now - time) / DAY);
  const age = days <= 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC (${age})`;
}

/** `Deployer, Statement[0] (Sid PassAny), attached to user alice`. */
export const statementText = (ref: StatementRef) =>
  `${ref.policy}, Statement[${ref.index}]${ref.sid ? ` (Sid ${ref.sid})` : ''}, ${ref.attachedTo === 'boundary' ? 'the boundary' : `attached to ${ref.attachedTo}`}`;

function policyLines(context: IdentityContext): string[] {
  return context.policies.map((policy) => {
    const where = policy.source.kind === 'group' ? `via group ${policy.source.name}` : `on the ${policy.source.kind}`;
    const unread = policy.document === null ? ', document not readable' : '';
    return `  ${policy.quarantine ? 'QUARANTINE ' : ''}${policy.name} (${policy.kind}, ${where}${unread})${policy.arn ? ` ${policy.arn}` : ''}`;
  });
}

function credentialLines(context: IdentityContext, now: number): string[] {
  if (context.kind === 'role') {
    const role = context.role;
    return [`Last used: ${whenText(role?.lastUsed?.date ?? null, now)}${role?.lastUsed?.region ? ` in ${role.lastUsed.region}` : ''}`];
  }
  const keys = context.accessKeys === null ? ['  (not read)'] : context.accessKeys.length === 0 ? ['  none'] : context.accessKeys.map((key) => {
    const used = key.lastUsed ? `last used ${whenText(key.lastUsed.date, now)}${key.lastUsed.serviceName ? ` ${key.lastUsed.serviceName}` : ''}${key.lastUsed.region ? ` ${key.lastUsed.region}` : ''}` : 'never used';
    return `  ${key.accessKeyId} ${key.status}, created ${whenText(key.createDate, now)}, ${used}`;
  });
  const mfa = context.mfaDevices === null ? '(not read)' : context.mfaDevices.length === 0 ? 'none' : context.mfaDevices.map((device) => device.serialNumber).join(', ');
  const consoleText =
    context.console === null
      ? '(not read)'
      : context.console.enabled
        ? `password set ${whenText(context.console.createDate, now)}, last sign-in ${whenText(context.console.lastUsed, now)}`
        : 'no console password';
  return ['Access keys:', ...keys, `MFA: ${mfa}`, `Console: ${consoleText}`];
}

function riskLines(risk: RiskReport): string[] {
  const lines = risk.admin.map((ref) => `  critical  admin  Allows every action on every resource: ${statementText(ref)}`);
  for (const finding of risk.findings) {
    lines.push(`  ${finding.severity.padEnd(8)}  ${finding.category}  ${finding.title}`);
    for (const grant of finding.grants.slice(0, 12)) {
      const limits = grant.limitedBy.length ? `; limited by ${grant.limitedBy.map((ref) => ref.policy).join(', ')}` : '';
      lines.push(`      ${grant.action}: ${grant.grantedBy.map(statementText).join('; ')}${grant.conditional ? ' (with a condition)' : ''}${limits}`);
    }
    if (finding.grants.length > 12) lines.push(`      … and ${finding.grants.length - 12} more`);
  }
  return lines.length ? lines : ['  none found'];
}

/** The identity command's text: who it is, quarantine first, what it holds, what it can still do. */
export function identityText(report: { context: IdentityContext; risk: RiskReport; usage: ServiceUsage }, now: number): string {
  const { context, risk, usage } = report;
  const quarantine = context.policies.filter((policy) => policy.quarantine);
  const lines = [
    `${context.kind} ${context.name}${context.id ? ` (${context.id})` : ''}${context.arn ? `  ${context.arn}` : ''}`,
    ...quarantine.map((policy) => `QUARANTINE: ${policy.name} is attached. AWS attaches it when it finds this identity's access key exposed.`),
    `Created: ${whenText(context.createDate, now)}`,
    `Tags: ${context.tags.length ? context.tags.map((tag) => `${tag.key}=${tag.value}`).join(', ') : 'none'}`,
  ];
  if (context.kind === 'user') lines.push(`Groups: ${context.groups === null ? '(not read)' : context.groups.map((group) => group.name).join(', ') || 'none'}`);
  lines.push('Policies:', ...(context.policies.length ? policyLines(context) : ['  none']));
  lines.push(`Permissions boundary: ${context.permissionsBoundary?.arn ?? 'none'}`);
  lines.push(...credentialLines(context, now));
  const services = context.servicesLastAccessed;
  if (services) {
    lines.push(`Services last accessed (${services.note}):`);
    const used = services.services.filter((service) => service.lastAuthenticated);
    for (const service of used) lines.push(`  ${service.serviceNamespace.padEnd(16)} ${whenText(service.lastAuthenticated, now)}${service.lastAuthenticatedRegion ? ` ${service.lastAuthenticatedRegion}` : ''}`);
    if (used.length === 0) lines.push('  none used');
  }
  lines.push('Risky permissions:', ...riskLines(risk));
  const unused = usage.neverUsed;
  lines.push(`Services granted: ${usage.granted.length}, used: ${usage.used.length}${usage.used.length ? ` (${usage.used.join(', ')})` : ''}`);
  if (unused.length) lines.push(`Granted but never used: ${unused.slice(0, 30).join(', ')}${unused.length > 30 ? `, … ${unused.length - 30} more` : ''}`);
  for (const gap of context.gaps) lines.push(gap.reason === 'not-allowed' ? `Not allowed for this profile: ${gap.action}` : `Could not read: ${gap.message}`);
  return `${lines.join('\n')}\n`;
}
