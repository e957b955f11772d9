/**
 * The items of ../shared/aws-semantics.md about templates as CloudFormation reads them
 * (29, 30, 34, 35, 36), numbered as there, through the whole loader and the virtual cloud.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trace } from '../../src/engine/reach/question.js';
import { loadSubmissionFromTemplates, loadSubmissionPath } from '../../src/formats/load-submission.js';
import { resolveStackEnd } from '../../src/formats/trace-ends.js';
import type { TemplateFile } from '../../src/formats/submission-files.js';

const load = (text: string, opts: Parameters<typeof loadSubmissionFromTemplates>[1] = {}) =>
  loadSubmissionFromTemplates([{ file: 't.yaml', text }], opts);
const errors = (r: ReturnType<typeof load>) => r.diagnostics.filter((d) => d.severity === 'error');
const warnings = (r: ReturnType<typeof load>, code: string) => r.diagnostics.filter((d) => d.severity === 'warning' && d.code === code);

const VPC = `  VPC:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
`;

describe('29. duplicate keys: the last one wins', () => {
  it('YAML: a repeated property keeps its last value, with a warning naming both lines', () => {
    const r = load(`Resources:
  VPC:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.1.0.0/16
      CidrBlock: 10.2.0.0/16
`);
    expect(errors(r)).toEqual([]);
    const [w] = warnings(r, 'DuplicateKey');
    expect(w).toMatchObject({ file: 't.yaml', line: 6 });
    expect(w.message).toContain('lines 5 and 6');
    expect(r.resources[0].properties.CidrBlock).toBe('10.2.0.0/16');
  });

  it('JSON: a repeated resource keeps the last declaration', () => {
    const text = '{"Resources": {\n "A": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},\n "A": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.9.0.0/16"}}\n}}';
    const r = loadSubmissionFromTemplates([{ file: 't.json', text }]);
    expect(errors(r)).toEqual([]);
    expect(warnings(r, 'DuplicateKey')[0].message).toContain('lines 2 and 3');
    expect(r.resources.map((x) => x.properties.CidrBlock)).toEqual(['10.9.0.0/16']);
  });
});

describe('30. every short-form tag !X is Fn::X; Rules are noted, not evaluated', () => {
  it('!Length and !ToJsonString are their functions', () => {
    const r = load(`Resources:
${VPC}  Note:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Name: !ToJsonString {zones: !Length [a, b, c]}
      Value: x
`);
    expect(errors(r)).toEqual([]);
    expect(r.resources.find((x) => x.logicalId === 'Note')!.properties.Name).toBe('{"zones":3}');
  });

  it('the Rules functions are read in Rules, which gets one warning and is never refused', () => {
    const r = load(`Parameters:
  Env: {Type: String, Default: test, AllowedValues: [test, prod]}
  Zones: {Type: 'List<AWS::EC2::AvailabilityZone::Name>', Default: 'us-east-1a,us-east-1b'}
Rules:
  ProdZones:
    RuleCondition: !Equals [!Ref Env, prod]
    Assertions:
      - Assert: !Contains [[us-east-1a, us-east-1b], !Select [0, !Ref Zones]]
      - Assert: !EachMemberIn [!Ref Zones, [us-east-1a, us-east-1b]]
      - Assert: !Equals [!ValueOf [!Ref Zones, Tag], x]
      - Assert: !Not [!Equals [!RefAll AWS::EC2::VPC::Id, []]]
      - Assert: !EachMemberEquals [!ValueOfAll [AWS::EC2::Subnet::Id, Tag], x]
Resources:
${VPC}`);
    expect(errors(r)).toEqual([]);
    expect(warnings(r, 'RulesNotChecked')).toHaveLength(1);
    expect(warnings(r, 'RulesNotChecked')[0].message).toContain('(1 rule)');
  });

  it('a Rules function outside Rules is refused as CloudFormation refuses it', () => {
    const r = load(`Resources:\n  VPC:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: !ValueOf [x, y]}\n`);
    expect(errors(r)[0]).toMatchObject({ code: 'UnsupportedIntrinsic', line: 4 });
    expect(errors(r)[0].message).toContain('only inside Rules');
  });

  it('a tag that is no function is an error with the nearest one', () => {
    const r = load(`Resources:\n  VPC:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: !Selct [0, [10.0.0.0/16]]}\n`);
    expect(errors(r)[0]).toMatchObject({ code: 'UnknownTag' });
    expect(errors(r)[0].message).toContain('did you mean !Select?');
  });

  it('the other sections: Hooks and the SAM transform with Globals load with warnings; an unknown macro says what is missing', () => {
    const sam = load(`Transform: AWS::Serverless-2016-10-31
Globals:
  Function: {Timeout: 5}
Hooks:
  CodeDeployBlueGreenHook: {Type: AWS::CodeDeploy::BlueGreen, Properties: {}}
Resources:
${VPC}  Fn:
    Type: AWS::Serverless::Function
    Properties: {Handler: index.handler, Runtime: nodejs20.x, InlineCode: x}
`);
    expect(errors(sam)).toEqual([]);
    expect(warnings(sam, 'TransformNotRun')[0].message).toContain('AWS::Serverless::* resources are kept');
    expect(warnings(sam, 'HooksNotRun')).toHaveLength(1);
    const macro = load(`Transform: [MyMacro, AWS::LanguageExtensions]\nResources:\n${VPC}`);
    expect(errors(macro)).toEqual([]);
    expect(warnings(macro, 'TransformNotRun').map((w) => w.message)).toEqual([
      expect.stringContaining('MyMacro transform is a macro'),
      expect.stringContaining('Fn::ForEach does not'),
    ]);
    const forEach = load(`Transform: AWS::LanguageExtensions
Resources:
${VPC}  Fn::ForEach::Subnets:
    - Name
    - [A, B]
    - Subnet\${Name}: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.1.0/24}}
`);
    expect(errors(forEach)[0]).toMatchObject({ code: 'UnsupportedTransform', line: 6 });
    expect(errors(forEach)[0].message).toContain('write out the resources');
  });

  it('Description and Version on a resource are accepted, as CloudFormation accepts them', () => {
    const r = load(`Resources:\n  VPC:\n    Type: AWS::EC2::VPC\n    Description: the VPC\n    Version: '1.0'\n    Properties: {CidrBlock: 10.0.0.0/16}\n`);
    expect(errors(r)).toEqual([]);
  });
});

describe('34. availability zones are the region\'s real ones', () => {
  const THREE_AZ = `Parameters:
  NumberOfAZs: {Type: Number, Default: 3}
Resources:
${VPC}  A:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
  B:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [1, !GetAZs {Ref: AWS::Region}]}
  C:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.2.0/24, AvailabilityZone: !Select [2, {'Fn::GetAZs': {Ref: 'AWS::Region'}}]}
  F:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.5.0/24, AvailabilityZone: !Select [5, !GetAZs '']}
`;
  it('us-east-1 has six zones, us-east-1a to us-east-1f, in every form of Fn::GetAZs', () => {
    const r = load(THREE_AZ);
    expect(errors(r)).toEqual([]);
    expect(r.resources.filter((x) => x.type === 'AWS::EC2::Subnet').map((x) => x.properties.AvailabilityZone)).toEqual([
      'us-east-1a',
      'us-east-1b',
      'us-east-1c',
      'us-east-1f',
    ]);
  });

  it('a region with three zones refuses the sixth, naming the list\'s length', () => {
    const r = load(THREE_AZ, { region: 'eu-west-1' });
    expect(errors(r).map((e) => [e.logicalId, e.message])).toEqual([['F', expect.stringContaining('the list has 3 items')]]);
  });

  it('a zone-list parameter with no value gets every zone of the region, with a warning', () => {
    const r = load(`Parameters:
  Zones: {Type: 'List<AWS::EC2::AvailabilityZone::Name>'}
  Zone: {Type: 'AWS::EC2::AvailabilityZone::Name'}
Resources:
${VPC}  C:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.2.0/24, AvailabilityZone: !Select [2, !Ref Zones]}
  D:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.3.0/24, AvailabilityZone: !Ref Zone}
`);
    expect(errors(r)).toEqual([]);
    expect(warnings(r, 'ParameterStandIn').map((w) => w.message)).toEqual([
      expect.stringContaining('"us-east-1a,us-east-1b,us-east-1c,us-east-1d,us-east-1e,us-east-1f"'),
      expect.stringContaining('"us-east-1a"'),
    ]);
    expect(r.resources.find((x) => x.logicalId === 'C')!.properties.AvailabilityZone).toBe('us-east-1c');
  });

  it('a zone of another region is refused, naming the region\'s zones', () => {
    const r = load(`Parameters:\n  Zone: {Type: 'AWS::EC2::AvailabilityZone::Name', Default: eu-west-1a}\nResources:\n${VPC}`);
    expect(errors(r)[0].message).toContain('is not an availability zone of us-east-1 (us-east-1a, us-east-1b');
  });
});

describe('35. DependsOn on the gateway attachment', () => {
  const BASE = `Resources:
${VPC}  IGW: {Type: AWS::EC2::InternetGateway}
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {VpcId: !Ref VPC, InternetGatewayId: !Ref IGW}
  Public:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: true}
  RT:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref VPC}
`;
  const ROUTE = `  Default:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref RT, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref IGW}
`;
  const EIP = `  Eip:
    Type: AWS::EC2::EIP
    Properties: {Domain: vpc}
`;
  const WEB = `  Web:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-12345678, SubnetId: !Ref Public}
`;
  const withDependsOn = (s: string) => s.replace(/(    Type: AWS::EC2::(Route|EIP|Instance)\n)/, '$1    DependsOn: Attach\n');

  it('a route, an elastic IP and a public instance without it each get a warning saying how to fix it', () => {
    const r = load(BASE + ROUTE + EIP + WEB);
    expect(errors(r)).toEqual([]);
    const ws = warnings(r, 'MissingDependsOn');
    expect(ws.map((w) => w.logicalId)).toEqual(['Default', 'Eip', 'Web']);
    expect(ws[0].message).toBe(
      'the route to IGW does not depend on Attach, so CloudFormation may create it before IGW is attached to the VPC, and it then fails; add DependsOn: Attach',
    );
  });

  it('with DependsOn (or a reference chain to the attachment) there is no warning', () => {
    const chain = `  Nat:
    Type: AWS::EC2::NatGateway
    Properties: {SubnetId: !Ref Public, AllocationId: !GetAtt Eip.AllocationId}
`;
    const r = load(BASE + withDependsOn(ROUTE) + withDependsOn(EIP) + withDependsOn(WEB) + chain);
    expect(errors(r)).toEqual([]);
    expect(warnings(r, 'MissingDependsOn')).toEqual([]);
  });

  it('an instance in a private subnet needs no DependsOn', () => {
    const r = load(BASE.replace('MapPublicIpOnLaunch: true', 'MapPublicIpOnLaunch: false') + WEB);
    expect(warnings(r, 'MissingDependsOn')).toEqual([]);
  });
});

describe('36. several stacks in one region', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const folder = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'cloudlab-layered-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  };
  const NETWORK = `Resources:
${VPC}  IGW: {Type: AWS::EC2::InternetGateway}
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {VpcId: !Ref VPC, InternetGatewayId: !Ref IGW}
  Public:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: true}
  RT:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref VPC}
  Default:
    Type: AWS::EC2::Route
    DependsOn: Attach
    Properties: {RouteTableId: !Ref RT, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref IGW}
  Assoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref Public, RouteTableId: !Ref RT}
  Web:
    Type: AWS::EC2::Instance
    DependsOn: Attach
    Properties: {ImageId: ami-12345678, SubnetId: !Ref Public}
Outputs:
  SubnetId: {Value: !Ref Public, Export: {Name: net-PublicSubnet}}
`;
  const APP = `Parameters:
  Vpc: {Type: 'AWS::EC2::VPC::Id', Default: VPC}
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0}]
  Web:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-12345678, SubnetId: !ImportValue net-PublicSubnet, SecurityGroupIds: [!Ref Sg]}
`;

  it('us-east-1/network.yaml and us-east-1/app.yaml load in dependency order, whatever their names\' order', () => {
    const r = loadSubmissionPath(folder({ 'us-east-1/network.yaml': NETWORK, 'us-east-1/app.yaml': APP }));
    expect(errors(r)).toEqual([]);
    expect(r.regions).toEqual(['us-east-1']);
    expect(Object.keys(r.stacks).sort()).toEqual(['us-east-1/app', 'us-east-1/network']);
    const order = r.resources.map((x) => `${x.stack}/${x.logicalId}`);
    expect(order.indexOf('network/Public')).toBeLessThan(order.indexOf('app/Sg'));
    const vpcId = r.resources.find((x) => x.logicalId === 'VPC')!.ref;
    expect(r.resources.find((x) => x.logicalId === 'Sg')!.properties.VpcId).toBe(vpcId);
  });

  it('today\'s <region>.yaml works beside a region folder, and AWS::StackName is the stack\'s name', () => {
    const app = APP.replace('GroupDescription: web', 'GroupDescription: !Ref AWS::StackName');
    const r = loadSubmissionPath(folder({ 'us-east-1.yaml': NETWORK, 'us-east-1/app.yaml': app, 'eu-west-1.yaml': `Resources:\n${VPC}` }));
    expect(errors(r)).toEqual([]);
    expect(r.regions.sort()).toEqual(['eu-west-1', 'us-east-1']);
    expect(r.resources.find((x) => x.logicalId === 'Sg')!.properties.GroupDescription).toBe('app');
  });

  it('a logical id used by two stacks is written with its stack in trace ends; a unique one stays as it is', () => {
    const r = loadSubmissionPath(folder({ 'us-east-1/network.yaml': NETWORK, 'us-east-1/app.yaml': APP }));
    const ask = (from: string, to: string) => {
      const end = (t: string) => {
        const e = resolveStackEnd(r, t);
        if ('error' in e) throw new Error(e.error);
        return e.end;
      };
      return trace(r.cloud, { from: end(from), to: end(to), protocol: 'tcp', port: 80 });
    };
    expect(ask('internet', 'app/Web').reachable).toBe(true);
    expect(ask('internet', 'us-east-1/app/Web').reachable).toBe(true);
    // network/Web has the VPC's default group, which lets nothing in from the internet.
    expect(ask('internet', 'network/Web').reachable).toBe(false);
    expect(resolveStackEnd(r, 'Web')).toEqual({ error: '"Web" names resources of several stacks; write one of network/Web, app/Web' });
    expect(resolveStackEnd(r, 'VPC')).toEqual({ end: 'VPC' });
    expect(ask('app/Web', 'network/Web').path.length).toBeGreaterThan(0);
  });

  it('a parameter takes a physical id too, and a plain --param', () => {
    const first = loadSubmissionPath(folder({ 'us-east-1/network.yaml': NETWORK }));
    const vpcId = first.resources.find((x) => x.logicalId === 'VPC')!.ref!;
    const app = APP.replace('Default: VPC', `Default: ${vpcId}`);
    const r = loadSubmissionPath(folder({ 'us-east-1/a-app.yaml': app, 'us-east-1/network.yaml': NETWORK }));
    expect(errors(r)).toEqual([]);
    const withParam = loadSubmissionPath(folder({ 'us-east-1/network.yaml': NETWORK, 'us-east-1/app.yaml': APP }), { params: { Vpc: 'network/VPC' } });
    expect(errors(withParam)).toEqual([]);
  });

  it('a parameter naming a resource the submission does not have is refused with the ones it has', () => {
    const r = loadSubmissionPath(folder({ 'us-east-1/network.yaml': NETWORK, 'us-east-1/app.yaml': APP }), { params: { Vpc: 'vpc-0123456789abcdef0' } });
    expect(errors(r)[0].message).toMatch(/^parameter Vpc: --param Vpc "vpc-0123456789abcdef0" is not a VPC of us-east-1 \(the VPCs there: network\/VPC \(vpc-[0-9a-f]{17}\)\)$/);
  });

  it('imports in a circle, an export defined twice in a region and a missing export are errors naming them', () => {
    const a = `Resources:\n  A: {Type: Custom::A, Properties: {V: !ImportValue b-out}}\nOutputs:\n  O: {Value: !Ref A, Export: {Name: a-out}}\n`;
    const b = `Resources:\n  B: {Type: Custom::B, Properties: {V: !ImportValue a-out}}\nOutputs:\n  O: {Value: !Ref B, Export: {Name: b-out}}\n`;
    const circle = loadSubmissionPath(folder({ 'us-east-1/a.yaml': a, 'us-east-1/b.yaml': b }));
    expect(errors(circle).map((e) => e.code)).toEqual(['CircularImport']);
    expect(errors(circle)[0].message).toMatch(/a\.yaml → .*b\.yaml → .*a\.yaml/);

    const twice = loadSubmissionPath(folder({ 'us-east-1/network.yaml': NETWORK, 'us-east-1/copy.yaml': NETWORK.replace(/10\.0\./g, '10.1.') }));
    expect(errors(twice).map((e) => e.code)).toEqual(['DuplicateExport']);
    expect(errors(twice)[0].message).toContain('an export name is unique in its region');

    const missing = loadSubmissionPath(folder({ 'us-east-1/network.yaml': NETWORK, 'us-east-1/app.yaml': APP.replace('net-PublicSubnet', 'net-PublicSubnets') }));
    expect(errors(missing)[0]).toMatchObject({ code: 'ExportNotFound', logicalId: 'Web' });
    expect(errors(missing)[0].message).toContain('did you mean net-PublicSubnet?');
  });

  it('stack names follow AWS\'s rule, and one stack name is one stack', () => {
    const r = loadSubmissionPath(folder({ 'us-east-1/my_app.yaml': APP, 'us-east-1/net.yaml': NETWORK, 'us-east-1/net.json': '{"Resources": {"V": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.5.0.0/16"}}}}' }));
    expect(errors(r).map((e) => e.code).sort()).toEqual(['AlreadyExistsException', 'InvalidStackName']);
  });

  it('templates handed over in memory carry their stack', () => {
    const templates: TemplateFile[] = [
      { file: 'n.yaml', region: 'us-east-1', stack: 'network', text: NETWORK },
      { file: 'a.yaml', region: 'us-east-1', stack: 'app', text: APP },
    ];
    const r = loadSubmissionFromTemplates(templates);
    expect(errors(r)).toEqual([]);
    expect(r.resources.filter((x) => x.logicalId === 'Web').map((x) => x.stack)).toEqual(['network', 'app']);
  });
});

describe('every error in one run (issue 13 §5)', () => {
  it('a misspelled property and a wrong !Ref in one resource are both reported', () => {
    const r = load(`Resources:
${VPC}  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref VPc
      CidrBlok: 10.0.1.0/24
`);
    expect(errors(r).map((e) => [e.code, e.line])).toEqual([
      ['UnknownProperty', 9],
      ['UnknownReference', 8],
    ]);
  });

  it('an attribute that does not exist is named with the valid ones, even behind a failed resource', () => {
    const r = load(`Resources:
${VPC}  PublicSubnet:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref VPC, CidrBlock: 10.9.1.0/24}
  Eni:
    Type: AWS::EC2::NetworkInterface
    Properties: {SubnetId: !GetAtt PublicSubnet.SubnetID}
  Assoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref PublicSubnet, RouteTableId: !Ref Table}
  Table:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref VPC}
`);
    const es = errors(r);
    expect(es.map((e) => e.code)).toEqual(['InvalidSubnet.Range', 'UnknownAttribute']);
    expect(es[1].message).toContain('has no attribute SubnetID; did you mean SubnetId?');
    // What was not created only because PublicSubnet failed is one line, and not an error.
    expect(warnings(r, 'DependencyFailed').map((w) => w.message)).toEqual(['1 resource was not created because PublicSubnet failed: Assoc']);
  });
});

describe('34. (cont.) two short forms in a row', () => {
  it('!GetAZs !Ref AWS::Region is refused as CloudFormation refuses it, with the long form to write', () => {
    const r = load(`Resources:\n  VPC:\n    Type: AWS::EC2::Subnet\n    Properties: {AvailabilityZone: !Select [0, !GetAZs !Ref AWS::Region]}\n`);
    expect(errors(r)[0]).toMatchObject({ code: 'YamlSyntax', line: 4 });
    expect(errors(r)[0].message).toContain('write the inner one in its long form, such as !GetAZs {Ref: …}');
  });
});
