import fc from 'fast-check';
import { Address4 } from 'ip-address';
import { describe, expect, it } from 'vitest';
import {
  AWS_MAX_PREFIX,
  AWS_MIN_PREFIX,
  AddressFormatError,
  PRIVATE_RANGES,
  awsReservedAddresses,
  awsUsableCount,
  blockSize,
  cidrContains,
  cidrContainsIp,
  cidrOverlaps,
  firstAddress,
  formatCidr,
  formatIp,
  isIp,
  isPrivateIp,
  lastAddress,
  maskOf,
  parseCidr,
  parseIp,
  smallestAwsPrefixFor,
  splitCidr,
  type Cidr,
} from '../../src/engine/address.js';

const MAX = 4294967295;
const uint32 = fc.integer({ min: 0, max: MAX });
const prefixArb = fc.integer({ min: 0, max: 32 });
const block = (text: string): Cidr => parseCidr(text);

function errorOf(fn: () => unknown): AddressFormatError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AddressFormatError);
    return e as AddressFormatError;
  }
  throw new Error('expected an AddressFormatError, got none');
}

describe('parseIp', () => {
  it.each([
    ['0.0.0.0', 0],
    ['0.0.0.1', 1],
    ['10.0.1.5', 167772421],
    ['127.0.0.1', 2130706433],
    ['192.168.255.255', 3232301055],
    ['255.255.255.255', MAX],
  ])('reads %s as %d', (text, n) => {
    expect(parseIp(text)).toBe(n);
  });

  it('accepts spaces around the address', () => {
    expect(parseIp('  10.0.0.1 ')).toBe(parseIp('10.0.0.1'));
    expect(parseIp('\t10.0.0.1\n')).toBe(parseIp('10.0.0.1'));
  });

  it.each([
    '10.0.0',
    '10.0.0.256',
    '256.0.0.0',
    '10.0.0.0.0',
    '10.0.0.',
    '.10.0.0.0',
    '010.0.0.1',
    '10.00.0.1',
    '10.0.0.01',
    '10. 0.0.1',
    '10.0.0.1/32',
    '-1.0.0.0',
    '1e1.0.0.0',
    '0x0a.0.0.1',
    '10.0.0.1a',
    '١٠.0.0.1',
    '',
    '   ',
    'localhost',
  ])('refuses %j and says what would be valid', (text) => {
    const e = errorOf(() => parseIp(text));
    expect(e.input).toBe(text);
    expect(e.message).toContain(`"${text}"`);
    expect(e.message).toMatch(/four numbers from 0 to 255/);
  });

  it('agrees with isIp', () => {
    expect(isIp('10.0.0.1')).toBe(true);
    expect(isIp(' 255.255.255.255 ')).toBe(true);
    expect(isIp('10.0.0.256')).toBe(false);
    expect(isIp('010.0.0.1')).toBe(false);
    expect(isIp('10.0.0')).toBe(false);
  });
});

describe('formatIp', () => {
  it.each([
    [0, '0.0.0.0'],
    [1, '0.0.0.1'],
    [256, '0.0.1.0'],
    [167772421, '10.0.1.5'],
    [MAX, '255.255.255.255'],
  ])('writes %d as %s', (n, text) => {
    expect(formatIp(n)).toBe(text);
  });

  it('round-trips every integer through parseIp', () => {
    fc.assert(
      fc.property(uint32, (n) => parseIp(formatIp(n)) === n),
      { numRuns: 1000 },
    );
  });

  it('round-trips every dotted quad through formatIp', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), (o) => {
        const text = o.join('.');
        return formatIp(parseIp(text)) === text;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('blockSize and maskOf', () => {
  it.each([
    [0, 4294967296, 0],
    [1, 2147483648, 0x80000000],
    [8, 16777216, 0xff000000],
    [16, 65536, 0xffff0000],
    [24, 256, 0xffffff00],
    [28, 16, 0xfffffff0],
    [31, 2, 0xfffffffe],
    [32, 1, MAX],
  ])('/%d holds %d addresses, mask %d', (prefix, size, mask) => {
    expect(blockSize(prefix)).toBe(size);
    expect(maskOf(prefix)).toBe(mask);
    expect(maskOf(prefix)).toBeGreaterThanOrEqual(0);
  });

  it('mask and block size agree for every prefix', () => {
    for (let p = 0; p <= 32; p++) expect(MAX - maskOf(p) + 1).toBe(blockSize(p));
  });
});

describe('parseCidr', () => {
  it('reads a canonical block', () => {
    expect(parseCidr('10.0.0.0/16')).toEqual({ network: parseIp('10.0.0.0'), prefix: 16, hostBitsSet: false });
  });

  it('clears host bits and reports them', () => {
    expect(parseCidr('10.0.1.5/16')).toEqual({ network: parseIp('10.0.0.0'), prefix: 16, hostBitsSet: true });
    expect(parseCidr('10.0.0.15/28')).toEqual({ network: parseIp('10.0.0.0'), prefix: 28, hostBitsSet: true });
    expect(parseCidr('10.0.0.16/28').hostBitsSet).toBe(false);
  });

  it('handles /0 and /32 at both ends of the address space', () => {
    expect(parseCidr('0.0.0.0/0')).toEqual({ network: 0, prefix: 0, hostBitsSet: false });
    expect(parseCidr('255.255.255.255/0')).toEqual({ network: 0, prefix: 0, hostBitsSet: true });
    expect(parseCidr('255.255.255.255/32')).toEqual({ network: MAX, prefix: 32, hostBitsSet: false });
    expect(parseCidr('0.0.0.0/32')).toEqual({ network: 0, prefix: 32, hostBitsSet: false });
    expect(parseCidr('255.255.255.255/1')).toEqual({ network: 0x80000000, prefix: 1, hostBitsSet: true });
  });

  it('accepts spaces around the block', () => {
    expect(parseCidr(' 10.0.0.0/16\n')).toEqual(parseCidr('10.0.0.0/16'));
  });

  it('refuses a block with no prefix length', () => {
    const e = errorOf(() => parseCidr('10.0.0.0'));
    expect(e.message).toContain('no prefix length');
    expect(e.message).toContain('10.0.0.0/16');
  });

  it.each(['10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/', '10.0.0.0/1.5', '10.0.0.0/016', '10.0.0.0/ab', '10.0.0.0/16/24'])(
    'refuses the prefix length of %j',
    (text) => {
      const e = errorOf(() => parseCidr(text));
      expect(e.input).toBe(text);
      expect(e.message).toContain('from 0 to 32');
    },
  );

  it.each(['10.0.0/16', '10.0.0.256/16', '010.0.0.0/16', '/16', 'ten/16', '10.0.0.0.0/8'])(
    'refuses the address of %j',
    (text) => {
      const e = errorOf(() => parseCidr(text));
      expect(e.message).toContain(`"${text}"`);
      expect(e.message).toContain('four numbers from 0 to 255');
    },
  );

  it('treats a space on either side of the slash alike', () => {
    const outcome = (text: string): string => {
      try {
        return formatCidr(parseCidr(text));
      } catch {
        return 'refused';
      }
    };
    expect(outcome('10.0.0.0 /16')).toBe(outcome('10.0.0.0/ 16'));
  });

  it("agrees with ip-address's Address4 on the range of random blocks", () => {
    fc.assert(
      fc.property(uint32, prefixArb, (ip, prefix) => {
        const text = `${formatIp(ip)}/${prefix}`;
        const ref = new Address4(text);
        const c = parseCidr(text);
        expect(BigInt(c.network)).toBe(ref.startAddress().bigInt());
        expect(BigInt(lastAddress(c))).toBe(ref.endAddress().bigInt());
        expect(c.prefix).toBe(prefix);
        expect(c.hostBitsSet).toBe(BigInt(ip) !== ref.startAddress().bigInt());
        expect(formatCidr(c)).toBe(`${ref.startAddress().address}/${prefix}`);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('formatCidr, firstAddress, lastAddress', () => {
  it.each([
    ['0.0.0.0/0', '0.0.0.0', '255.255.255.255'],
    ['10.0.0.0/16', '10.0.0.0', '10.0.255.255'],
    ['10.0.0.0/24', '10.0.0.0', '10.0.0.255'],
    ['10.0.0.16/28', '10.0.0.16', '10.0.0.31'],
    ['255.255.255.255/32', '255.255.255.255', '255.255.255.255'],
  ])('%s runs from %s to %s', (text, first, last) => {
    const c = block(text);
    expect(formatCidr(c)).toBe(text);
    expect(formatIp(firstAddress(c))).toBe(first);
    expect(formatIp(lastAddress(c))).toBe(last);
  });

  it('writes the network, not the text, of a block with host bits', () => {
    expect(formatCidr(block('10.0.1.5/16'))).toBe('10.0.0.0/16');
  });
});

describe('cidrContainsIp, cidrContains, cidrOverlaps', () => {
  it('includes both ends of a block and nothing beyond', () => {
    const c = block('10.0.0.16/28');
    expect(cidrContainsIp(c, parseIp('10.0.0.16'))).toBe(true);
    expect(cidrContainsIp(c, parseIp('10.0.0.31'))).toBe(true);
    expect(cidrContainsIp(c, parseIp('10.0.0.15'))).toBe(false);
    expect(cidrContainsIp(c, parseIp('10.0.0.32'))).toBe(false);
    expect(cidrContainsIp(block('0.0.0.0/0'), MAX)).toBe(true);
    expect(cidrContainsIp(block('255.255.255.255/32'), MAX)).toBe(true);
    expect(cidrContainsIp(block('255.255.255.255/32'), MAX - 1)).toBe(false);
  });

  it('relates known blocks', () => {
    const vpc = block('10.0.0.0/16');
    expect(cidrContains(vpc, block('10.0.1.0/24'))).toBe(true);
    expect(cidrContains(vpc, vpc)).toBe(true);
    expect(cidrContains(block('10.0.1.0/24'), vpc)).toBe(false);
    expect(cidrContains(vpc, block('10.1.0.0/24'))).toBe(false);
    expect(cidrContains(block('0.0.0.0/0'), block('255.255.255.255/32'))).toBe(true);
    expect(cidrOverlaps(vpc, block('10.0.255.0/24'))).toBe(true);
    expect(cidrOverlaps(block('10.0.0.0/17'), block('10.0.128.0/17'))).toBe(false);
    expect(cidrOverlaps(block('0.0.0.0/0'), block('255.255.255.255/32'))).toBe(true);
  });

  // Blocks inside 10.0.0.0/23 (512 addresses), each listed address by address.
  const small = fc
    .tuple(fc.integer({ min: 0, max: 511 }), fc.integer({ min: 24, max: 32 }))
    .map(([offset, prefix]) => parseCidr(`${formatIp(parseIp('10.0.0.0') + offset)}/${prefix}`));
  const members = (c: Cidr): Set<number> => {
    const s = new Set<number>();
    for (let a = 0; a < blockSize(c.prefix); a++) s.add(c.network + a);
    return s;
  };

  it('agree with a brute-force comparison of the address sets', () => {
    fc.assert(
      fc.property(small, small, fc.integer({ min: parseIp('9.255.255.0'), max: parseIp('10.0.3.0') }), (a, b, ip) => {
        const sa = members(a);
        const sb = members(b);
        expect(cidrContains(a, b)).toBe([...sb].every((x) => sa.has(x)));
        expect(cidrOverlaps(a, b)).toBe([...sb].some((x) => sa.has(x)));
        expect(cidrOverlaps(b, a)).toBe(cidrOverlaps(a, b));
        expect(cidrContainsIp(a, ip)).toBe(sa.has(ip));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('AWS subnet sizes', () => {
  it('has the limits AWS documents', () => {
    expect(AWS_MIN_PREFIX).toBe(16);
    expect(AWS_MAX_PREFIX).toBe(28);
  });

  it.each([
    [16, 65531],
    [20, 4091],
    [24, 251],
    [27, 27],
    [28, 11],
    [30, 0],
    [31, 0],
    [32, 0],
  ])('a /%d has %d usable addresses', (prefix, usable) => {
    expect(awsUsableCount(prefix)).toBe(usable);
  });

  it('reserves the network, the next three and the last address', () => {
    expect(awsReservedAddresses(block('10.0.0.0/24')).map(formatIp)).toEqual([
      '10.0.0.0',
      '10.0.0.1',
      '10.0.0.2',
      '10.0.0.3',
      '10.0.0.255',
    ]);
    expect(awsReservedAddresses(block('10.0.0.16/28')).map(formatIp)).toEqual([
      '10.0.0.16',
      '10.0.0.17',
      '10.0.0.18',
      '10.0.0.19',
      '10.0.0.31',
    ]);
  });

  it.each([
    [0, 28],
    [1, 28],
    [11, 28],
    [12, 27],
    [27, 27],
    [28, 26],
    [251, 24],
    [252, 23],
    [65531, 16],
  ])('%d instances need a /%d', (hosts, prefix) => {
    expect(smallestAwsPrefixFor(hosts)).toBe(prefix);
  });

  it('finds no AWS subnet above 65,531 instances', () => {
    expect(smallestAwsPrefixFor(65532)).toBeUndefined();
    expect(smallestAwsPrefixFor(1_000_000)).toBeUndefined();
  });

  it('smallestAwsPrefixFor is the minimal subnet by brute force', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70000 }), (hosts) => {
        const fits: number[] = [];
        for (let p = 16; p <= 28; p++) if (2 ** (32 - p) - 5 >= hosts) fits.push(p);
        expect(smallestAwsPrefixFor(hosts)).toBe(fits.length ? Math.max(...fits) : undefined);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('private ranges', () => {
  it('are the three blocks of RFC 1918', () => {
    expect(PRIVATE_RANGES.map(formatCidr)).toEqual(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']);
  });

  it.each([
    ['9.255.255.255', false],
    ['10.0.0.0', true],
    ['10.255.255.255', true],
    ['11.0.0.0', false],
    ['172.15.255.255', false],
    ['172.16.0.0', true],
    ['172.31.255.255', true],
    ['172.32.0.0', false],
    ['192.167.255.255', false],
    ['192.168.0.0', true],
    ['192.168.255.255', true],
    ['192.169.0.0', false],
    ['0.0.0.0', false],
    ['255.255.255.255', false],
    ['8.8.8.8', false],
  ])('%s is private: %s', (ip, expected) => {
    expect(isPrivateIp(parseIp(ip))).toBe(expected);
  });
});

describe('splitCidr', () => {
  it('splits a /24 into four /26', () => {
    expect(splitCidr(block('10.0.0.0/24'), 26).map(formatCidr)).toEqual([
      '10.0.0.0/26',
      '10.0.0.64/26',
      '10.0.0.128/26',
      '10.0.0.192/26',
    ]);
  });

  it('splits at the edges of the address space', () => {
    expect(splitCidr(block('0.0.0.0/0'), 0).map(formatCidr)).toEqual(['0.0.0.0/0']);
    expect(splitCidr(block('0.0.0.0/0'), 1).map(formatCidr)).toEqual(['0.0.0.0/1', '128.0.0.0/1']);
    expect(splitCidr(block('255.255.255.255/32'), 32).map(formatCidr)).toEqual(['255.255.255.255/32']);
    expect(splitCidr(block('255.255.255.252/30'), 32).map(formatCidr)).toEqual([
      '255.255.255.252/32',
      '255.255.255.253/32',
      '255.255.255.254/32',
      '255.255.255.255/32',
    ]);
  });

  it.each([15, 33, -1])('refuses to split a /16 into /%d', (prefix) => {
    const e = errorOf(() => splitCidr(block('10.0.0.0/16'), prefix));
    expect(e.message).toContain('10.0.0.0/16');
    expect(e.message).toContain('from 16 to 32');
  });

  it('covers the block exactly, in order, with no overlap', () => {
    const arb = fc
      .tuple(uint32, prefixArb, fc.integer({ min: 0, max: 8 }))
      .map(([ip, p, extra]) => ({ c: parseCidr(`${formatIp(ip)}/${p}`), q: Math.min(32, p + extra) }));
    fc.assert(
      fc.property(arb, ({ c, q }) => {
        const parts = splitCidr(c, q);
        expect(parts).toHaveLength(2 ** (q - c.prefix));
        expect(parts[0].network).toBe(c.network);
        expect(lastAddress(parts[parts.length - 1])).toBe(lastAddress(c));
        parts.forEach((part, i) => {
          expect(part.prefix).toBe(q);
          expect(part.hostBitsSet).toBe(false);
          expect((part.network & maskOf(q)) >>> 0).toBe(part.network);
          if (i > 0) expect(part.network).toBe(lastAddress(parts[i - 1]) + 1);
        });
      }),
      { numRuns: 500 },
    );
  });
});
