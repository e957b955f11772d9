import { describe, expect, it } from 'vitest';
import { AddressFormatError } from '../../src/engine/address.js';
import { DEFAULT_SPLIT_LIMIT, cidrReport, type CidrReportOptions } from '../../src/engine/cidr-report.js';

function refusal(text: string, options?: CidrReportOptions): AddressFormatError {
  try {
    cidrReport(text, options);
  } catch (e) {
    expect(e).toBeInstanceOf(AddressFormatError);
    return e as AddressFormatError;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('cidrReport: the fields of known blocks', () => {
  it('10.0.0.0/16', () => {
    const r = cidrReport('10.0.0.0/16');
    expect(r).toMatchObject({
      input: '10.0.0.0/16',
      network: '10.0.0.0/16',
      prefixLength: 16,
      netmask: '255.255.0.0',
      wildcard: '0.0.255.255',
      binary: '00001010.00000000.00000000.00000000',
      first: '10.0.0.0',
      last: '10.0.255.255',
      total: 65536,
      awsUsable: 65531,
      hostBitsSet: false,
      private: true,
      awsValidVpcOrSubnetSize: true,
    });
    expect(r.notes).toEqual([]);
    expect(r.awsReserved).toEqual([
      { address: '10.0.0.0', purpose: 'network address' },
      { address: '10.0.0.1', purpose: 'VPC router' },
      { address: '10.0.0.2', purpose: 'reserved (DNS is at the VPC base + 2)' },
      { address: '10.0.0.3', purpose: 'future use' },
      { address: '10.0.255.255', purpose: 'last address' },
    ]);
    expect(r).not.toHaveProperty('subnets');
    expect(r).not.toHaveProperty('hostsFit');
  });

  it('a /24 has 251 usable addresses', () => {
    const r = cidrReport('192.168.1.0/24');
    expect(r).toMatchObject({ netmask: '255.255.255.0', first: '192.168.1.0', last: '192.168.1.255', total: 256, awsUsable: 251 });
    expect(r.awsReserved.map((a) => a.address)).toEqual(['192.168.1.0', '192.168.1.1', '192.168.1.2', '192.168.1.3', '192.168.1.255']);
  });

  it('a /28, the smallest AWS subnet, has 11', () => {
    const r = cidrReport('172.16.0.32/28');
    expect(r).toMatchObject({ netmask: '255.255.255.240', wildcard: '0.0.0.15', last: '172.16.0.47', total: 16, awsUsable: 11 });
    expect(r.awsValidVpcOrSubnetSize).toBe(true);
    expect(r.private).toBe(true);
  });

  it('a /29 is too small for AWS: nothing usable, nothing reserved', () => {
    const r = cidrReport('10.0.0.8/29');
    expect(r).toMatchObject({ total: 8, awsUsable: 0, awsValidVpcOrSubnetSize: false });
    expect(r.awsReserved).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/\/29 is smaller than AWS allows.*\/16.*\/28/);
  });

  it('10.0.1.5/16 names 10.0.0.0/16 and says so', () => {
    const r = cidrReport('10.0.1.5/16');
    expect(r).toMatchObject({ input: '10.0.1.5/16', network: '10.0.0.0/16', first: '10.0.0.0', hostBitsSet: true });
    expect(r.notes).toContain(
      '10.0.1.5/16 has host bits set: it names the network 10.0.0.0/16; AWS refuses blocks written this way, write 10.0.0.0/16.',
    );
  });

  it('a single address is read as a /32', () => {
    const r = cidrReport('203.0.113.7');
    expect(r).toMatchObject({
      network: '203.0.113.7/32',
      prefixLength: 32,
      netmask: '255.255.255.255',
      wildcard: '0.0.0.0',
      first: '203.0.113.7',
      last: '203.0.113.7',
      total: 1,
      awsUsable: 0,
      hostBitsSet: false,
      private: false,
      awsValidVpcOrSubnetSize: false,
    });
    expect(r.notes[0]).toBe('203.0.113.7 has no prefix length, so it is read as 203.0.113.7/32: a single address.');
    expect(r.notes.some((n) => n.includes('outside the private ranges (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)'))).toBe(true);
  });

  it('an explicit /32 at the top of the address space', () => {
    const r = cidrReport('255.255.255.255/32');
    expect(r).toMatchObject({ first: '255.255.255.255', last: '255.255.255.255', total: 1, binary: '11111111.11111111.11111111.11111111' });
    expect(r.notes.some((n) => n.includes('no prefix length'))).toBe(false);
  });

  it('0.0.0.0/0 is every address', () => {
    const r = cidrReport('0.0.0.0/0');
    expect(r).toMatchObject({
      netmask: '0.0.0.0',
      wildcard: '255.255.255.255',
      first: '0.0.0.0',
      last: '255.255.255.255',
      total: 4294967296,
      awsUsable: 4294967291,
      private: false,
      awsValidVpcOrSubnetSize: false,
    });
    expect(r.notes.some((n) => n.includes('every IPv4 address'))).toBe(true);
    expect(r.notes.some((n) => n.includes('/0 is larger than AWS allows'))).toBe(true);
    expect(r.notes.some((n) => n.includes('private ranges'))).toBe(false);
  });

  it('a block that straddles a private range is not private', () => {
    const r = cidrReport('172.0.0.0/8');
    expect(r.private).toBe(false);
    expect(r.notes.some((n) => n.includes('only partly inside the private ranges'))).toBe(true);
  });

  it('private follows RFC 1918 at its edges', () => {
    expect(cidrReport('172.16.0.0/12').private).toBe(true);
    expect(cidrReport('172.32.0.0/16').private).toBe(false);
    expect(cidrReport('192.168.255.240/28').private).toBe(true);
    expect(cidrReport('192.169.0.0/16').private).toBe(false);
  });

  it('trims the input', () => {
    expect(cidrReport('  10.0.0.0/24 \n')).toMatchObject({ input: '10.0.0.0/24', network: '10.0.0.0/24' });
  });
});

describe('cidrReport: bad blocks', () => {
  it.each([
    ['', /no block given/],
    ['10.0.0', /not an IPv4 address or CIDR block.*such as 10\.0\.0\.0\/16/],
    ['10.0.0.256', /not an IPv4 address or CIDR block/],
    ['10.0.0.256/16', /four numbers from 0 to 255/],
    ['10.0.0.0/33', /from 0 to 32/],
    ['010.0.0.1', /leading zero \(010\).*such as 10\.0\.0\.1$/],
    ['10.0.00.0/16', /leading zero \(00\).*such as 10\.0\.0\.0\/16$/],
    ['vpc-123', /not an IPv4 address or CIDR block/],
  ])('refuses %j', (text, message) => {
    expect(refusal(text).message).toMatch(message);
  });
});

describe('cidrReport: split', () => {
  it('lists the subnets with their ranges and usable addresses', () => {
    const r = cidrReport('10.0.0.0/24', { split: '26' });
    expect(r.subnets).toEqual([
      { network: '10.0.0.0/26', first: '10.0.0.0', last: '10.0.0.63', awsUsable: 59 },
      { network: '10.0.0.64/26', first: '10.0.0.64', last: '10.0.0.127', awsUsable: 59 },
      { network: '10.0.0.128/26', first: '10.0.0.128', last: '10.0.0.191', awsUsable: 59 },
      { network: '10.0.0.192/26', first: '10.0.0.192', last: '10.0.0.255', awsUsable: 59 },
    ]);
  });

  it('accepts "/24", a number, and the block\'s own prefix', () => {
    expect(cidrReport('10.0.0.0/16', { split: '/24' }).subnets).toHaveLength(256);
    expect(cidrReport('10.0.0.0/16', { split: 20 }).subnets).toHaveLength(16);
    expect(cidrReport('10.0.0.0/16', { split: 16 }).subnets).toEqual([
      { network: '10.0.0.0/16', first: '10.0.0.0', last: '10.0.255.255', awsUsable: 65531 },
    ]);
  });

  it('splits the network a block with host bits names', () => {
    expect(cidrReport('10.0.1.5/23', { split: 24 }).subnets?.map((s) => s.network)).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
  });

  it('gives subnets too small for AWS no usable addresses, and says so', () => {
    const r = cidrReport('10.0.0.0/28', { split: 30 });
    expect(r.subnets?.map((s) => s.awsUsable)).toEqual([0, 0, 0, 0]);
    expect(r.notes.some((n) => n.startsWith('/30 subnets are smaller than AWS allows'))).toBe(true);
  });

  it('lists exactly 4096 subnets, and refuses 4097 or more with a shorter split to try', () => {
    expect(DEFAULT_SPLIT_LIMIT).toBe(4096);
    expect(cidrReport('10.0.0.0/16', { split: 28 }).subnets).toHaveLength(4096);
    const e = refusal('10.0.0.0/8', { split: 28 });
    expect(e.message).toBe(
      'splitting 10.0.0.0/8 into /28 blocks gives 1,048,576 subnets, more than the 4,096 that can be listed; choose a shorter split, /20 or less (4,096 subnets)',
    );
  });

  it('lists more when the caller raises the limit, fewer when it lowers it', () => {
    expect(cidrReport('10.0.0.0/8', { split: 21, limit: 8192 }).subnets).toHaveLength(8192);
    expect(refusal('10.0.0.0/24', { split: 28, limit: 10 }).message).toMatch(/gives 16 subnets, more than the 10.*\/27 or less \(8 subnets\)/);
  });

  it.each([
    [{ split: '15' }, /cannot split 10\.0\.0\.0\/16 into \/15 blocks: they are larger than the block itself; choose a prefix length from 16 to 32/],
    [{ split: '33' }, /cannot split 10\.0\.0\.0\/16 into \/33 blocks; choose a prefix length from 16 to 32, such as \/24/],
    [{ split: 'abc' }, /"abc" is not a prefix length to split 10\.0\.0\.0\/16 by/],
    [{ split: '24.5' }, /not a prefix length/],
    [{ split: '' }, /not a prefix length/],
    [{ split: '-24' }, /not a prefix length/],
  ])('refuses %j', (options, message) => {
    expect(refusal('10.0.0.0/16', options).message).toMatch(message);
  });

  it('a /32 splits only into itself', () => {
    expect(cidrReport('10.0.0.1', { split: 32 }).subnets).toHaveLength(1);
    expect(refusal('10.0.0.1', { split: 31 }).message).toMatch(/choose only \/32/);
  });
});

describe('cidrReport: hosts', () => {
  it('sizes the smallest AWS subnet and counts how many fit', () => {
    expect(cidrReport('10.0.0.0/16', { hosts: '300' }).hostsFit).toEqual({
      hosts: 300,
      prefixLength: 23,
      awsUsable: 507,
      subnetsInBlock: 128,
    });
    expect(cidrReport('10.0.0.0/24', { hosts: 11 }).hostsFit).toEqual({ hosts: 11, prefixLength: 28, awsUsable: 11, subnetsInBlock: 16 });
    expect(cidrReport('10.0.0.0/24', { hosts: 12 }).hostsFit).toEqual({ hosts: 12, prefixLength: 27, awsUsable: 27, subnetsInBlock: 8 });
    expect(cidrReport('10.0.0.0/16', { hosts: 65531 }).hostsFit).toEqual({ hosts: 65531, prefixLength: 16, awsUsable: 65531, subnetsInBlock: 1 });
  });

  it('says when the subnet is larger than the block', () => {
    const r = cidrReport('10.0.0.0/24', { hosts: 300 });
    expect(r.hostsFit).toEqual({ hosts: 300, prefixLength: 23, awsUsable: 507, subnetsInBlock: 0 });
    expect(r.notes).toContain('300 instances need a /23 subnet (507 usable addresses), which is larger than 10.0.0.0/24.');
  });

  it('says when no AWS subnet is large enough', () => {
    const r = cidrReport('10.0.0.0/8', { hosts: '65532' });
    expect(r.hostsFit).toBeNull();
    expect(r.notes).toContain(
      'No AWS subnet holds 65,532 instances: the largest, a /16, has 65,531 usable addresses; spread them over several subnets.',
    );
  });

  it.each(['0', '-5', '2.5', 'ten', '', '1e3', '99999999999999999999'])('refuses %j instances', (hosts) => {
    expect(refusal('10.0.0.0/16', { hosts }).message).toMatch(/is not a number of instances; write a positive whole number/);
  });

  it('combines with split', () => {
    const r = cidrReport('10.0.0.0/22', { split: 24, hosts: 100 });
    expect(r.subnets).toHaveLength(4);
    expect(r.hostsFit).toEqual({ hosts: 100, prefixLength: 25, awsUsable: 123, subnetsInBlock: 8 });
  });
});
