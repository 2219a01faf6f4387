import { describe, expect, it } from 'vitest';

import { accessKeyTarget, addressTarget, pivotTargetsOf, resourceTargets, roleTarget } from '../../../shared/pivots/pivot-targets';
import { normalizeEvent } from '../../../shared/records/normalize';
import type { CloudTrailRecord } from '../../../shared/records/types';

function eventOf(extra: Partial<CloudTrailRecord>) {
  return normalizeEvent({ eventTime: '2026-11-01T10:00:00Z', eventID: 'e-1', eventSource: 'iam.amazonaws.com', eventName: 'ListUsers', ...extra });
}

const roleSession: CloudTrailRecord['userIdentity'] = {
  type: 'AssumedRole',
  arn: 'arn:aws:sts::111122223333:assumed-role/Admin/alice',
  accessKeyId: 'ASIAEXAMPLESESSION01',
  sessionContext: { sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/Admin', userName: 'Admin' } },
};

describe('the address as a pivot', () => {
  it('takes IPv4 and IPv6 addresses, public or private, as the record wrote them', () => {
    expect(addressTarget('203.0.113.9')).toEqual({ kind: 'ip', value: '203.0.113.9', label: 'address 203.0.113.9' });
    expect(addressTarget('10.0.0.5')?.value).toBe('10.0.0.5');
    expect(addressTarget('2001:db8::1')?.kind).toBe('ip');
  });

  it('refuses what is not a place: AWS Internal, a service name, blanks and padded text', () => {
    expect(addressTarget('AWS Internal')).toBeNull();
    expect(addressTarget('ec2.amazonaws.com')).toBeNull();
    expect(addressTarget('')).toBeNull();
    expect(addressTarget(' 203.0.113.9')).toBeNull();
  });
});

describe('the access key as a pivot', () => {
  it('takes long-term and temporary key ids and nothing else', () => {
    expect(accessKeyTarget('AKIAEXAMPLEKEY000001')?.label).toBe('access key AKIAEXAMPLEKEY000001');
    expect(accessKeyTarget('ASIAEXAMPLESESSION01')?.kind).toBe('accessKey');
    expect(accessKeyTarget('not-a-key')).toBeNull();
    expect(accessKeyTarget('')).toBeNull();
  });
});

describe('the role as a pivot', () => {
  it('is the role an assumed-role session was issued by, by its name', () => {
    expect(roleTarget(eventOf({ userIdentity: roleSession }))).toEqual({ kind: 'role', value: 'Admin', label: 'role Admin' });
  });

  it('is read from the session ARN when the record has no session issuer', () => {
    const identity = { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/deploy-prod/ci-run' };
    expect(roleTarget(eventOf({ userIdentity: identity }))?.value).toBe('deploy-prod');
  });

  it('is absent when the name is not one IAM allows (a hostile record)', () => {
    const identity = { ...roleSession, sessionContext: { sessionIssuer: { type: 'Role', userName: 'Admin<script>' } } };
    expect(roleTarget(eventOf({ userIdentity: identity }))).toBeNull();
  });

  it('is absent for an IAM user', () => {
    expect(roleTarget(eventOf({ userIdentity: { type: 'IAMUser', userName: 'bob', arn: 'arn:aws:iam::111122223333:user/bob' } }))).toBeNull();
  });
});

describe('resources as pivots', () => {
  it('are the resources the event touched, with their kinds in the label', () => {
    const event = eventOf({ eventName: 'CreateAccessKey', requestParameters: { userName: 'jmorales' } });
    expect(resourceTargets(event)).toEqual([{ kind: 'resource', value: 'jmorales', label: 'IAM user jmorales' }]);
  });

  it('leave out security group rules (a line Trailcase wrote) and names cut short', () => {
    const rule = eventOf({
      eventSource: 'ec2.amazonaws.com',
      eventName: 'AuthorizeSecurityGroupIngress',
      requestParameters: {
        groupId: 'sg-0abc',
        ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }] },
      },
    });
    expect(resourceTargets(rule).map((t) => t.value)).toEqual(['sg-0abc']);
    const long = eventOf({ eventSource: 's3.amazonaws.com', eventName: 'GetObject', requestParameters: { bucketName: 'b'.repeat(400) } });
    expect(resourceTargets(long)).toEqual([]);
  });
});

describe('every pivot of one event', () => {
  it('lists address, key, role and resources in that order', () => {
    const event = eventOf({
      sourceIPAddress: '203.0.113.9',
      userIdentity: roleSession,
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
      requestParameters: { bucketName: 'payroll', key: 'q3.csv' },
    });
    expect(pivotTargetsOf(event).map((t) => `${t.kind} ${t.value}`)).toEqual([
      'ip 203.0.113.9',
      'accessKey ASIAEXAMPLESESSION01',
      'role Admin',
      ...resourceTargets(event).map((t) => `resource ${t.value}`),
    ]);
    expect(resourceTargets(event).length).toBeGreaterThan(0);
  });

  it('is empty for an unparseable record', () => {
    expect(pivotTargetsOf(normalizeEvent('{not json'))).toEqual([]);
  });
});
