import { describe, expect, it } from 'vitest';
import { REGION } from '../support/net.js';
import { runKind as run, tagged } from './support.js';

describe('check kinds see IPv6 rules and prefix lists in the model', () => {
  it('least-privilege: an SSH rule open to ::/0 held by the engine fails, a /128 passes', () => {
    const b = tagged();
    b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv6: '::/0' });
    const r = run(b.cloud, 'least-privilege', { of: 'role:web', allow: '80' });
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/every IPv6 address/);
    const c = tagged();
    c.cloud.addSecurityGroupRule(c.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv6: '2001:db8::1/128' });
    expect(run(c.cloud, 'least-privilege', { of: 'role:web', allow: '80' }).passed).toBe(true);
  });

  it('least-privilege: a rule naming a prefix list grants its entries', () => {
    const b = tagged();
    const wide = b.cloud.createManagedPrefixList(REGION, { prefixListName: 'wide', addressFamily: 'IPv4', maxEntries: 2, entries: [{ cidr: '0.0.0.0/1' }, { cidr: '128.0.0.0/1' }] }).id;
    b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, prefixListId: wide });
    expect(run(b.cloud, 'least-privilege', { of: 'role:web', allow: '80' }).passed).toBe(false);
    const c = tagged();
    const office = c.cloud.createManagedPrefixList(REGION, { prefixListName: 'office', addressFamily: 'IPv4', maxEntries: 1, entries: [{ cidr: '198.51.100.7/32' }] }).id;
    c.cloud.addSecurityGroupRule(c.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, prefixListId: office });
    expect(run(c.cloud, 'least-privilege', { of: 'role:web', allow: '80' }).passed).toBe(true);
  });

  it("forbidden: a prefix list naming the other VPC's block joins them", () => {
    const b = tagged();
    const other = b.cloud.createVpc(REGION, { cidrBlock: '10.9.0.0/16' }, { logicalId: 'Other' }).id;
    b.cloud.vpcs.get(other)!.tags.Role = 'other';
    b.cloud.vpcs.get(b.vpc)!.tags.Role = 'main';
    const pl = b.cloud.createManagedPrefixList(REGION, { prefixListName: 'other', addressFamily: 'IPv4', maxEntries: 1, entries: [{ cidr: '10.9.1.0/24' }] }).id;
    b.cloud.addSecurityGroupRule(b.appSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, prefixListId: pl });
    const r = run(b.cloud, 'forbidden', { between: ['role:main', 'role:other'] });
    expect(r.passed).toBe(false);
    expect(JSON.stringify(r)).toContain('10.9.1.0/24');
  });
});
