/** Traces through DNS, CloudFront, databases and auto scaling groups (src/engine/reach/services/). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { QuestionError, trace } from '../../../../src/engine/reach/question.js';
import { loadSubmissionFromTemplates, loadSubmissionPath } from '../../../../src/formats/load-submission.js';

const fixture = (p: string): string => fileURLToPath(new URL(`../../../fixtures/services/${p}`, import.meta.url));
const load = (p: string) => loadSubmissionPath(fixture(p)).cloud;
const stackText = readFileSync(fixture('trace/stack.yaml'), 'utf8');
const variant = (text: string) => {
  const loaded = loadSubmissionFromTemplates([{ file: 'variant.yaml', text }]);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.cloud;
};
const stack = load('trace/stack.yaml');

describe('a trace to a database', () => {
  it('RDS-07: a plain VPC leg to the database interface on its engine port, the port defaulting to it', () => {
    const r = trace(stack, { from: 'WebGroup-1', to: 'Database', protocol: 'tcp' });
    expect(r.reachable).toBe(true);
    expect(r.port).toBe(3306);
    expect(r.path.find((h) => h.component === 'database')?.detail).toMatch(/mysql at shop-db\..*:3306; its Multi-AZ standby in us-east-1b/);
    expect(r.path.some((h) => h.component === 'security-group' && h.logicalId === 'DbSg' && /from group WebSg/.test(h.detail))).toBe(true);
  });

  it('RDS-07: another port is not where the database listens', () => {
    const r = trace(stack, { from: 'WebGroup-1', to: 'shop-db', protocol: 'tcp', port: 5432 });
    expect(r.drop?.cause).toEqual({ code: 'DatabaseNotListening', database: 'shop-db', port: 5432, databasePort: 3306 });
  });

  it('RDS-06: a database that is not publicly accessible cannot be reached from the internet', () => {
    const r = trace(stack, { from: 'internet', to: 'Database', protocol: 'tcp' });
    expect(r.drop?.cause).toEqual({ code: 'DatabaseNotPublic', database: 'Database' });
  });

  it('RDS-06: a publicly accessible database gets a public address, still behind its security group', () => {
    const cloud = variant(stackText.replace('PubliclyAccessible: false', 'PubliclyAccessible: true'));
    const r = trace(cloud, { from: 'internet', to: 'Database', protocol: 'tcp' });
    expect(r.reachable).toBe(false);
    expect(r.drop?.cause.code).not.toBe('DatabaseNotPublic');
  });

  it('the database is also reached by its endpoint address', () => {
    const db = trace(stack, { from: 'WebGroup-2', to: 'Database', protocol: 'tcp' });
    const endpoint = /at (\S+):3306/.exec(db.path.find((h) => h.component === 'database')!.detail)![1];
    expect(trace(stack, { from: 'WebGroup-2', to: endpoint, protocol: 'tcp' }).reachable).toBe(true);
  });
});

describe('a trace to a DNS name', () => {
  it('R53-02: a private zone answers inside its VPC (a CNAME to the database endpoint) and not from the internet', () => {
    const inside = trace(stack, { from: 'WebGroup-1', to: 'db.internal.example.com', protocol: 'tcp', port: 3306 });
    expect(inside.reachable).toBe(true);
    expect(inside.path[0]).toMatchObject({ component: 'dns', action: 'resolve' });
    expect(inside.path[0].detail).toMatch(/private zone InternalZone .* beats public zones/);
    expect(inside.path[0].detail).toMatch(/CNAME to shop-db\./);
    const outside = trace(stack, { from: 'internet', to: 'db.internal.example.com', protocol: 'tcp', port: 3306 });
    expect(outside.drop?.cause).toMatchObject({ code: 'DnsNoAnswer' });
    expect(outside.drop?.reason).toMatch(/NXDOMAIN/);
  });

  it('R53-03: an alias leads to the load balancer it names', () => {
    const r = trace(stack, { from: 'internet', to: 'app.example.com', protocol: 'tcp', port: 443 });
    expect(r.reachable).toBe(true);
    expect(r.path[0].detail).toMatch(/AppRecord is an alias to Alb/);
    expect(r.targets).toHaveLength(4);
  });

  it('R53-06: a failover name answers with its PRIMARY in the static picture', () => {
    const r = trace(load('route53/failover.yaml'), { from: 'internet', to: 'api.example.com', protocol: 'tcp', port: 443 });
    expect(r.path[0].detail).toMatch(/api\.example\.com\. → 203\.0\.113\.10|api\.example\.com → 203\.0\.113\.10/);
    expect(r.path[0].detail).toMatch(/PRIMARY primary answers/);
    expect(r.drop?.cause).toEqual({ code: 'AddressOutside', address: '203.0.113.10' });
  });

  it('R53-05: a weighted name reports every answer with its share', () => {
    const r = trace(load('route53/failover.yaml'), { from: 'internet', to: 'app.example.com', protocol: 'tcp', port: 443 });
    expect(r.members?.map((m) => [m.name, m.role])).toEqual([
      ['blue → 203.0.113.20', 'weight 90, 90%'],
      ['green → 203.0.113.21', 'weight 10, 10%'],
    ]);
  });
});

describe('a trace to a CloudFront distribution', () => {
  it('CF-02: DNS → CloudFront → ALB → target, the origin reached with the viewer\'s protocol (match-viewer)', () => {
    const https = trace(stack, { from: 'internet', to: 'www.example.com', protocol: 'tcp', port: 443 });
    expect(https.reachable).toBe(true);
    const components = [...new Set(https.path.map((h) => h.component))];
    expect(components.slice(0, 3)).toEqual(['dns', 'cloudfront', 'internet']);
    expect(components).toEqual(expect.arrayContaining(['load-balancer', 'listener', 'target-group', 'instance']));
    expect(https.path.find((h) => h.component === 'cloudfront' && /^origin web/.test(h.detail))?.detail).toMatch(/match-viewer → HTTPS port 443/);
    expect(https.path.find((h) => h.component === 'listener')?.detail).toMatch(/^HTTPS:443/);
    const http = trace(stack, { from: 'internet', to: 'Cdn', protocol: 'tcp', port: 80 });
    expect(http.path.find((h) => h.component === 'listener')?.detail).toMatch(/^HTTP:80/);
  });

  it('CF-02: match-viewer over HTTPS needs an HTTPS listener on the origin', () => {
    const r = trace(load('trace/no-https-listener.yaml'), { from: 'internet', to: 'Cdn', protocol: 'tcp', port: 443 });
    expect(r.drop?.cause).toMatchObject({ code: 'ListenerMissing', port: 443, listeners: ['HTTP:80'] });
    expect(r.drop?.reason).toMatch(/match-viewer sends the viewer's HTTPS on to port 443/);
  });

  it('CF-02: an origin on a port its ALB does not listen on (http-only, HTTPPort 8080)', () => {
    const r = trace(load('trace/origin-wrong-port.yaml'), { from: 'internet', to: 'www.example.com', protocol: 'tcp', port: 443 });
    expect(r.drop?.cause).toMatchObject({ code: 'ListenerMissing', port: 8080, listeners: ['HTTP:80', 'HTTPS:443'] });
    expect(r.drop?.fix).toMatch(/HTTPPort/);
  });

  it('CF-01: the edge listens on 80 and 443 only; https-only and redirect-to-https do not pass HTTP', () => {
    expect(trace(stack, { from: 'internet', to: 'Cdn', protocol: 'tcp', port: 8080 }).drop?.cause).toMatchObject({ code: 'CloudFrontPort', port: 8080 });
    for (const policy of ['https-only', 'redirect-to-https'] as const) {
      const cloud = variant(stackText.replace('ViewerProtocolPolicy: allow-all', `ViewerProtocolPolicy: ${policy}`));
      const r = trace(cloud, { from: 'internet', to: 'Cdn', protocol: 'tcp', port: 80 });
      expect(r.drop?.cause).toMatchObject({ code: 'CloudFrontViewerPolicy', policy });
      expect(r.drop?.reason).toMatch(policy === 'https-only' ? /403/ : /301 redirect/);
      expect(trace(cloud, { from: 'internet', to: 'Cdn', protocol: 'tcp', port: 443 }).reachable).toBe(true);
    }
  });

  it('CF-03: an origin group traces the primary and the secondary as the failover path', () => {
    const text = stackText.replace(
      "        DefaultCacheBehavior:\n          TargetOriginId: web",
      [
        "          - Id: spare",
        "            DomainName: spare.example.net",
        "            CustomOriginConfig: { OriginProtocolPolicy: https-only }",
        "        OriginGroups:",
        "          Quantity: 1",
        "          Items:",
        "            - Id: failover",
        "              FailoverCriteria: { StatusCodes: { Quantity: 2, Items: [502, 503] } }",
        "              Members: { Quantity: 2, Items: [{ OriginId: web }, { OriginId: spare }] }",
        "        DefaultCacheBehavior:",
        "          TargetOriginId: failover",
        "          AllowedMethods: [GET, HEAD, OPTIONS]",
      ].join('\n'),
    );
    const r = trace(variant(text), { from: 'internet', to: 'Cdn', protocol: 'tcp', port: 443 });
    expect(r.reachable).toBe(true);
    expect(r.members?.map((m) => [m.name, m.role, m.reachable])).toEqual([
      ['web', 'primary', true],
      ['spare', 'secondary (failover)', false],
    ]);
    expect(r.explanation).toMatch(/secondary origin spare is not reachable, so failover would not help/);
  });
});

describe('an auto scaling group as an end', () => {
  it('is each of its instances: reachable only when every instance is', () => {
    const r = trace(stack, { from: 'internet', to: 'WebGroup', protocol: 'tcp', port: 80 });
    expect(r.reachable).toBe(false);
    expect(r.members?.map((m) => m.name)).toEqual(['WebGroup-1', 'WebGroup-2', 'WebGroup-3', 'WebGroup-4']);
    expect(r.explanation).toMatch(/^0 of 4 instances of WebGroup get through/);
  });

  it('as the source: each instance asks', () => {
    const r = trace(stack, { from: 'WebGroup', to: 'Database', protocol: 'tcp' });
    expect(r.reachable).toBe(true);
    expect(r.members?.every((m) => m.reachable)).toBe(true);
    expect(r.explanation).toMatch(/^4 of 4 instances of WebGroup get through/);
  });

  it('a subnet end (a probe instance there) asks a service like an instance', () => {
    const r = trace(stack, { from: 'subnet:PrivateA', fromGroups: ['WebSg'], to: 'db.internal.example.com', protocol: 'tcp', port: 3306 });
    expect(r.reachable).toBe(true);
    expect(r.explanation).toMatch(/subnet:PrivateA can reach Database/);
    expect(trace(stack, { from: 'subnet:PrivateA', to: 'Database', protocol: 'tcp' }).drop?.cause.code).toBe('SecurityGroupNoInboundRule');
  });

  it('a load balancer does not open connections of its own', () => {
    expect(() => trace(stack, { from: 'Alb', to: 'WebGroup-1', protocol: 'tcp', port: 80 })).toThrow(QuestionError);
  });
});
