import { describe, expect, it } from 'vitest';

import { userAgentFamily } from '../../../shared/analysis/user-agent';

describe('userAgentFamily', () => {
  it.each([
    ['aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off command/iam.list-users', 'aws-cli/2.15.30'],
    ['[aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0]', 'aws-cli/2.15.30'],
    ['Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#6.1.0', 'Boto3/1.34.84'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.92 Safari/537.36', 'Chrome/130'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.68', 'Edge/130'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox/128'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15', 'Safari/17'],
    ['console.amazonaws.com', 'console.amazonaws.com'],
    ['AWS Internal', 'AWS'],
    ['', ''],
  ])('reads %s as %s', (agent, family) => {
    expect(userAgentFamily(agent)).toBe(family);
  });

  it('keeps a different OS patch the same client and a new version a new one', () => {
    expect(userAgentFamily('aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0')).toBe(userAgentFamily('aws-cli/2.15.30 Python/3.11.9 Darwin/23.5.0'));
    expect(userAgentFamily('aws-cli/2.15.30 Python/3.11.8')).not.toBe(userAgentFamily('aws-cli/2.15.0 Python/3.11.8'));
  });
});
