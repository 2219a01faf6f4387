import { describe, expect, it } from 'vitest';

import { userAgentFamily, userAgentFamilyName } from '../../../shared/analysis/user-agent';

describe('agent normalisation', () => {
  it.each([
    ['aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython exec-env/CloudShell cfg/retry-mode#standard md/installer#exe prompt/off md/command#s3.ls', 'aws-cli/2.15.30'],
    ['exec-env/AWS_Lambda_python3.12 Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#5.10 lang/python#3.12.3', 'Boto3/1.34.84'],
    ['APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.72.1 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.2 ua/2.0 os/linux lang/go#1.23.2', 'Terraform/1.9.8'],
    ['ua/2.0 aws-sdk-js/3.614.0 os/linux#6.5.0 lang/js md/nodejs#20.15.1', 'aws-sdk-js/3.614.0'],
  ])('reads %s as %s', (agent, family) => {
    expect(userAgentFamily(agent)).toBe(family);
  });

  it('does not make an agent new for a different command, environment or metadata part', () => {
    const base = 'aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off command/iam.list-users';
    for (const other of [
      'aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off command/s3.cp',
      'aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/macos#23.4.0 exec-env/CloudShell md/command#lambda.update-function-configuration',
    ]) {
      expect(userAgentFamily(other)).toBe(userAgentFamily(base));
    }
  });

  it('gives the family alone, so a new version of a known client is not a new client', () => {
    expect(userAgentFamilyName('aws-cli/2.18.0 Python/3.12.6 Linux/6.8')).toBe('aws-cli');
    expect(userAgentFamilyName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36')).toBe('Chrome');
    expect(userAgentFamilyName('console.amazonaws.com')).toBe('console.amazonaws.com');
  });
});
