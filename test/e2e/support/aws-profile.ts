import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeysProfile {
  name: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * Shared AWS config and credentials files holding one keys profile, in a temporary folder, and
 * the environment that points the web host at them and at a CloudTrail endpoint (STS too, so
 * nothing can reach AWS itself).
 */
export function writeKeysProfile(profile: KeysProfile, endpoint: string) {
  const dir = mkdtempSync(join(tmpdir(), 'trailcase-aws-'));
  const config = join(dir, 'config');
  const credentials = join(dir, 'credentials');
  writeFileSync(config, `[profile ${profile.name}]\nregion = ${profile.region}\n`);
  const token = profile.sessionToken ? `aws_session_token = ${profile.sessionToken}\n` : '';
  writeFileSync(credentials, `[${profile.name}]\naws_access_key_id = ${profile.accessKeyId}\naws_secret_access_key = ${profile.secretAccessKey}\n${token}`);
  return {
    env: { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_ENDPOINT_URL_CLOUDTRAIL: endpoint, AWS_ENDPOINT_URL_STS: endpoint },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
