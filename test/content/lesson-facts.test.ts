import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * What the lessons say, checked as text: statements AWS's documentation contradicts must
 * not come back, the corrected ones must stay (each next to the page it was checked
 * against), and the material of the course's sources must stay covered. The arithmetic
 * of the same passages is recomputed by lesson-arithmetic.test.ts.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LESSONS_DIR = join(ROOT, 'lessons');
const LABS_DIR = join(ROOT, 'labs');

const files = readdirSync(LESSONS_DIR).filter((f) => /^\d\d-.+\.md$/.test(f));

function fileOf(order: number): string {
  const found = files.find((f) => f.startsWith(`${String(order).padStart(2, '0')}-`));
  if (!found) throw new Error(`no lesson ${order} in ${LESSONS_DIR}`);
  return found;
}

/** The raw Markdown of a lesson, comments included. */
function raw(order: number): string {
  return readFileSync(join(LESSONS_DIR, fileOf(order)), 'utf8');
}

/** What the reader sees, as one line: comments, bold, code marks and quote marks dropped, spaces collapsed. */
function prose(order: number): string {
  return raw(order)
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/^> ?/gm, '')
    .replace(/\*\*|`/g, '')
    .replace(/\s+/g, ' ');
}

/** One section's prose, from its `## heading` to the next. */
function section(order: number, heading: string): string {
  const text = raw(order);
  const start = text.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`lesson ${order} has no "## ${heading}" section`);
  const next = text.indexOf('\n## ', start + 3);
  return text
    .slice(start, next < 0 ? undefined : next)
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/^> ?/gm, '')
    .replace(/\*\*|`/g, '')
    .replace(/\s+/g, ' ');
}

/** The pages a lesson cites in `<!-- source: URL -->` comments. */
function sources(order: number): string[] {
  return [...raw(order).matchAll(/<!--\s*source:\s*(\S+)\s*-->/g)].map((m) => m[1]);
}

const cites = (order: number, page: string): boolean => sources(order).some((url) => url.includes(page));

describe('statements AWS contradicts do not come back', () => {
  it.each([
    [1, /pay nothing for a server you stopped/i, 'a stopped instance still pays for its EBS volumes and elastic IPs'],
    [15, /pay nothing for a server you stopped/i, 'a stopped instance still pays for its EBS volumes and elastic IPs'],
    [10, /nowhere to send/i, 'an ALB fails open when every target is unhealthy'],
    [10, /has three kinds/i, 'Elastic Load Balancing has four kinds, counting Classic'],
    [11, /\|\s*immediate\s*\|/i, 'origin failover waits for 3 attempts of 10 s by default'],
    [3, /the Amazon-provided DNS server\s*\|/i, "base + 2 of a subnet is reserved; the DNS server is at the VPC's base + 2"],
    [4, /can never be connected to it/i, 'overlapping networks can be connected through a private NAT gateway or PrivateLink'],
    [4, /cannot be peered or routed to each other/i, 'overlapping networks can be connected through a private NAT gateway or PrivateLink'],
    [5, /Each must belong to the same VPC as the route table/i, 'peering connections and transit gateways are not owned by the VPC'],
    [14, /backup and restore\s*\|\s*hours\s*\|\s*up to a day/i, 'the whitepaper gives RPO/RTO together: hours'],
    [14, /warm standby\s*\|\s*seconds/i, 'the whitepaper gives warm standby minutes for both'],
    [15, /\|\s*traffic inside one zone\s*\|/i, 'same-zone traffic is free only over private addresses'],
  ])('lesson %i does not say %s', (order, wrong) => {
    expect(prose(order)).not.toMatch(wrong);
  });
});

describe('the corrected statements stay, next to the AWS page they were checked against', () => {
  it('lesson 9 teaches both zonal and regional NAT gateways, keeping one zonal gateway per zone', () => {
    const text = prose(9);
    expect(text).toMatch(/regional NAT gateway/i);
    expect(text).toMatch(/no public subnet|public subnet needed \| yes \| no/i);
    expect(text).toMatch(/expands across the availability zones/i);
    expect(text).toMatch(/one gateway and one private route table per zone/i);
    expect(cites(9, 'nat-gateways-regional')).toBe(true);
    expect(prose(2)).toMatch(/regional NAT gateway/i);
  });

  it('lesson 10 says an ALB fails open, and that the damage of a deep health check is the group replacing every instance', () => {
    const text = prose(10);
    expect(text).toMatch(/fails open/i);
    expect(text).toMatch(/replaces every instance|terminates and replaces every instance/i);
    expect(cites(10, 'target-group-health-checks')).toBe(true);
  });

  it('lessons 1 and 15 say a stopped instance still pays for its EBS volumes and elastic IPs', () => {
    for (const order of [1, 15]) {
      expect(prose(order)).toMatch(/EBS/);
      expect(prose(order)).toMatch(/elastic IP/i);
      expect(cites(order, 'API_StopInstances')).toBe(true);
    }
  });

  it('lesson 11 gives origin failover its default 3 attempts of 10 seconds', () => {
    expect(prose(11)).toMatch(/3 connection attempts with a 10-second connection timeout/i);
    expect(cites(11, 'high_availability_origin_failover')).toBe(true);
  });

  it("lesson 3 puts the DNS server at the VPC's base + 2, reserved in every subnet", () => {
    const text = prose(3);
    expect(text).toMatch(/DNS server itself sits at the VPC's base plus two/i);
    expect(text).toMatch(/reserves base \+ 2 in every subnet/i);
    expect(raw(3)).toContain('<!-- check: dns 10.0.0.0/16 = 10.0.0.2 -->');
    expect(cites(3, 'subnet-sizing')).toBe(true);
  });

  it('lessons 4 and 13 connect overlapping networks through a private NAT gateway or PrivateLink, never by peering', () => {
    for (const order of [4, 13]) {
      expect(prose(order)).toMatch(/private NAT gateway/i);
      expect(prose(order)).toMatch(/PrivateLink/);
      expect(cites(order, 'nat-gateway-scenarios')).toBe(true);
    }
  });

  it('lesson 8: an elastic IP does not follow a replaced bastion; Session Manager needs outbound HTTPS', () => {
    const text = prose(8);
    expect(text).toMatch(/re-association step|re-associate the elastic IP/i);
    expect(text).toMatch(/DNS name/);
    expect(text).toMatch(/outbound HTTPS, tcp 443/i);
    expect(text).toMatch(/interface (VPC )?endpoints/i);
    expect(cites(8, 'setup-create-vpc')).toBe(true);
  });

  it('lessons 5 and 15: BYOIP addresses are not charged and the free tier covers 750 hours', () => {
    for (const order of [5, 15]) {
      expect(prose(order)).toMatch(/BYOIP/);
      expect(prose(order)).toMatch(/750 hours/);
      expect(cites(order, 'aws.amazon.com/vpc/pricing')).toBe(true);
    }
  });

  it('lesson 15: same-zone traffic is free only over private addresses; ALB addresses grow; storage is billed', () => {
    const text = prose(15);
    expect(text).toMatch(/free only over private addresses/i);
    expect(text).toMatch(/\| same-zone traffic on private IPs \|/i);
    expect(text).toMatch(/ALB adds nodes, each with its own address/i);
    expect(text).toMatch(/EBS gp3 storage/);
    expect(text).toMatch(/RDS gp3 storage/);
    expect(raw(15)).toMatch(/<!-- check: rate 100\*0\.23 = 23\.00 -->/);
  });

  it('lesson 14 gives the whitepaper\'s RPO/RTO together: hours, tens of minutes, minutes, real time', () => {
    const text = prose(14);
    expect(text).toMatch(/backup and restore \| hours \|/i);
    expect(text).toMatch(/pilot light \| tens of minutes \|/i);
    expect(text).toMatch(/warm standby \| minutes \|/i);
    expect(text).toMatch(/multi-site active\/active \| real time \|/i);
    expect(text).toMatch(/same continuous, asynchronous replication/i);
    expect(cites(14, 'disaster-recovery-workloads-on-aws')).toBe(true);
  });

  it('lesson 10 counts four kinds of load balancer, Classic included', () => {
    expect(prose(10)).toMatch(/four kinds/i);
    expect(prose(10)).toMatch(/Classic Load Balancer/);
  });

  it('lesson 5 says peering and transit gateway targets are not owned by the VPC', () => {
    expect(prose(5)).toMatch(/do not belong to any one VPC/i);
    expect(prose(5)).toMatch(/transit gateway \(tgw-…\)/i);
  });

  it('lesson 4 names the console\'s "auto-assign public IPv4 address" setting and says it does not make a subnet public', () => {
    expect(prose(4)).toMatch(/Enable auto-assign public IPv4 address/);
    expect(prose(4)).toMatch(/It does not make the subnet public/i);
  });
});

describe("the sources' material is covered", () => {
  it('lesson 7 works the zone table: Prod DMZ in two zones, Dev DMZ, DB zone, as numbered ACL rules', () => {
    const text = section(7, 'Worked example: a zone table');
    expect(text).toMatch(/Prod DMZ \| 10\.0\.0\.0\/24 \| us-east-1a/);
    expect(text).toMatch(/Prod DMZ \| 10\.0\.1\.0\/24 \| us-east-1b/);
    expect(text).toMatch(/Dev DMZ/);
    expect(text).toMatch(/DB zone/);
    for (const rule of [
      /100 tcp 22 198\.51\.100\.0\/24 ALLOW/,
      /110 tcp 80 0\.0\.0\.0\/0 ALLOW/,
      /120 tcp 443 0\.0\.0\.0\/0 ALLOW/,
      /130 tcp 1024-65535 0\.0\.0\.0\/0 ALLOW/,
      /100 tcp 3306 10\.0\.0\.0\/23 ALLOW/,
      /110 tcp 3306 10\.0\.8\.0\/24 ALLOW/,
      /100 tcp 1024-65535 10\.0\.0\.0\/23 ALLOW/,
      /110 tcp 1024-65535 10\.0\.8\.0\/24 ALLOW/,
    ]) {
      expect(text).toMatch(rule);
    }
    expect(text).toMatch(/192\.0\.2\.8 → 10\.0\.16\.20:3306 \| db in: none, \* \| DENY/);
    expect(text).toMatch(/10\.0\.16\.20 → 192\.0\.2\.8:443 \| db out: none, \* \| DENY/);
    expect(text).toMatch(/zones-and-firewalls/);
  });

  it('lesson 12 states the one-service-per-subnet rule and when it is worth its cost', () => {
    const text = section(12, 'One service per subnet: the traceability rule');
    expect(text).toMatch(/one service per VM, one service per subnet, one security group per subnet, one route table per subnet/i);
    expect(text).toMatch(/traceability/i);
    expect(text).toMatch(/worth its cost/i);
    expect(text).toMatch(/overkill/i);
  });

  it("lesson 3 works the sources' CIDR examples bit by bit, each backed by a check claim", () => {
    const text = raw(3);
    for (const block of ['35.0.0.0/8', '35.190.0.0/16', '35.190.110.0/23', '35.190.110.25/32']) {
      expect(section(3, 'Worked example: public blocks, bit by bit')).toContain(block);
      expect(text).toMatch(new RegExp(`<!-- check: [a-z-]+ ${block.replace(/[./]/g, '\\$&')} = `));
    }
    expect(text).toContain('<!-- check: binary 35.190.110.0 = 00100011.10111110.01101110.00000000 -->');
    expect(text).toContain('<!-- check: range 35.190.110.0/23 = 35.190.110.0-35.190.111.255 -->');
  });

  it('lesson 8 adds two-factor authentication to the bastion', () => {
    expect(prose(8)).toMatch(/two-factor authentication/i);
  });

  it('lesson 11 puts AWS WAF in front of CloudFront', () => {
    const text = section(11, 'Content delivery with CloudFront');
    expect(text).toMatch(/AWS WAF/);
    expect(text).toMatch(/web ACL/);
    expect(text).toMatch(/rate-based rules/i);
    expect(cites(11, 'distribution-web-awswaf')).toBe(true);
  });

  it('lesson 14 covers AWS Backup cross-region copies, copying images and snapshots, and reserved capacity', () => {
    const text = prose(14);
    expect(text).toMatch(/AWS Backup/);
    expect(text).toMatch(/copy action/i);
    expect(text).toMatch(/CopyImage/);
    expect(text).toMatch(/CopySnapshot/);
    expect(text).toMatch(/Capacity Reservation/);
    expect(cites(14, 'cross-region-backup')).toBe(true);
  });

  it("lesson 14 explains S3's eleven nines and what they do not mean", () => {
    const text = section(14, 'The four strategies');
    expect(text).toMatch(/99\.999999999% durability/);
    expect(text).toMatch(/eleven nines/i);
    expect(text).toMatch(/one every 10,000 years/);
    expect(text).toMatch(/Availability\. Durability is about not losing data/);
    expect(raw(14)).toContain('<!-- check: rate 1/(10000000*0.00000000001) = 10000 -->');
    expect(cites(14, 'DataDurability')).toBe(true);
  });

  it("lesson 10 works the 80% CPU, +30% example with AWS's rounding, backed by asg-percent claims", () => {
    const text = raw(10);
    expect(prose(10)).toMatch(/average CPU above 80%/);
    expect(prose(10)).toMatch(/adds 30% capacity/);
    for (const [capacity, added] of [
      [4, 1],
      [10, 3],
      [11, 3],
    ]) {
      expect(text).toContain(`<!-- check: asg-percent ${capacity} +30 = ${added} -->`);
    }
  });

  it('lesson 14 draws a warm standby across two regions, not only pilot light', () => {
    const text = raw(14);
    const start = text.indexOf('Worked example: a warm standby across two regions');
    expect(start).toBeGreaterThan(0);
    const example = text.slice(start, text.indexOf('### Multi-site', start));
    expect(example).toMatch(/us-east-1/);
    expect(example).toMatch(/us-west-2/);
    expect(example).toMatch(/desired 2 -> 6/);
  });

  it('lessons 3 to 5 say what IPv6 changes: dual stack, /56 and /64, no NAT, the egress-only gateway', () => {
    expect(prose(3)).toMatch(/\/56/);
    expect(prose(3)).toMatch(/\/64/);
    expect(prose(3)).toMatch(/no NAT is needed/i);
    expect(prose(3)).toMatch(/globally unique/i);
    expect(prose(4)).toMatch(/dual-stack/i);
    expect(prose(5)).toMatch(/egress-only internet gateway/i);
    expect(prose(5)).toMatch(/::\/0/);
  });
});

describe('lesson 0, networking from zero', () => {
  const text = prose(0);

  it.each([
    ['what a packet is', /packets?, small pieces/i],
    ['an IP address', /An IP address names/i],
    ['a port', /the port, a number from 0 to 65535/i],
    ['TCP and UDP', /TCP and UDP: two ways to send/i],
    ['the handshake', /SYN, SYN-ACK, ACK|three-way handshake/i],
    ["the client's ephemeral port", /ephemeral port/i],
    ['what a router does', /A router joins networks and forwards packets/i],
    ['what a firewall does', /A firewall decides whether a packet may pass/i],
  ])('explains %s', (_what, pattern) => {
    expect(text).toMatch(pattern);
  });

  it.each([['22'], ['80'], ['443'], ['3306'], ['5432']])('lists port %s in its table of common ports', (port) => {
    expect(section(0, 'Common ports')).toMatch(new RegExp(`\\| ${port} \\|`));
  });
});

describe('every lesson points at its lab, or says which lab is coming', () => {
  const existing = existsSync(LABS_DIR) ? readdirSync(LABS_DIR).filter((d) => existsSync(join(LABS_DIR, d, 'lab.yaml'))) : [];
  const COMING: Record<number, string[]> = {
    7: ['zones-and-firewalls'],
    10: ['load-balanced-web', 'ticket-spike'],
    11: ['zones-and-firewalls'],
    12: ['production-three-tier'],
    14: ['warm-standby', 'dr-strategy'],
    15: ['dr-strategy'],
  };

  it.each(files.map((f) => [Number(f.slice(0, 2)), f]))('lesson %i (%s)', (order) => {
    const next = section(order, 'Next');
    if (/no lab (for this lesson )?yet/i.test(next)) {
      const names = existing.some((lab) => next.includes(lab)) || /\bcoming\b/i.test(next);
      expect(names, `lesson ${order} says there is no lab yet without naming one`).toBe(true);
    }
    for (const lab of COMING[order] ?? []) {
      expect(next).toContain(lab);
      if (!existing.includes(lab)) expect(next).toMatch(/coming/i);
    }
  });
});

describe('source comments', () => {
  it.each(files.map((f) => [Number(f.slice(0, 2)), f]))('lesson %i (%s) cites pages by full https address', (order) => {
    const bad = sources(order).filter((url) => !/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\/\S*$/.test(url));
    expect(bad).toEqual([]);
    const malformed = raw(order)
      .split('\n')
      .filter((l) => /<!--\s*source/.test(l) && !/<!--\s*source:\s*\S+\s*-->/.test(l));
    expect(malformed).toEqual([]);
  });
});
