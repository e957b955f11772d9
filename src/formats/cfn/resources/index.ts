import { autoScalingGroup } from './autoscaling-group.js';
import { launchConfiguration } from './autoscaling-launch-configuration.js';
import { scalingPolicy } from './autoscaling-scaling-policy.js';
import { scheduledAction } from './autoscaling-scheduled-action.js';
import { backupPlan } from './backup-backup-plan.js';
import { backupSelection } from './backup-backup-selection.js';
import { backupVault } from './backup-backup-vault.js';
import { certificate } from './certificatemanager-certificate.js';
import { distribution } from './cloudfront-distribution.js';
import { alarm } from './cloudwatch-alarm.js';
import { egressOnlyInternetGateway } from './ec2-egress-only-internet-gateway.js';
import { eip } from './ec2-eip.js';
import { eipAssociation } from './ec2-eip-association.js';
import { instance } from './ec2-instance.js';
import { internetGateway } from './ec2-internet-gateway.js';
import { launchTemplate } from './ec2-launch-template.js';
import { natGateway } from './ec2-nat-gateway.js';
import { networkAcl, networkAclEntry, subnetNetworkAclAssociation } from './ec2-network-acl.js';
import { networkInterface, networkInterfaceAttachment } from './ec2-network-interface.js';
import { prefixList } from './ec2-prefix-list.js';
import { route } from './ec2-route.js';
import { routeTable } from './ec2-route-table.js';
import { securityGroup } from './ec2-security-group.js';
import { securityGroupEgress, securityGroupIngress } from './ec2-security-group-rule.js';
import { subnet } from './ec2-subnet.js';
import { subnetCidrBlock } from './ec2-subnet-cidr-block.js';
import { subnetRouteTableAssociation } from './ec2-subnet-route-table-association.js';
import { vpc } from './ec2-vpc.js';
import { vpcCidrBlock } from './ec2-vpc-cidr-block.js';
import { vpcGatewayAttachment } from './ec2-vpc-gateway-attachment.js';
import { vpcPeeringConnection } from './ec2-vpc-peering-connection.js';
import { listener } from './elbv2-listener.js';
import { listenerCertificate } from './elbv2-listener-certificate.js';
import { listenerRule } from './elbv2-listener-rule.js';
import { loadBalancer } from './elbv2-load-balancer.js';
import { targetGroup } from './elbv2-target-group.js';
import type { ResourceType } from './resource-type.js';
import { dbInstance } from './rds-db-instance.js';
import { dbSubnetGroup } from './rds-db-subnet-group.js';
import { healthCheck } from './route53-health-check.js';
import { hostedZone } from './route53-hosted-zone.js';
import { recordSet, recordSetGroup } from './route53-record-set.js';
import { webAcl } from './wafv2-web-acl.js';

export type { BuildContext, BuildResource, BuildWarning, Built, ResourceType } from './resource-type.js';

/**
 * The registry: every CloudFormation resource type the virtual cloud models, by name. A new
 * service adds its files next to these and one line each here.
 */
export const MODELLED_TYPES: Readonly<Record<string, ResourceType>> = {
  'AWS::EC2::VPC': vpc,
  'AWS::EC2::VPCCidrBlock': vpcCidrBlock,
  'AWS::EC2::Subnet': subnet,
  'AWS::EC2::SubnetCidrBlock': subnetCidrBlock,
  'AWS::EC2::RouteTable': routeTable,
  'AWS::EC2::Route': route,
  'AWS::EC2::SubnetRouteTableAssociation': subnetRouteTableAssociation,
  'AWS::EC2::InternetGateway': internetGateway,
  'AWS::EC2::VPCGatewayAttachment': vpcGatewayAttachment,
  'AWS::EC2::EgressOnlyInternetGateway': egressOnlyInternetGateway,
  'AWS::EC2::PrefixList': prefixList,
  'AWS::EC2::EIP': eip,
  'AWS::EC2::EIPAssociation': eipAssociation,
  'AWS::EC2::NatGateway': natGateway,
  'AWS::EC2::SecurityGroup': securityGroup,
  'AWS::EC2::SecurityGroupIngress': securityGroupIngress,
  'AWS::EC2::SecurityGroupEgress': securityGroupEgress,
  'AWS::EC2::NetworkAcl': networkAcl,
  'AWS::EC2::NetworkAclEntry': networkAclEntry,
  'AWS::EC2::SubnetNetworkAclAssociation': subnetNetworkAclAssociation,
  'AWS::EC2::VPCPeeringConnection': vpcPeeringConnection,
  'AWS::EC2::Instance': instance,
  'AWS::EC2::NetworkInterface': networkInterface,
  'AWS::EC2::NetworkInterfaceAttachment': networkInterfaceAttachment,
  'AWS::AutoScaling::AutoScalingGroup': autoScalingGroup,
  'AWS::AutoScaling::LaunchConfiguration': launchConfiguration,
  'AWS::AutoScaling::ScalingPolicy': scalingPolicy,
  'AWS::AutoScaling::ScheduledAction': scheduledAction,
  'AWS::EC2::LaunchTemplate': launchTemplate,
  'AWS::ElasticLoadBalancingV2::Listener': listener,
  'AWS::ElasticLoadBalancingV2::ListenerCertificate': listenerCertificate,
  'AWS::ElasticLoadBalancingV2::ListenerRule': listenerRule,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': loadBalancer,
  'AWS::ElasticLoadBalancingV2::TargetGroup': targetGroup,
  // CloudFront, AWS Backup and what they name (certificates, web ACLs), in alphabetical order.
  'AWS::Backup::BackupPlan': backupPlan,
  'AWS::Backup::BackupSelection': backupSelection,
  'AWS::Backup::BackupVault': backupVault,
  'AWS::CertificateManager::Certificate': certificate,
  'AWS::CloudFront::Distribution': distribution,
  'AWS::CloudWatch::Alarm': alarm,
  'AWS::WAFv2::WebACL': webAcl,
  'AWS::RDS::DBInstance': dbInstance,
  'AWS::RDS::DBSubnetGroup': dbSubnetGroup,
  'AWS::Route53::HealthCheck': healthCheck,
  'AWS::Route53::HostedZone': hostedZone,
  'AWS::Route53::RecordSet': recordSet,
  'AWS::Route53::RecordSetGroup': recordSetGroup,
};
