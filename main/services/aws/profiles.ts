import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

import type { ProfileKind, ProfileList, ProfileSummary } from '../../../shared/api/app-contract';
import { findIniProblems } from './ini-check';
import { ssoStateOf } from './sso-state';

/** The built-in demo profile: a generated account served through the same engine. */
export const DEMO_PROFILE = 'demo';

/** Where the SDK reads the shared files from, following its own variables. */
export function sharedFilePaths(env: NodeJS.ProcessEnv = process.env): { config: string; credentials: string } {
  const home = env.HOME || env.USERPROFILE || homedir();
  return {
    config: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
  };
}

type Section = Record<string, string | undefined>;

/** The kind of a profile, judged the way the SDK's provider chain would resolve it. */
export function kindOf(config: Section | undefined, credentials: Section | undefined): ProfileKind {
  const merged = { ...credentials, ...config };
  if (merged.sso_session || merged.sso_start_url) return 'sso';
  if (merged.role_arn) return 'role';
  if (merged.credential_process) return 'process';
  if (merged.aws_access_key_id) return 'keys';
  return 'unknown';
}

async function readProblems(file: string): Promise<string[]> {
  try {
    return findIniProblems(await readFile(file, 'utf8'), file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    return [`${file}: cannot be read (${code ?? 'unknown error'})`];
  }
}

/**
 * Lists the profiles of the shared config and credentials files (never their secrets), the
 * environment's keys when set, and the built-in demo profile, with problems found in the files.
 */
export async function listProfiles(env: NodeJS.ProcessEnv = process.env): Promise<ProfileList> {
  const paths = sharedFilePaths(env);
  const [configProblems, credentialProblems] = await Promise.all([readProblems(paths.config), readProblems(paths.credentials)]);
  const files = await loadSharedConfigFiles({ filepath: paths.credentials, configFilepath: paths.config, ignoreCache: true });
  const configFile = files.configFile as Record<string, Section>;
  const credentialsFile = files.credentialsFile as Record<string, Section>;
  const names = new Set<string>();
  for (const name of Object.keys(configFile)) if (!/^(sso-session|services)\./.test(name)) names.add(name);
  for (const name of Object.keys(credentialsFile)) names.add(name);
  const defaultName = env.AWS_PROFILE || 'default';
  const home = env.HOME || env.USERPROFILE || homedir();
  const profiles: ProfileSummary[] = [];
  for (const name of [...names].sort(byDefaultFirst)) {
    if (!/^[\w.@+=,:/-]{1,128}$/.test(name)) continue;
    const config = configFile[name];
    const credentials = credentialsFile[name];
    const sources: ProfileSummary['sources'] = [];
    if (config) sources.push('config');
    if (credentials) sources.push('credentials');
    const kind = kindOf(config, credentials);
    const ssoId = config?.sso_session ?? config?.sso_start_url ?? null;
    profiles.push({
      name,
      kind,
      region: config?.region ?? credentials?.region ?? null,
      mfa: Boolean(config?.mfa_serial ?? credentials?.mfa_serial),
      ssoSession: ssoId,
      ssoState: kind === 'sso' && ssoId ? await ssoStateOf(ssoId, Boolean(config?.sso_session), home) : null,
      sources,
      isDefault: name === defaultName,
    });
  }
  if (env.AWS_ACCESS_KEY_ID && !names.has('environment')) {
    profiles.push({ name: 'environment', kind: 'env', region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? null, mfa: false, ssoSession: null, ssoState: null, sources: ['environment'], isDefault: false });
  }
  if (!names.has(DEMO_PROFILE)) {
    profiles.push({ name: DEMO_PROFILE, kind: 'demo', region: 'us-east-1', mfa: false, ssoSession: null, ssoState: null, sources: ['builtin'], isDefault: false });
  }
  return { profiles, problems: [...configProblems, ...credentialProblems] };
}

function byDefaultFirst(a: string, b: string): number {
  if (a === 'default') return -1;
  if (b === 'default') return 1;
  return a.localeCompare(b);
}
