import { describe, expect, test } from 'vitest';

import { compareUsage, serviceOfEventSource } from '../../../shared/iam-risk/usage';
import type { PolicyInput } from '../../../shared/iam-risk/statements';

const policy = (...Statement: object[]): PolicyInput => ({ name: 'P', arn: null, attachedTo: 'user alice', document: { Statement } });
const serviceKeys = ['ec2', 'iam', 's3', 'sts', 'ssm', 'secretsmanager'];

describe('granted against used services', () => {
  test('services granted by name and never used are listed; events and last access both count as use', () => {
    const usage = compareUsage({
      policies: [policy({ Effect: 'Allow', Action: ['s3:GetObject', 'ec2:Describe*', 'ssm:GetParameter'], Resource: '*' })],
      serviceKeys,
      lastAccessed: [{ serviceNamespace: 's3', lastAuthenticated: '2026-11-30T08:00:00Z' }, { serviceNamespace: 'ssm', lastAuthenticated: null }],
      eventSources: ['ec2.amazonaws.com'],
    });
    expect(usage).toEqual({ granted: ['ec2', 's3', 'ssm'], used: ['ec2', 's3'], neverUsed: ['ssm'] });
  });

  test('a * grants every known service; NotAction service:* excludes that service; Deny grants nothing', () => {
    expect(compareUsage({ policies: [policy({ Effect: 'Allow', Action: '*', Resource: '*' })], serviceKeys, lastAccessed: null, eventSources: [] }).granted).toEqual([...serviceKeys].sort());
    const notIam = compareUsage({ policies: [policy({ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' })], serviceKeys, lastAccessed: null, eventSources: [] });
    expect(notIam.granted).not.toContain('iam');
    expect(compareUsage({ policies: [policy({ Effect: 'Deny', Action: 's3:*', Resource: '*' })], serviceKeys, lastAccessed: null, eventSources: [] }).granted).toEqual([]);
  });

  test('an event source names its service', () => {
    expect(serviceOfEventSource('secretsmanager.amazonaws.com')).toBe('secretsmanager');
  });
});
