import type { RiskRule } from '../rule';
import { succeededCall } from './helpers';

const ec2 = 'ec2.amazonaws.com';

/** Network exposure: openings to the whole internet, and snapshots or images made public. */
export const networkRules: readonly RiskRule[] = [
  {
    id: 'TC-NET-001',
    title: 'Security group opened to the internet',
    severity: 'high',
    category: 'network-exposure',
    when: {
      all: [
        succeededCall(ec2, 'AuthorizeSecurityGroupIngress', 'ModifySecurityGroupRules'),
        { any: [{ field: 'requestParameters', includes: '0.0.0.0/0' }, { field: 'requestParameters', includes: '::/0' }] },
      ],
    },
    reason: '{eventName} on {requestParameters.groupId} allows traffic from anywhere (0.0.0.0/0 or ::/0).',
    nextStep: 'Narrow the rule to known addresses and check for connections since it opened.',
    references: [
      { source: 'Panther', name: 'AWS Security Group Ingress Open to the World' },
      { source: 'Elastic', name: 'Insecure AWS EC2 VPC Security Group Ingress Rule Added' },
      { source: 'SigmaHQ', name: 'AWS EC2 Security Group Ingress Rule Created' },
    ],
  },
  {
    id: 'TC-NET-002',
    title: 'Network ACL allows the internet',
    severity: 'high',
    category: 'network-exposure',
    when: {
      all: [
        succeededCall(ec2, 'CreateNetworkAclEntry', 'ReplaceNetworkAclEntry'),
        { any: [{ field: 'requestParameters.cidrBlock', equals: '0.0.0.0/0' }, { field: 'requestParameters.ipv6CidrBlock', equals: '::/0' }] },
        { field: 'requestParameters.ruleAction', equals: 'allow' },
        { not: { field: 'requestParameters.egress', equals: true } },
      ],
    },
    reason: '{eventName} on {requestParameters.networkAclId} allows inbound traffic from {requestParameters.cidrBlock|requestParameters.ipv6CidrBlock}.',
    nextStep: 'Restrict the ACL entry and review the subnets it covers.',
    references: [
      { source: 'Elastic', name: 'AWS EC2 Network Access Control List Creation' },
      { source: 'Panther', name: 'AWS Network ACL Permissive Entry' },
    ],
  },
  {
    id: 'TC-NET-003',
    title: 'Snapshot or image shared publicly',
    severity: 'high',
    category: 'network-exposure',
    when: {
      all: [
        succeededCall(ec2, 'ModifySnapshotAttribute', 'ModifyImageAttribute'),
        {
          any: [
            { field: 'requestParameters.createVolumePermission.add.items.group', equals: 'all' },
            { field: 'requestParameters.launchPermission.add.items.group', equals: 'all' },
          ],
        },
      ],
    },
    reason: '{eventName} on {requestParameters.snapshotId|requestParameters.imageId} added a permission for group "all": anyone may copy it.',
    nextStep: 'Remove the public permission and assume the data was copied.',
    references: [
      { source: 'Elastic', name: 'AWS EC2 EBS Snapshot Shared or Made Public' },
      { source: 'SigmaHQ', name: 'AWS Snapshot Backup Exfiltration' },
    ],
  },
];
