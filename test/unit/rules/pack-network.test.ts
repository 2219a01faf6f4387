import { networkRules } from '../../../shared/rules/pack/network';
import { describeFamily } from './cases';
import { denied, eventOf, viaCloudFormation } from './records';

const ec2 = 'ec2.amazonaws.com';
const ingress = (cidrIp: string) => ({ groupId: 'sg-1', ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp }] } }] } });

describeFamily('network', networkRules, {
  'TC-NET-001': {
    positive: [
      eventOf(ec2, 'AuthorizeSecurityGroupIngress', { requestParameters: ingress('0.0.0.0/0') }),
      eventOf(ec2, 'AuthorizeSecurityGroupIngress', { requestParameters: { groupId: 'sg-1', ipPermissions: { items: [{ ipv6Ranges: { items: [{ cidrIpv6: '::/0' }] } }] } } }),
      eventOf(ec2, 'ModifySecurityGroupRules', { requestParameters: { ModifySecurityGroupRulesRequest: { GroupId: 'sg-1', SecurityGroupRule: { SecurityGroupRule: { CidrIpv4: '0.0.0.0/0', FromPort: 3389, ToPort: 3389, IpProtocol: 'tcp' } } } } }),
    ],
    negative: [eventOf(ec2, 'AuthorizeSecurityGroupIngress', { requestParameters: ingress('10.0.0.0/8') }), eventOf(ec2, 'AuthorizeSecurityGroupIngress', { ...denied, requestParameters: ingress('0.0.0.0/0') })],
  },
  'TC-NET-004': {
    positive: [eventOf(ec2, 'AuthorizeSecurityGroupIngress', { requestParameters: ingress('10.0.0.0/8') }), eventOf(ec2, 'DeleteSecurityGroup', { requestParameters: { groupId: 'sg-1' } })],
    negative: [eventOf(ec2, 'AuthorizeSecurityGroupIngress', { requestParameters: ingress('0.0.0.0/0') }), eventOf(ec2, 'CreateSecurityGroup', viaCloudFormation)],
  },
  'TC-NET-002': {
    positive: [eventOf(ec2, 'CreateNetworkAclEntry', { requestParameters: { networkAclId: 'acl-1', ruleNumber: 100, cidrBlock: '0.0.0.0/0', ruleAction: 'allow', egress: false } })],
    negative: [
      eventOf(ec2, 'CreateNetworkAclEntry', { requestParameters: { cidrBlock: '0.0.0.0/0', ruleAction: 'deny', egress: false } }),
      eventOf(ec2, 'CreateNetworkAclEntry', { requestParameters: { cidrBlock: '0.0.0.0/0', ruleAction: 'allow', egress: true } }),
    ],
  },
  'TC-NET-005': {
    positive: [eventOf(ec2, 'DeleteNetworkAcl', { requestParameters: { networkAclId: 'acl-1' } }), eventOf(ec2, 'CreateNetworkAclEntry', { requestParameters: { networkAclId: 'acl-1', cidrBlock: '10.0.0.0/8', ruleAction: 'allow', egress: false } })],
    negative: [eventOf(ec2, 'CreateNetworkAclEntry', { requestParameters: { networkAclId: 'acl-1', cidrBlock: '0.0.0.0/0', ruleAction: 'allow', egress: false } }), eventOf(ec2, 'DescribeNetworkAcls')],
  },
  'TC-NET-006': {
    positive: [eventOf(ec2, 'CreateRoute', { requestParameters: { routeTableId: 'rtb-1', destinationCidrBlock: '10.1.0.0/16', vpcPeeringConnectionId: 'pcx-1' } })],
    negative: [eventOf(ec2, 'DescribeRouteTables'), eventOf(ec2, 'CreateRoute', { ...viaCloudFormation, requestParameters: { routeTableId: 'rtb-1' } })],
  },
  'TC-NET-007': {
    positive: [eventOf(ec2, 'CreateRoute', { requestParameters: { routeTableId: 'rtb-1', destinationCidrBlock: '0.0.0.0/0', gatewayId: 'igw-0abc' } })],
    negative: [eventOf(ec2, 'CreateRoute', { requestParameters: { routeTableId: 'rtb-1', destinationCidrBlock: '0.0.0.0/0', natGatewayId: 'nat-1' } })],
  },
  'TC-NET-008': {
    positive: [eventOf(ec2, 'AttachInternetGateway', { requestParameters: { internetGatewayId: 'igw-1', vpcId: 'vpc-1' } }), eventOf(ec2, 'CreateVpnConnection', { requestParameters: { customerGatewayId: 'cgw-1' } })],
    negative: [eventOf(ec2, 'DescribeInternetGateways')],
  },
  'TC-NET-009': {
    positive: [eventOf(ec2, 'CreateVpcPeeringConnection', { requestParameters: { vpcId: 'vpc-1', peerVpcId: 'vpc-9', peerOwnerId: '444455556666' } })],
    negative: [eventOf(ec2, 'CreateVpcPeeringConnection', { requestParameters: { vpcId: 'vpc-1', peerVpcId: 'vpc-2', peerOwnerId: '111122223333' } })],
  },
  'TC-NET-010': {
    positive: [eventOf(ec2, 'ModifyVpcAttribute', { requestParameters: { vpcId: 'vpc-1', enableDnsSupport: { value: false } } })],
    negative: [eventOf(ec2, 'DescribeVpcs'), eventOf(ec2, 'CreateVpc', viaCloudFormation)],
  },
  'TC-NET-011': {
    positive: [
      eventOf(ec2, 'CreateTrafficMirrorSession', { sourceIPAddress: 'AWS Internal', requestParameters: { CreateTrafficMirrorSessionRequest: { NetworkInterfaceId: 'eni-1', TrafficMirrorTargetId: 'tmt-1', SessionNumber: 1 } } }),
      eventOf(ec2, 'CreateTrafficMirrorSession', { errorCode: 'Client.NetworkInterfaceNotSupported', requestParameters: { CreateTrafficMirrorSessionRequest: { NetworkInterfaceId: 'eni-1' } } }),
      eventOf(ec2, 'DeleteTrafficMirrorTarget', { requestParameters: { DeleteTrafficMirrorTargetRequest: { TrafficMirrorTargetId: 'tmt-1' } } }),
    ],
    negative: [eventOf(ec2, 'DescribeTrafficMirrorTargets', { requestParameters: { DescribeTrafficMirrorTargetsRequest: { MaxResults: 1000 } } })],
  },
  'TC-NET-012': {
    positive: [eventOf(ec2, 'EnableSerialConsoleAccess')],
    negative: [eventOf(ec2, 'DisableSerialConsoleAccess'), eventOf(ec2, 'EnableSerialConsoleAccess', { errorCode: 'Client.UnauthorizedOperation' })],
  },
  'TC-NET-013': {
    positive: [eventOf('elasticache.amazonaws.com', 'AuthorizeCacheSecurityGroupIngress', { requestParameters: { cacheSecurityGroupName: 'cache', eC2SecurityGroupName: 'web' } })],
    negative: [eventOf('elasticache.amazonaws.com', 'DescribeCacheSecurityGroups')],
  },
});
