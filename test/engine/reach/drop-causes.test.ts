import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/engine/address.js';
import { traceJson } from '../../../src/cli/commands/trace.js';
import { trace } from '../../../src/engine/reach/question.js';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { basic } from '../../support/net.js';

const NETWORKS = join(import.meta.dirname, '../../fixtures/networks');

describe('drop causes: a code and its parameters on every drop', () => {
  it('a security group without a matching inbound rule names the groups, the interface, protocol, port and source', () => {
    const loaded = loadSubmissionPath(join(NETWORKS, 'three-tier.yaml'));
    const r = trace(loaded.cloud, { from: 'Web', to: 'Db', port: 5432, protocol: 'tcp' });
    expect(r.reachable).toBe(false);
    const cause = r.drop!.cause;
    expect(cause.code).toBe('SecurityGroupNoInboundRule');
    if (cause.code !== 'SecurityGroupNoInboundRule') return;
    const db = [...loaded.cloud.instances.values()].find((i) => i.logicalId === 'Db')!;
    expect(cause.networkInterface).toBe(db.networkInterfaceIds[0]);
    expect(cause.groups).toEqual(loaded.cloud.interfaces.get(db.networkInterfaceIds[0])!.securityGroupIds);
    expect(cause).toMatchObject({ protocol: 'tcp', port: '5432' });
    const web = [...loaded.cloud.instances.values()].find((i) => i.logicalId === 'Web')!;
    expect(cause.peer).toBe(formatIp(loaded.cloud.interfaces.get(web.networkInterfaceIds[0])!.privateIp));
    // The sentence is rendered from the cause and the dropping hop carries it too.
    expect(r.drop!.reason).toMatch(/No inbound rule of Db's security group DbSg/);
    expect(r.drop!.hop.cause).toEqual(cause);
  });

  it('a missing route, a network ACL and a missing public address each have their code', () => {
    const three = loadSubmissionPath(join(NETWORKS, 'three-tier.yaml')).cloud;
    expect(trace(three, { from: 'App', to: 'internet', port: 443, protocol: 'tcp' }).drop?.cause.code).toBe('NoRoute');
    const noPublic = trace(three, { from: 'internet', to: 'App', port: 8080, protocol: 'tcp' }).drop!.cause;
    expect(noPublic.code).toBe('DestinationHasNoPublicAddress');
    const nacl = loadSubmissionPath(join(NETWORKS, 'nacl-zones.yaml')).cloud;
    const d = trace(nacl, { from: 'internet', to: 'Web', port: 443, protocol: 'tcp' }).drop!.cause;
    expect(d).toMatchObject({ code: 'NetworkAclDenies', egress: false, leg: 'request', protocol: 'tcp', port: '443' });
  });

  it('a route to a deleted NAT gateway is a blackhole with the route and its target', () => {
    const n = basic();
    const eip = n.cloud.allocateElasticIp('us-east-1');
    const nat = n.cloud.createNatGateway({ subnetId: n.pub, allocationId: eip.id });
    n.cloud.createRoute({ routeTableId: n.privRt, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });
    n.cloud.deleteResource(nat.id);
    const r = trace(n.cloud, { from: 'App', to: 'internet', port: 443, protocol: 'tcp' });
    expect(r.drop!.cause).toEqual({ code: 'RouteBlackhole', routeTable: n.privRt, destination: '0.0.0.0/0', target: { kind: 'nat-gateway', id: nat.id }, leg: 'request' });
    expect(r.drop!.reason).toMatch(/is a blackhole/);
  });

  it('trace --json keeps its fields and adds the cause to the drop and to the dropping hop', () => {
    const loaded = loadSubmissionPath(join(NETWORKS, 'three-tier.yaml'));
    const json = traceJson(trace(loaded.cloud, { from: 'Web', to: 'Db', port: 5432, protocol: 'tcp' })) as {
      drop: Record<string, unknown>;
      path: { action: string; cause?: { code: string } }[];
    };
    expect(Object.keys(json.drop)).toEqual(['component', 'id', 'logicalId', 'direction', 'reason', 'fix', 'cause']);
    expect((json.drop.cause as { code: string }).code).toBe('SecurityGroupNoInboundRule');
    const dropping = json.path.filter((h) => h.action === 'drop');
    expect(dropping.length).toBeGreaterThan(0);
    for (const h of dropping) expect(h.cause?.code).toBe('SecurityGroupNoInboundRule');
    expect(json.path.filter((h) => h.action !== 'drop').every((h) => h.cause === undefined)).toBe(true);
  });
});
