import { describe, expect, it } from 'vitest';

import { compileCondition } from '../../../shared/rules/condition';
import { flagEvent } from '../../../shared/rules/engine';
import { rulePack } from '../../../shared/rules/rule-pack';
import { eventOf, viaCloudFormation } from './records';

describe('the rule pack', () => {
  it('gives every rule a unique id', () => {
    expect(new Set(rulePack.rules.map((rule) => rule.id)).size).toBe(rulePack.rules.length);
  });

  it('gives every rule a public reference and MITRE ATT&CK technique ids', () => {
    for (const rule of rulePack.rules) {
      expect(rule.references.length, rule.id).toBeGreaterThan(0);
      expect(rule.attack.length, rule.id).toBeGreaterThan(0);
      for (const id of rule.attack) expect(id, rule.id).toMatch(/^T\d{4}(\.\d{3})?$/);
    }
  });

  it('compiles every condition (regular expressions included)', () => {
    for (const rule of rulePack.rules) expect(() => compileCondition(rule.when), rule.id).not.toThrow();
  });

  it('carries each rule\'s ATT&CK ids on its hits', () => {
    const [hit] = flagEvent(eventOf('cloudtrail.amazonaws.com', 'StopLogging', { requestParameters: { name: 'org-trail' } }));
    expect(hit?.attack).toEqual(['T1562.008']);
  });

  it('says nothing about GetCallerIdentity on its own', () => {
    expect(flagEvent(eventOf('sts.amazonaws.com', 'GetCallerIdentity'))).toEqual([]);
  });

  it('flags GetCallerIdentity from a secret-scanning tool', () => {
    const hits = flagEvent(eventOf('sts.amazonaws.com', 'GetCallerIdentity', { userAgent: 'TruffleHog' }));
    expect(hits.map((hit) => hit.ruleId)).toEqual(['TC-TOOL-001']);
  });

  it('keeps routine CloudFormation deployments quiet', () => {
    const deploy = [
      eventOf('lambda.amazonaws.com', 'CreateFunction20150331', { ...viaCloudFormation, requestParameters: { functionName: 'api', role: 'arn:aws:iam::111122223333:role/api' } }),
      eventOf('logs.amazonaws.com', 'DeleteLogGroup', { ...viaCloudFormation, requestParameters: { logGroupName: '/aws/lambda/old' } }),
      eventOf('ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress', { ...viaCloudFormation, requestParameters: { groupId: 'sg-1' } }),
    ];
    for (const event of deploy) expect(flagEvent(event), event.eventName).toEqual([]);
  });
});
