import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { expect } from 'vitest';

/**
 * Debian's AWS CLI (botocore) as an independent client of a fake's wire protocol: what it reads,
 * the SDK reads. Fidelity tests skip themselves where `aws` is not installed.
 */
export const hasAwsCli = spawnSync('aws', ['--version'], { stdio: 'ignore' }).status === 0;

export interface AwsCliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Where one test's `aws` runs: the fake's endpoint and a fresh home (both made in `beforeEach`, so read at each call). */
export interface AwsCliTarget {
  endpoint: string;
  home: string;
}

/**
 * `aws <service> …` against a fake, in us-east-1 with JSON output: fixed fake keys, no instance
 * metadata, no pager, config and credentials files only from the test's home. `aws` resolves with
 * the exit code and output; `awsJson` expects a clean success and parses what it printed.
 */
export function awsCliRunner(service: string, target: () => AwsCliTarget) {
  function aws(args: string[], extraEnv: Record<string, string> = {}): Promise<AwsCliRun> {
    const { endpoint, home } = target();
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_ACCESS_KEY_ID: 'AKIAFAKEAWSCLI000001',
      AWS_SECRET_ACCESS_KEY: 'fakeSecretForTheAwsCli',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
      ...extraEnv,
    };
    const child = spawn('aws', ['--endpoint-url', endpoint, '--region', 'us-east-1', '--output', 'json', service, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
  }

  async function awsJson<T>(args: string[]): Promise<T> {
    const result = await aws(args);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as T;
  }

  return { aws, awsJson };
}
