import { formatCidr, parseCidr } from '../src/engine/address.js';
import { describeSelector, emptySelection, selectVpcs } from './selectors.js';
import { CheckArgumentError, type CheckKind, type CheckOutcome } from './types.js';

const nameOf = (r: { id: string; logicalId?: string }): string => r.logicalId ?? r.id;

/**
 * Student values bound: the values handed to this student are where the brief puts them — each
 * VPC's primary block is the student's own, not the defaults or a classmate's. (The admin
 * address and the port are bound by the reachability checks that name them.)
 */
export const valuesBound: CheckKind = {
  kind: 'values-bound',
  description: "each VPC uses the block the student was given (not the defaults, not a classmate's)",
  args: { blocks: '[{ vpc: selector (default: the only VPC), block: "${vpcCidr}" }, …]' },
  run(ctx, args): CheckOutcome {
    if (!Array.isArray(args.blocks) || args.blocks.length === 0) throw new CheckArgumentError('blocks is a list of { vpc, block }');
    const found: string[] = [];
    for (const raw of args.blocks) {
      if (!raw || typeof raw !== 'object') throw new CheckArgumentError('each item of blocks is { vpc, block }');
      const { vpc, block } = raw as { vpc?: unknown; block?: unknown };
      let want;
      try {
        want = parseCidr(String(block));
      } catch {
        throw new CheckArgumentError(`"${String(block)}" is not a block`);
      }
      const vpcs = selectVpcs(ctx.cloud, vpc);
      if (vpcs.length === 0) return { passed: false, detail: vpc === undefined ? 'there is no VPC' : emptySelection(vpc, 'VPC') };
      if (vpc === undefined && vpcs.length > 1) return { passed: false, detail: `there are ${vpcs.length} VPCs; the lab asks for one, with the block ${formatCidr(want)}` };
      for (const v of vpcs) {
        const primary = v.cidrs[0];
        if (primary.network !== want.network || primary.prefix !== want.prefix) {
          return { passed: false, detail: `${nameOf(v)}${vpc === undefined ? '' : ` (${describeSelector(vpc)})`} uses ${formatCidr(primary)}, but your block for it is ${formatCidr(want)}: use the values of your brief`, evidence: { resources: [nameOf(v)] } };
        }
        found.push(`${nameOf(v)} ${formatCidr(primary)}`);
      }
    }
    return { passed: true, detail: `your blocks: ${found.join(', ')}` };
  },
};
