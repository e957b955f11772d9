import { Address6 } from 'ip-address';
import { AddressFormatError, blockSize, formatCidr, parseCidr } from '../../engine/address.js';

/**
 * Fn::Cidr: `count` consecutive blocks carved from `ipBlock`, each with `cidrBits` host
 * bits, so [10.0.0.0/16, 4, 8] gives 10.0.0.0/24 … 10.0.3.0/24. Throws a RangeError whose
 * message says what would be valid.
 */
export function cidrBlocks(ipBlock: string, count: number, cidrBits: number): string[] {
  if (!Number.isInteger(count) || count < 1 || count > 256) {
    throw new RangeError(`the count of blocks is ${count}; Fn::Cidr makes from 1 to 256 blocks`);
  }
  return ipBlock.includes(':') ? ipv6Blocks(ipBlock, count, cidrBits) : ipv4Blocks(ipBlock, count, cidrBits);
}

function ipv4Blocks(ipBlock: string, count: number, cidrBits: number): string[] {
  let block;
  try {
    block = parseCidr(ipBlock);
  } catch (e) {
    throw new RangeError(e instanceof AddressFormatError ? e.message : String(e));
  }
  const free = 32 - block.prefix;
  if (!Number.isInteger(cidrBits) || cidrBits < 1 || cidrBits > free) {
    throw new RangeError(
      `cidrBits is ${cidrBits}, but a /${block.prefix} block has ${free} host bits; give a number from 1 to ${free} (8 makes /24 blocks)`,
    );
  }
  const prefix = 32 - cidrBits;
  const available = 2 ** (prefix - block.prefix);
  if (count > available) {
    throw new RangeError(`${formatCidr(block)} holds only ${available} blocks of /${prefix}, not ${count}`);
  }
  const step = blockSize(prefix);
  return Array.from({ length: count }, (_, i) => formatCidr({ network: block.network + i * step, prefix }));
}

function ipv6Blocks(ipBlock: string, count: number, cidrBits: number): string[] {
  if (!ipBlock.includes('/') || !Address6.isValid(ipBlock)) {
    throw new RangeError(`"${ipBlock}" is not an IPv6 block; write an address and a prefix length, such as 2001:db8::/56`);
  }
  const block = new Address6(ipBlock);
  const free = 128 - block.subnetMask;
  if (!Number.isInteger(cidrBits) || cidrBits < 1 || cidrBits > free) {
    throw new RangeError(`cidrBits is ${cidrBits}, but a /${block.subnetMask} block has ${free} host bits; give a number from 1 to ${free}`);
  }
  const prefix = 128 - cidrBits;
  const available = 2n ** BigInt(prefix - block.subnetMask);
  if (BigInt(count) > available) {
    throw new RangeError(`${ipBlock} holds only ${available} blocks of /${prefix}, not ${count}`);
  }
  const start = block.startAddress().bigInt();
  const step = 1n << BigInt(cidrBits);
  return Array.from({ length: count }, (_, i) => `${Address6.fromBigInt(start + BigInt(i) * step).correctForm()}/${prefix}`);
}
