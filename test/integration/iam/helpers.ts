import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createIamService } from '../../../main/services/iam/iam-service';
import type { FakeIam } from '../../fakes/iam/fake-iam';

/** Static keys of the profile `analyst` that the fake IAM sees on every call. */
export const ANALYST_KEY = 'AKIAANALYSTFAKE00001';

/** A temporary HOME whose shared files hold the `analyst` profile, and the env that points IAM at the fake. */
export function iamHome(fake: FakeIam, extraConfig = '') {
  const home = mkdtempSync(join(tmpdir(), 'trailcase-iam-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'config'), `[profile analyst]\nregion = eu-west-1\n${extraConfig}`);
  writeFileSync(join(home, '.aws', 'credentials'), `[analyst]\naws_access_key_id = ${ANALYST_KEY}\naws_secret_access_key = fakeAnalystSecret\n`);
  const env: NodeJS.ProcessEnv = {
    HOME: home,
    AWS_CONFIG_FILE: join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    AWS_ENDPOINT_URL_IAM: fake.url,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  return { home, env, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

/** The IAM service of a host whose environment is `env`, with the jobs polled without long waits. */
export function iamService(env: NodeJS.ProcessEnv) {
  return createIamService(
    { env, askMfaCode: () => Promise.reject(new Error('no MFA in these tests')) },
    { backoffMs: [5, 5, 5, 5, 5, 5] },
  );
}
