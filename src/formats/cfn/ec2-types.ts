import { B, I, JSON_VALUE, S, TAGS, list, obj, type ObjectSchema, type Shape } from './schema.js';

/**
 * The resource types the virtual cloud models, with their properties as the CloudFormation
 * resource reference lists them (settable properties, required ones, and the groups of
 * which exactly one or at least one must be given) and the attributes Fn::GetAtt can read.
 */
export interface ModelledType {
  readonly schema: ObjectSchema;
  readonly attributes: readonly string[];
}

const ipv6Address = obj({ Ipv6Address: S }, { required: ['Ipv6Address'] });
const privateIpSpec = obj({ Primary: B, PrivateIpAddress: S }, { required: ['PrivateIpAddress', 'Primary'] });
const enaSrd = obj({ EnaSrdEnabled: B, EnaSrdUdpSpecification: obj({ EnaSrdUdpEnabled: B }) });
const dnsNameOptions = obj({ EnableResourceNameDnsAAAARecord: B, EnableResourceNameDnsARecord: B, HostnameType: S });

const INGRESS_SOURCES = ['CidrIp', 'CidrIpv6', 'SourcePrefixListId', 'SourceSecurityGroupId', 'SourceSecurityGroupName'];
const EGRESS_DESTINATIONS = ['CidrIp', 'CidrIpv6', 'DestinationPrefixListId', 'DestinationSecurityGroupId'];

const ingressRuleProps: Record<string, Shape> = {
  CidrIp: S,
  CidrIpv6: S,
  Description: S,
  FromPort: I,
  IpProtocol: S,
  SourcePrefixListId: S,
  SourceSecurityGroupId: S,
  SourceSecurityGroupName: S,
  SourceSecurityGroupOwnerId: S,
  ToPort: I,
};
const egressRuleProps: Record<string, Shape> = {
  CidrIp: S,
  CidrIpv6: S,
  Description: S,
  DestinationPrefixListId: S,
  DestinationSecurityGroupId: S,
  FromPort: I,
  IpProtocol: S,
  ToPort: I,
};

const ROUTE_TARGETS = [
  'CarrierGatewayId',
  'CoreNetworkArn',
  'EgressOnlyInternetGatewayId',
  'GatewayId',
  'InstanceId',
  'LocalGatewayId',
  'NatGatewayId',
  'NetworkInterfaceId',
  'TransitGatewayId',
  'VpcEndpointId',
  'VpcPeeringConnectionId',
];

const instanceNetworkInterface = obj(
  {
    AssociateCarrierIpAddress: B,
    AssociatePublicIpAddress: B,
    DeleteOnTermination: B,
    Description: S,
    DeviceIndex: S,
    EnaSrdSpecification: enaSrd,
    GroupSet: list(S),
    Ipv6AddressCount: I,
    Ipv6Addresses: list(ipv6Address),
    NetworkInterfaceId: S,
    PrivateIpAddress: S,
    PrivateIpAddresses: list(privateIpSpec),
    SecondaryPrivateIpAddressCount: I,
    SubnetId: S,
  },
  { required: ['DeviceIndex'], exclusive: [['NetworkInterfaceId', 'AssociatePublicIpAddress']] },
);

const schema = (props: Record<string, Shape>, rest: Omit<ObjectSchema, 'props'> = {}): ObjectSchema => ({ props, ...rest });

export const MODELLED_TYPES: Readonly<Record<string, ModelledType>> = {
  'AWS::EC2::VPC': {
    schema: schema(
      {
        CidrBlock: S,
        EnableDnsHostnames: B,
        EnableDnsSupport: B,
        InstanceTenancy: S,
        Ipv4IpamPoolId: S,
        Ipv4NetmaskLength: I,
        Tags: TAGS,
      },
      {
        oneOf: [['CidrBlock', 'Ipv4IpamPoolId']],
        readOnly: ['CidrBlockAssociations', 'DefaultNetworkAcl', 'DefaultSecurityGroup', 'Ipv6CidrBlocks', 'VpcId'],
      },
    ),
    attributes: ['CidrBlock', 'CidrBlockAssociations', 'DefaultNetworkAcl', 'DefaultSecurityGroup', 'Ipv6CidrBlocks', 'VpcId'],
  },
  'AWS::EC2::VPCCidrBlock': {
    schema: schema(
      {
        AmazonProvidedIpv6CidrBlock: B,
        CidrBlock: S,
        Ipv4IpamPoolId: S,
        Ipv4NetmaskLength: I,
        Ipv6CidrBlock: S,
        Ipv6CidrBlockNetworkBorderGroup: S,
        Ipv6IpamPoolId: S,
        Ipv6NetmaskLength: I,
        Ipv6Pool: S,
        VpcId: S,
      },
      { required: ['VpcId'], readOnly: ['Id', 'IpSource', 'Ipv6AddressAttribute'] },
    ),
    attributes: ['Id', 'IpSource', 'Ipv6AddressAttribute'],
  },
  'AWS::EC2::Subnet': {
    schema: schema(
      {
        AssignIpv6AddressOnCreation: B,
        AvailabilityZone: S,
        AvailabilityZoneId: S,
        CidrBlock: S,
        EnableDns64: B,
        EnableLniAtDeviceIndex: I,
        Ipv4IpamPoolId: S,
        Ipv4NetmaskLength: I,
        Ipv6CidrBlock: S,
        Ipv6IpamPoolId: S,
        Ipv6Native: B,
        Ipv6NetmaskLength: I,
        MapPublicIpOnLaunch: B,
        OutpostArn: S,
        PrivateDnsNameOptionsOnLaunch: dnsNameOptions,
        Tags: TAGS,
        VpcId: S,
      },
      {
        required: ['VpcId'],
        anyOf: [['CidrBlock', 'Ipv4IpamPoolId', 'Ipv6CidrBlock', 'Ipv6IpamPoolId']],
        exclusive: [
          ['AvailabilityZone', 'AvailabilityZoneId'],
          ['CidrBlock', 'Ipv4IpamPoolId'],
          ['Ipv6CidrBlock', 'Ipv6IpamPoolId'],
        ],
        readOnly: ['NetworkAclAssociationId', 'SubnetId', 'Ipv6CidrBlocks', 'BlockPublicAccessStates'],
      },
    ),
    attributes: [
      'AvailabilityZone',
      'AvailabilityZoneId',
      'BlockPublicAccessStates.InternetGatewayBlockMode',
      'CidrBlock',
      'Ipv6CidrBlocks',
      'NetworkAclAssociationId',
      'OutpostArn',
      'SubnetId',
      'VpcId',
    ],
  },
  'AWS::EC2::RouteTable': {
    schema: schema({ Tags: TAGS, VpcId: S }, { required: ['VpcId'], readOnly: ['RouteTableId'] }),
    attributes: ['RouteTableId'],
  },
  'AWS::EC2::Route': {
    schema: schema(
      {
        DestinationCidrBlock: S,
        DestinationIpv6CidrBlock: S,
        DestinationPrefixListId: S,
        RouteTableId: S,
        ...Object.fromEntries(ROUTE_TARGETS.map((t) => [t, S])),
      },
      {
        required: ['RouteTableId'],
        oneOf: [['DestinationCidrBlock', 'DestinationIpv6CidrBlock', 'DestinationPrefixListId'], ROUTE_TARGETS],
        readOnly: ['CidrBlock'],
      },
    ),
    attributes: ['CidrBlock'],
  },
  'AWS::EC2::SubnetRouteTableAssociation': {
    schema: schema({ RouteTableId: S, SubnetId: S }, { required: ['RouteTableId', 'SubnetId'], readOnly: ['Id'] }),
    attributes: ['Id'],
  },
  'AWS::EC2::InternetGateway': {
    schema: schema({ Tags: TAGS }, { readOnly: ['InternetGatewayId'] }),
    attributes: ['InternetGatewayId'],
  },
  'AWS::EC2::VPCGatewayAttachment': {
    schema: schema(
      { InternetGatewayId: S, VpcId: S, VpnGatewayId: S },
      { required: ['VpcId'], oneOf: [['InternetGatewayId', 'VpnGatewayId']], readOnly: ['AttachmentType'] },
    ),
    attributes: ['AttachmentType'],
  },
  'AWS::EC2::EIP': {
    schema: schema(
      {
        Address: S,
        Domain: S,
        InstanceId: S,
        IpamPoolId: S,
        NetworkBorderGroup: S,
        PublicIpv4Pool: S,
        Tags: TAGS,
        TransferAddress: S,
      },
      { readOnly: ['PublicIp', 'AllocationId'] },
    ),
    attributes: ['AllocationId', 'PublicIp'],
  },
  'AWS::EC2::EIPAssociation': {
    schema: schema(
      { AllocationId: S, EIP: S, InstanceId: S, NetworkInterfaceId: S, PrivateIpAddress: S },
      { readOnly: ['Id'] },
    ),
    attributes: ['Id'],
  },
  'AWS::EC2::NatGateway': {
    schema: schema(
      {
        AllocationId: S,
        ConnectivityType: S,
        MaxDrainDurationSeconds: I,
        PrivateIpAddress: S,
        SecondaryAllocationIds: list(S),
        SecondaryPrivateIpAddressCount: I,
        SecondaryPrivateIpAddresses: list(S),
        SubnetId: S,
        Tags: TAGS,
      },
      { required: ['SubnetId'], readOnly: ['NatGatewayId'] },
    ),
    attributes: ['NatGatewayId'],
  },
  'AWS::EC2::SecurityGroup': {
    schema: schema(
      {
        GroupDescription: S,
        GroupName: S,
        SecurityGroupEgress: list(obj(egressRuleProps, { required: ['IpProtocol'], oneOf: [EGRESS_DESTINATIONS] })),
        SecurityGroupIngress: list(obj(ingressRuleProps, { required: ['IpProtocol'], oneOf: [INGRESS_SOURCES] })),
        Tags: TAGS,
        VpcId: S,
      },
      { required: ['GroupDescription'], readOnly: ['Id', 'GroupId'] },
    ),
    attributes: ['GroupId', 'Id', 'VpcId'],
  },
  'AWS::EC2::SecurityGroupIngress': {
    schema: schema(
      { ...ingressRuleProps, GroupId: S, GroupName: S },
      { required: ['IpProtocol'], oneOf: [INGRESS_SOURCES], anyOf: [['GroupId', 'GroupName']], readOnly: ['Id'] },
    ),
    attributes: ['Id'],
  },
  'AWS::EC2::SecurityGroupEgress': {
    schema: schema(
      { ...egressRuleProps, GroupId: S },
      { required: ['IpProtocol', 'GroupId'], oneOf: [EGRESS_DESTINATIONS], readOnly: ['Id'] },
    ),
    attributes: ['Id'],
  },
  'AWS::EC2::NetworkAcl': {
    schema: schema({ Tags: TAGS, VpcId: S }, { required: ['VpcId'], readOnly: ['Id'] }),
    attributes: ['Id'],
  },
  'AWS::EC2::NetworkAclEntry': {
    schema: schema(
      {
        CidrBlock: S,
        Egress: B,
        Icmp: obj({ Code: I, Type: I }),
        Ipv6CidrBlock: S,
        NetworkAclId: S,
        PortRange: obj({ From: I, To: I }),
        Protocol: I,
        RuleAction: S,
        RuleNumber: I,
      },
      {
        required: ['NetworkAclId', 'RuleAction', 'RuleNumber', 'Protocol'],
        oneOf: [['CidrBlock', 'Ipv6CidrBlock']],
        readOnly: ['Id'],
      },
    ),
    attributes: ['Id'],
  },
  'AWS::EC2::SubnetNetworkAclAssociation': {
    schema: schema({ NetworkAclId: S, SubnetId: S }, { required: ['NetworkAclId', 'SubnetId'], readOnly: ['AssociationId'] }),
    attributes: ['AssociationId'],
  },
  'AWS::EC2::VPCPeeringConnection': {
    schema: schema(
      { PeerOwnerId: S, PeerRegion: S, PeerRoleArn: S, PeerVpcId: S, Tags: TAGS, VpcId: S },
      { required: ['VpcId', 'PeerVpcId'], readOnly: ['Id'] },
    ),
    attributes: ['Id'],
  },
  'AWS::EC2::Instance': {
    schema: schema(
      {
        AdditionalInfo: S,
        Affinity: S,
        AvailabilityZone: S,
        BlockDeviceMappings: list(
          obj(
            {
              DeviceName: S,
              Ebs: obj({
                DeleteOnTermination: B,
                Encrypted: B,
                Iops: I,
                KmsKeyId: S,
                SnapshotId: S,
                VolumeSize: I,
                VolumeType: S,
              }),
              NoDevice: JSON_VALUE,
              VirtualName: S,
            },
            { required: ['DeviceName'] },
          ),
        ),
        CpuOptions: obj({ CoreCount: I, ThreadsPerCore: I }),
        CreditSpecification: obj({ CPUCredits: S }),
        DisableApiTermination: B,
        EbsOptimized: B,
        ElasticGpuSpecifications: list(obj({ Type: S }, { required: ['Type'] })),
        ElasticInferenceAccelerators: list(obj({ Count: I, Type: S }, { required: ['Type'] })),
        EnclaveOptions: obj({ Enabled: B }),
        HibernationOptions: obj({ Configured: B }),
        HostId: S,
        HostResourceGroupArn: S,
        IamInstanceProfile: S,
        ImageId: S,
        InstanceInitiatedShutdownBehavior: S,
        InstanceType: S,
        Ipv6AddressCount: I,
        Ipv6Addresses: list(ipv6Address),
        KernelId: S,
        KeyName: S,
        LaunchTemplate: obj({ LaunchTemplateId: S, LaunchTemplateName: S, Version: S }, { required: ['Version'] }),
        LicenseSpecifications: list(obj({ LicenseConfigurationArn: S }, { required: ['LicenseConfigurationArn'] })),
        MetadataOptions: obj({
          HttpEndpoint: S,
          HttpProtocolIpv6: S,
          HttpPutResponseHopLimit: I,
          HttpTokens: S,
          InstanceMetadataTags: S,
        }),
        Monitoring: B,
        NetworkInterfaces: list(instanceNetworkInterface),
        PlacementGroupName: S,
        PrivateDnsNameOptions: dnsNameOptions,
        PrivateIpAddress: S,
        PropagateTagsToVolumeOnCreation: B,
        RamdiskId: S,
        SecurityGroupIds: list(S),
        SecurityGroups: list(S),
        SourceDestCheck: B,
        SsmAssociations: list(
          obj(
            {
              AssociationParameters: list(obj({ Key: S, Value: list(S) }, { required: ['Key', 'Value'] })),
              DocumentName: S,
            },
            { required: ['DocumentName'] },
          ),
        ),
        SubnetId: S,
        Tags: TAGS,
        Tenancy: S,
        UserData: S,
        Volumes: list(obj({ Device: S, VolumeId: S }, { required: ['Device', 'VolumeId'] })),
      },
      {
        exclusive: [['SubnetId', 'NetworkInterfaces']],
        readOnly: ['InstanceId', 'PrivateIp', 'PublicDnsName', 'PublicIp', 'PrivateDnsName', 'VpcId', 'State'],
      },
    ),
    attributes: [
      'AvailabilityZone',
      'InstanceId',
      'PrivateDnsName',
      'PrivateIp',
      'PublicDnsName',
      'PublicIp',
      'State.Code',
      'State.Name',
      'VpcId',
    ],
  },
  'AWS::EC2::NetworkInterface': {
    schema: schema(
      {
        ConnectionTrackingSpecification: obj({ TcpEstablishedTimeout: I, UdpStreamTimeout: I, UdpTimeout: I }),
        Description: S,
        EnablePrimaryIpv6: B,
        GroupSet: list(S),
        InterfaceType: S,
        Ipv4PrefixCount: I,
        Ipv4Prefixes: list(obj({ Ipv4Prefix: S }, { required: ['Ipv4Prefix'] })),
        Ipv6AddressCount: I,
        Ipv6Addresses: list(ipv6Address),
        Ipv6PrefixCount: I,
        Ipv6Prefixes: list(obj({ Ipv6Prefix: S }, { required: ['Ipv6Prefix'] })),
        PrivateIpAddress: S,
        PrivateIpAddresses: list(privateIpSpec),
        SecondaryPrivateIpAddressCount: I,
        SourceDestCheck: B,
        SubnetId: S,
        Tags: TAGS,
      },
      {
        required: ['SubnetId'],
        exclusive: [['Ipv6AddressCount', 'Ipv6Addresses']],
        readOnly: ['Id', 'SecondaryPrivateIpAddresses', 'PrimaryPrivateIpAddress', 'PrimaryIpv6Address', 'VpcId'],
      },
    ),
    attributes: ['Id', 'PrimaryIpv6Address', 'PrimaryPrivateIpAddress', 'SecondaryPrivateIpAddresses', 'VpcId'],
  },
  'AWS::EC2::NetworkInterfaceAttachment': {
    schema: schema(
      { DeleteOnTermination: B, DeviceIndex: S, EnaSrdSpecification: enaSrd, InstanceId: S, NetworkInterfaceId: S },
      { required: ['DeviceIndex', 'InstanceId', 'NetworkInterfaceId'], readOnly: ['AttachmentId'] },
    ),
    attributes: ['AttachmentId'],
  },
};
