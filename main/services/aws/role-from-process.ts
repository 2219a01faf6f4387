import type { AwsCredentialIdentity } from '@smithy/types';

import { runCredentialProcess } from './credential-process';
import { assumeRole } from './sts';
import type { StsTarget } from './sts';

type Section = Record<string, string | undefined>;

export interface RoleFromProcess {
  profile: string;
  /** The role profile's settings: role_arn, role_session_name, external_id, duration_seconds, mfa_serial. */
  role: Section;
  source: { name: string; command: string };
  sts: StsTarget;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  askMfaCode(request: { profile: string; mfaSerial: string }, signal?: AbortSignal): Promise<string>;
  signal?: AbortSignal;
}

/**
 * A role whose source_profile runs a credential_process. The SDK would run that helper itself,
 * with the process's environment, no time limit and no Cancel, so it runs here through
 * runCredentialProcess (the host's environment, a timeout, Cancel, clear errors), and the role
 * is then assumed as fromIni would, with the same parameters.
 */
export async function assumeRoleFromProcess(options: RoleFromProcess): Promise<AwsCredentialIdentity> {
  const { role, signal } = options;
  const source = await runCredentialProcess(options.source.command, {
    profile: options.source.name,
    sourceOf: options.profile,
    env: options.env,
    timeoutMs: options.timeoutMs,
    ...(signal ? { signal } : {}),
  });
  const mfaSerial = role.mfa_serial;
  const tokenCode = mfaSerial ? await options.askMfaCode({ profile: options.profile, mfaSerial }, signal) : undefined;
  const params = {
    RoleArn: role.role_arn,
    RoleSessionName: role.role_session_name || `trailcase-${Date.now()}`,
    DurationSeconds: Number.parseInt(role.duration_seconds || '3600', 10),
    ...(role.external_id ? { ExternalId: role.external_id } : {}),
    ...(mfaSerial && tokenCode ? { SerialNumber: mfaSerial, TokenCode: tokenCode } : {}),
  };
  return assumeRole(options.sts, source, params, signal);
}
