import type { RiskRule } from '../rule';
import { call, namesOtherAccount, notByAwsService, personCall, succeededCall } from './helpers';

const ec2 = 'ec2.amazonaws.com';

/** Network exposure: openings to the internet, new paths into or out of the network, copies of its traffic. */
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
    reason: '{eventName} on {requestParameters.groupId|requestParameters.ModifySecurityGroupRulesRequest.GroupId} allows traffic from anywhere (0.0.0.0/0 or ::/0).',
    nextStep: 'Narrow the rule to known addresses and check for connections since it opened.',
    attack: ['T1562.007'],
    references: [
      { source: 'Panther', name: 'AWS EC2 Manual Security Group Change' },
      { source: 'Elastic', name: 'Insecure AWS EC2 VPC Security Group Ingress Rule Added' },
      { source: 'Stratus Red Team', name: 'Open Ingress Port 22 on a Security Group' },
      { source: 'TrailDiscover', name: 'AuthorizeSecurityGroupIngress' },
    ],
  },
  {
    id: 'TC-NET-004',
    title: 'Security group rules changed',
    severity: 'low',
    category: 'network-exposure',
    when: {
      all: [
        personCall(ec2, 'AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'ModifySecurityGroupRules', 'CreateSecurityGroup', 'DeleteSecurityGroup'),
        { not: { field: 'requestParameters', includes: '0.0.0.0/0' } },
        { not: { field: 'requestParameters', includes: '::/0' } },
      ],
    },
    reason: '{eventName} on {requestParameters.groupId|requestParameters.groupName}: which traffic reaches or leaves these resources changed.',
    nextStep: 'Check the new rules against the expected network design.',
    attack: ['T1562.007'],
    references: [
      { source: 'Panther', name: 'EC2 Security Group Modified' },
      { source: 'TrailDiscover', name: 'AuthorizeSecurityGroupIngress' },
      { source: 'Panther', name: 'AWS EC2 Manual Security Group Change' },
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
    attack: ['T1562.007'],
    references: [
      { source: 'Elastic', name: 'AWS EC2 Network Access Control List Creation' },
      { source: 'Panther', name: 'AWS Network ACL Overly Permissive Entry Created' },
      { source: 'TrailDiscover', name: 'CreateNetworkAclEntry' },
      { source: 'Splunk', name: 'AWS Network Access Control List Created with All Open Ports' },
    ],
  },
  {
    id: 'TC-NET-005',
    title: 'Network ACL changed',
    severity: 'low',
    category: 'network-exposure',
    when: {
      all: [
        personCall(ec2, 'CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation'),
        { not: { all: [{ field: 'requestParameters.ruleAction', equals: 'allow' }, { any: [{ field: 'requestParameters.cidrBlock', equals: '0.0.0.0/0' }, { field: 'requestParameters.ipv6CidrBlock', equals: '::/0' }] }] } },
      ],
    },
    reason: '{eventName} on {requestParameters.networkAclId}: the subnet-level firewall changed.',
    nextStep: 'Check the ACL against the expected network design.',
    attack: ['T1562.007'],
    references: [
      { source: 'Elastic', name: 'AWS EC2 Network Access Control List Deletion' },
      { source: 'Panther', name: 'EC2 Network ACL Modified' },
      { source: 'Splunk', name: 'AWS Network Access Control List Deleted' },
    ],
  },
  {
    id: 'TC-NET-006',
    title: 'Route changed',
    severity: 'low',
    category: 'network-exposure',
    when: personCall(ec2, 'CreateRoute', 'ReplaceRoute', 'DeleteRoute', 'CreateRouteTable', 'DeleteRouteTable', 'ReplaceRouteTableAssociation', 'DisassociateRouteTable', 'AssociateRouteTable'),
    reason: '{eventName} in {requestParameters.routeTableId}: traffic for {requestParameters.destinationCidrBlock} now goes via {requestParameters.gatewayId|requestParameters.natGatewayId|requestParameters.networkInterfaceId|requestParameters.vpcPeeringConnectionId|requestParameters.transitGatewayId}.',
    nextStep: 'Check the route against the expected network design.',
    attack: ['T1562.007'],
    references: [
      { source: 'Panther', name: 'EC2 Route Table Modified' },
      { source: 'TrailDiscover', name: 'CreateRoute' },
    ],
  },
  {
    id: 'TC-NET-007',
    title: 'Default route to an internet gateway',
    severity: 'medium',
    category: 'network-exposure',
    when: {
      all: [
        personCall(ec2, 'CreateRoute', 'ReplaceRoute'),
        { field: 'requestParameters.gatewayId', startsWith: 'igw-' },
        { any: [{ field: 'requestParameters.destinationCidrBlock', equals: '0.0.0.0/0' }, { field: 'requestParameters.destinationIpv6CidrBlock', equals: '::/0' }] },
      ],
    },
    reason: '{eventName} sends all traffic of {requestParameters.routeTableId} to internet gateway {requestParameters.gatewayId}: the subnet becomes public.',
    nextStep: 'Confirm the subnet is meant to be public and what runs in it.',
    attack: ['T1562.007'],
    references: [{ source: 'SigmaHQ', name: 'New Network Route Added' }],
  },
  {
    id: 'TC-NET-008',
    title: 'Internet, VPN or customer gateway changed',
    severity: 'medium',
    category: 'network-exposure',
    when: personCall(ec2, 'CreateInternetGateway', 'AttachInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway', 'CreateCustomerGateway', 'DeleteCustomerGateway', 'CreateVpnConnection', 'CreateVpnGateway', 'AttachVpnGateway', 'CreateClientVpnEndpoint', 'CreateEgressOnlyInternetGateway'),
    reason: '{eventName} ({requestParameters.internetGatewayId|requestParameters.vpcId|requestParameters.ipAddress}): a way in or out of the network was added or removed.',
    nextStep: 'Check the gateway against the expected network design.',
    attack: ['T1133'],
    references: [
      { source: 'Panther', name: 'EC2 Network Gateway Modified' },
      { source: 'TrailDiscover', name: 'AttachInternetGateway' },
    ],
  },
  {
    id: 'TC-NET-009',
    title: 'VPC peering with another account',
    severity: 'high',
    category: 'network-exposure',
    when: {
      any: [
        { all: [succeededCall(ec2, 'CreateVpcPeeringConnection'), namesOtherAccount('requestParameters.peerOwnerId')] },
        { all: [succeededCall(ec2, 'AcceptVpcPeeringConnection'), namesOtherAccount('responseElements.vpcPeeringConnection.requesterVpcInfo.ownerId')] },
      ],
    },
    reason: '{eventName} links this network with a VPC of account {requestParameters.peerOwnerId|responseElements.vpcPeeringConnection.requesterVpcInfo.ownerId}.',
    nextStep: 'Confirm the other account is a known partner; otherwise delete the peering.',
    attack: ['T1133', 'T1537'],
    references: [{ source: 'TrailDiscover', name: 'CreateVpcPeeringConnection' }],
  },
  {
    id: 'TC-NET-010',
    title: 'VPC or peering changed',
    severity: 'low',
    category: 'network-exposure',
    when: personCall(ec2, 'CreateVpc', 'DeleteVpc', 'ModifyVpcAttribute', 'CreateVpcPeeringConnection', 'AcceptVpcPeeringConnection', 'DeleteVpcPeeringConnection', 'RejectVpcPeeringConnection', 'AttachClassicLinkVpc', 'DetachClassicLinkVpc', 'DisableVpcClassicLink', 'EnableVpcClassicLink'),
    reason: '{eventName} on {requestParameters.vpcId|requestParameters.vpcPeeringConnectionId}: the network layout changed.',
    nextStep: 'Check the change against the expected network design.',
    attack: ['T1562.007'],
    references: [{ source: 'Panther', name: 'EC2 VPC Modified' }],
  },
  {
    id: 'TC-NET-011',
    title: 'Traffic mirroring set up or changed',
    severity: 'high',
    category: 'network-exposure',
    when: {
      all: [
        call(ec2, 'CreateTrafficMirrorSession', 'CreateTrafficMirrorTarget', 'CreateTrafficMirrorFilter', 'CreateTrafficMirrorFilterRule', 'ModifyTrafficMirrorSession', 'ModifyTrafficMirrorFilterRule', 'DeleteTrafficMirrorSession', 'DeleteTrafficMirrorTarget', 'DeleteTrafficMirrorFilter'),
        notByAwsService,
      ],
    },
    reason: '{eventName}: someone set up, changed or removed a copy of network traffic (target {requestParameters.CreateTrafficMirrorSessionRequest.TrafficMirrorTargetId|requestParameters.CreateTrafficMirrorTargetRequest.NetworkInterfaceId|requestParameters.CreateTrafficMirrorTargetRequest.NetworkLoadBalancerArn}).',
    nextStep: 'Find where the mirrored traffic goes and who owns that target.',
    attack: ['T1040'],
    references: [
      { source: 'Elastic', name: 'AWS EC2 Full Network Packet Capture Detected' },
      { source: 'Panther', name: 'AWS EC2 Traffic Mirroring' },
      { source: 'TrailDiscover', name: 'CreateTrafficMirrorSession' },
    ],
  },
  {
    id: 'TC-NET-012',
    title: 'Serial console access enabled',
    severity: 'medium',
    category: 'network-exposure',
    when: succeededCall(ec2, 'EnableSerialConsoleAccess'),
    reason: 'EnableSerialConsoleAccess: instances can now be reached through their serial console, around network rules.',
    nextStep: 'Turn it off unless someone needs it for recovery now.',
    attack: ['T1021.007'],
    references: [
      { source: 'Stratus Red Team', name: 'Usage of EC2 Serial Console to push SSH public key' },
      { source: 'TrailDiscover', name: 'EnableSerialConsoleAccess' },
    ],
  },
  {
    id: 'TC-NET-013',
    title: 'Load balancer, database or cache security groups changed',
    severity: 'low',
    category: 'network-exposure',
    when: {
      any: [
        personCall('elasticloadbalancing.amazonaws.com', 'ApplySecurityGroupsToLoadBalancer', 'SetSecurityGroups'),
        personCall('rds.amazonaws.com', 'CreateDBSecurityGroup', 'DeleteDBSecurityGroup', 'AuthorizeDBSecurityGroupIngress', 'RevokeDBSecurityGroupIngress'),
        personCall('elasticache.amazonaws.com', 'CreateCacheSecurityGroup', 'DeleteCacheSecurityGroup', 'AuthorizeCacheSecurityGroupIngress', 'RevokeCacheSecurityGroupIngress'),
      ],
    },
    reason: '{eventName} on {eventSource}: who may reach {requestParameters.loadBalancerName|requestParameters.loadBalancerArn|requestParameters.dBSecurityGroupName|requestParameters.cacheSecurityGroupName} changed.',
    nextStep: 'Check the new rules against the expected network design.',
    attack: ['T1562.007'],
    references: [
      { source: 'SigmaHQ', name: 'AWS ElastiCache Security Group Created' },
      { source: 'SigmaHQ', name: 'AWS ElastiCache Security Group Modified or Deleted' },
      { source: 'TrailDiscover', name: 'AuthorizeDBSecurityGroupIngress' },
    ],
  },
];
