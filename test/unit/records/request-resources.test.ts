import { describe, expect, it } from 'vitest';

import { normalizeEvent } from '../../../shared/records/normalize';
import { describeRule, requestResourcesOf, resourceLimits } from '../../../shared/records/request-resources';
import type { CloudTrailRecord } from '../../../shared/records/types';

function record(
  eventSource: string,
  eventName: string,
  requestParameters: unknown,
  extra: Partial<CloudTrailRecord> = {},
): CloudTrailRecord {
  return { eventSource, eventName, eventTime: '2026-11-01T10:00:00Z', eventID: 'e-1', requestParameters, ...extra };
}

const resources = (r: CloudTrailRecord) => requestResourcesOf(r).map(({ kind, name }) => `${kind}: ${name}`);

describe('resources named by IAM calls', () => {
  it('CreateAccessKey names the user and the key it created', () => {
    const created = record(
      'iam.amazonaws.com',
      'CreateAccessKey',
      { userName: 'jmorales' },
      {
        responseElements: { accessKey: { userName: 'jmorales', accessKeyId: 'AKIAEXAMPLENEWKEY01', status: 'Active' } },
      },
    );
    expect(resources(created)).toEqual(['IAM user: jmorales', 'Access key: AKIAEXAMPLENEWKEY01']);
    expect(normalizeEvent(created).resources).toEqual(['jmorales', 'AKIAEXAMPLENEWKEY01']);
  });

  it('AttachUserPolicy names the user and the policy', () => {
    const attached = record('iam.amazonaws.com', 'AttachUserPolicy', {
      userName: 'jmorales',
      policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    });
    expect(resources(attached)).toEqual(['IAM user: jmorales', 'IAM policy: arn:aws:iam::aws:policy/AdministratorAccess']);
  });

  it('role and group calls name the role, the group and the member', () => {
    expect(resources(record('iam.amazonaws.com', 'AddUserToGroup', { groupName: 'admins', userName: 'eve' }))).toEqual([
      'IAM user: eve',
      'IAM group: admins',
    ]);
    expect(resources(record('iam.amazonaws.com', 'PutRolePolicy', { roleName: 'ci', policyName: 'inline-1' }))).toEqual([
      'IAM role: ci',
      'Inline policy: inline-1',
    ]);
  });
});

describe('resources named by other services', () => {
  it('AuthorizeSecurityGroupIngress names the group and each rule with its ports and sources', () => {
    const opened = record('ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress', {
      groupId: 'sg-0a7c3e19d2b4f6a81',
      ipPermissions: {
        items: [
          {
            ipProtocol: 'tcp',
            fromPort: 22,
            toPort: 22,
            ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] },
            ipv6Ranges: { items: [{ cidrIpv6: '::/0' }] },
          },
          { ipProtocol: 'tcp', fromPort: 8000, toPort: 8100, groups: { items: [{ groupId: 'sg-1' }] } },
          { ipProtocol: '-1', ipRanges: { items: [{ cidrIp: '10.0.0.0/8' }] } },
        ],
      },
    });
    expect(resources(opened)).toEqual([
      'Security group: sg-0a7c3e19d2b4f6a81',
      'Ingress rule: tcp 22 from 0.0.0.0/0, ::/0',
      'Ingress rule: tcp 8000-8100 from sg-1',
      'Ingress rule: all traffic from 10.0.0.0/8',
    ]);
  });

  it('GetSecretValue names the secret; CreateSecret the name and the ARN it got', () => {
    expect(resources(record('secretsmanager.amazonaws.com', 'GetSecretValue', { secretId: 'prod/db/password' }))).toEqual([
      'Secret: prod/db/password',
    ]);
    const created = record(
      'secretsmanager.amazonaws.com',
      'CreateSecret',
      { name: 'x' },
      { responseElements: { arn: 'arn:aws:secretsmanager:us-east-1:1:secret:x-AbCd' } },
    );
    expect(resources(created)).toEqual(['Secret: x', 'Secret: arn:aws:secretsmanager:us-east-1:1:secret:x-AbCd']);
  });

  it('StopLogging names the trail; S3 names the bucket and the object as bucket/key', () => {
    expect(resources(record('cloudtrail.amazonaws.com', 'StopLogging', { name: 'org-trail' }))).toEqual(['Trail: org-trail']);
    expect(resources(record('s3.amazonaws.com', 'GetObject', { bucketName: 'payroll', key: '2026/11.csv' }))).toEqual([
      'S3 bucket: payroll',
      'S3 object: payroll/2026/11.csv',
    ]);
  });

  it('instance calls name every instance, RunInstances the ones it started', () => {
    const stopped = record('ec2.amazonaws.com', 'StopInstances', {
      instancesSet: { items: [{ instanceId: 'i-1' }, { instanceId: 'i-2' }] },
    });
    expect(resources(stopped)).toEqual(['EC2 instance: i-1', 'EC2 instance: i-2']);
    const started = record(
      'ec2.amazonaws.com',
      'RunInstances',
      { instancesSet: { items: [{ imageId: 'ami-1' }] } },
      {
        responseElements: { instancesSet: { items: [{ instanceId: 'i-9' }] } },
      },
    );
    expect(resources(started)).toEqual(['Image: ami-1', 'EC2 instance: i-9']);
  });

  it('KMS, Lambda, CloudWatch Logs and STS name their key, function, log group and role', () => {
    expect(resources(record('kms.amazonaws.com', 'ScheduleKeyDeletion', { keyId: '1234abcd-12ab' }))).toEqual(['KMS key: 1234abcd-12ab']);
    expect(resources(record('lambda.amazonaws.com', 'UpdateFunctionConfiguration20150331v2', { functionName: 'billing-sync' }))).toEqual([
      'Lambda function: billing-sync',
    ]);
    expect(resources(record('logs.amazonaws.com', 'DeleteLogGroup', { logGroupName: '/aws/lambda/x' }))).toEqual([
      'Log group: /aws/lambda/x',
    ]);
    const assumed = record(
      'sts.amazonaws.com',
      'AssumeRole',
      { roleArn: 'arn:aws:iam::1:role/Admin', roleSessionName: 's' },
      {
        responseElements: { credentials: { accessKeyId: 'ASIATEMP' } },
      },
    );
    expect(resources(assumed)).toEqual(['IAM role: arn:aws:iam::1:role/Admin', 'Role session: s', 'Access key: ASIATEMP']);
  });

  it('a service without an entry falls back to the common parameter names', () => {
    expect(resources(record('glue.amazonaws.com', 'GetTable', { tableName: 'events', roleArn: 'arn:aws:iam::1:role/glue' }))).toEqual([
      'IAM role: arn:aws:iam::1:role/glue',
      'DynamoDB table: events',
    ]);
  });
});

describe('the record and its own resources', () => {
  it('lists the record’s own ARNs first and a parameter naming one of them only once', () => {
    const decrypt = record(
      'kms.amazonaws.com',
      'Decrypt',
      { keyId: 'key/1234' },
      {
        resources: [{ ARN: 'arn:aws:kms:us-east-1:1:key/1234', type: 'AWS::KMS::Key' }],
      },
    );
    expect(resources(decrypt)).toEqual(['KMS key: arn:aws:kms:us-east-1:1:key/1234']);
  });

  it('reads nothing through __proto__ or inherited names, and bounds what a hostile record lists', () => {
    const hostile = JSON.parse(
      `{"eventSource":"iam.amazonaws.com","eventName":"CreateUser","requestParameters":{"__proto__":{"userName":"polluted"},"userName":"${'A'.repeat(5000)}","groupName":{"toString":"x"}}}`,
    ) as CloudTrailRecord;
    const [user, ...rest] = requestResourcesOf(hostile);
    expect(user!.name).toHaveLength(resourceLimits.nameLength + 1);
    expect(rest).toEqual([]);
    expect(({} as Record<string, unknown>).userName).toBeUndefined();
    const many = record('ec2.amazonaws.com', 'StopInstances', {
      instancesSet: { items: Array.from({ length: 500 }, (_, i) => ({ instanceId: `i-${i}` })) },
    });
    expect(normalizeEvent(many).resources).toHaveLength(resourceLimits.perEvent);
  });

  it('a call without parameters, or with parameters that are not an object, names nothing', () => {
    expect(resources(record('iam.amazonaws.com', 'ListUsers', null))).toEqual([]);
    expect(resources(record('iam.amazonaws.com', 'GetUser', 'userName'))).toEqual([]);
    expect(describeRule({ fromPort: 22 })).toBe('');
  });
});
