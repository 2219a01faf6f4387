import { describe, expect, it } from 'vitest';

import { consoleSessionFlag, userAgentFamily } from '../../../shared/console-actions/user-agent';
import { normalizeEvent } from '../../../shared/records/normalize';
import { record } from './builder';

function family(userAgent: string, fromConsole?: string) {
  const base = record({ key: 'iam:ListUsers', at: 0 });
  delete base.sessionCredentialFromConsole;
  return userAgentFamily(normalizeEvent({ ...base, userAgent, ...(fromConsole ? { sessionCredentialFromConsole: fromConsole } : {}) }));
}

describe('userAgentFamily', () => {
  it.each([
    ['AWS Internal', 'true', 'console'],
    ['AWS Internal', undefined, 'other'],
    ['console.amazonaws.com', undefined, 'console'],
    ['console.ec2.amazonaws.com', undefined, 'console'],
    ['signin.amazonaws.com', undefined, 'console'],
    ['[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.750 Linux/5.10 OpenJDK_64-Bit_Server_VM/25.412-b09]', undefined, 'console'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', undefined, 'console'],
    ['aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64 prompt/off command/iam.list-users', undefined, 'cli'],
    // CloudShell: the CLI with console credentials is still the CLI.
    ['aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.1.115 md/arch#x86_64 lang/python#3.12.6 exe/x86_64 prompt/off command/s3.ls', 'true', 'cli'],
    ['Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#6.1.0 lang/python#3.12.3', undefined, 'sdk'],
    ['aws-sdk-js/3.614.0 ua/2.0 os/linux#6.5.0 lang/js md/nodejs#20.15.1', 'true', 'sdk'],
    ['console.amazonaws.com.evil.test', undefined, 'other'],
  ])('%s (sessionCredentialFromConsole %s) is %s', (agent, fromConsole, expected) => {
    expect(family(agent, fromConsole)).toBe(expected);
  });
});

describe('consoleSessionFlag', () => {
  /** An event whose record counts its reads: a workspace event parses its text again at each one. */
  function counted(userAgent: string, raw: string) {
    const event = normalizeEvent(raw);
    let reads = 0;
    const watched = Object.defineProperty({ ...event, userAgent }, 'record', { get: () => (reads++, event.record) });
    return { event: watched, reads: () => reads };
  }

  it('reads the record only for the agents it decides, and only when its text names the flag', () => {
    const plain = counted('aws-cli/2.15.30', '{"eventName":"ListUsers","userAgent":"aws-cli/2.15.30"}');
    expect(consoleSessionFlag(plain.event)).toBe(false);
    expect(userAgentFamily(plain.event)).toBe('cli');
    const internal = counted('AWS Internal', '{"eventName":"ListUsers","userAgent":"AWS Internal"}');
    expect(consoleSessionFlag(internal.event)).toBe(false);
    expect(plain.reads() + internal.reads()).toBe(0);
    const fromConsole = counted('AWS Internal', '{"eventName":"ListUsers","userAgent":"AWS Internal","sessionCredentialFromConsole":"true"}');
    expect(consoleSessionFlag(fromConsole.event)).toBe(true);
    expect(userAgentFamily(fromConsole.event)).toBe('console');
    expect(fromConsole.reads()).toBeGreaterThan(0);
  });
});
