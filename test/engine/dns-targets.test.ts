import { describe, expect, it } from 'vitest';
import { canonicalDnsName, dnsTargetKind, type DnsNamed, resourceByDnsName } from '../../src/engine/dns-targets.js';
import { kind, named, Store } from '../../src/engine/store.js';

describe('DNS targets', () => {
  const sample = dnsTargetKind(kind<DnsNamed>({ noun: 'the sample', notFound: 'SampleNotFound', field: 'SampleId' }));

  it('compares names as DNS does: case, trailing dot and dualstack. ignored', () => {
    expect(canonicalDnsName('DualStack.Web-1.us-east-1.elb.amazonaws.com.')).toBe('web-1.us-east-1.elb.amazonaws.com');
  });

  it('finds the resource of any declared kind by its name, and nothing for another name', () => {
    const s = new Store();
    const r: DnsNamed = { ...named('x-1', 'us-east-1', { logicalId: 'X' }), dnsName: 'x-1.example.aws' };
    s.table(sample).set(r.id, r);
    expect(resourceByDnsName(s, 'X-1.example.aws.')).toBe(r);
    expect(resourceByDnsName(s, 'y.example.aws')).toBeUndefined();
  });
});
