import { AddressFormatError } from '../../engine/address.js';
import { cidrReport, type CidrReport, type HostsFit, type SubnetRow } from '../../engine/cidr-report.js';
import { EXIT_OK, UsageError } from '../exit-codes.js';
import { out, outJson } from '../output.js';

/** `cloudlab cidr <cidr> [--split PREFIX] [--hosts N] [--json]`: the address calculator. */

export interface CidrOptions {
  split?: string;
  hosts?: string;
  json?: boolean;
}

const WIDTH = 80;
const LABEL = 16;

export async function run(cidr: string, opts: CidrOptions = {}): Promise<number> {
  let report: CidrReport;
  try {
    report = cidrReport(cidr, { split: opts.split, hosts: opts.hosts });
  } catch (e) {
    if (e instanceof AddressFormatError) throw new UsageError(e.message);
    throw e;
  }
  if (opts.json) outJson(report);
  else out(formatCidrReport(report).join('\n'));
  return EXIT_OK;
}

/** The report as lines of at most 80 columns. */
export function formatCidrReport(r: CidrReport): string[] {
  const n = (v: number): string => v.toLocaleString('en-US');
  const lines = [
    row('Block', r.network),
    row('Netmask', `${r.netmask}  (wildcard ${r.wildcard})`),
    row('Binary', r.binary),
    row('First address', r.first),
    row('Last address', r.last),
    row('Addresses', n(r.total)),
    row('AWS usable', r.awsUsable > 0 ? `${n(r.awsUsable)}  (5 reserved in every subnet)` : '0  (no AWS subnet is this small)'),
  ];
  const addrWidth = Math.max(0, ...r.awsReserved.map((a) => a.address.length));
  r.awsReserved.forEach((a, i) => lines.push(row(i === 0 ? 'AWS reserved' : '', `${a.address.padEnd(addrWidth)}  ${a.purpose}`)));
  lines.push(row('Private range', r.private ? 'yes' : 'no'));
  lines.push(row('AWS VPC/subnet', r.awsValidVpcOrSubnetSize ? 'yes, /16 to /28' : 'no, AWS allows /16 to /28'));
  if (r.hostsFit) lines.push('', ...hostsLines(r.hostsFit, r.network));
  if (r.subnets) lines.push('', ...subnetTable(r.subnets, r.network));
  if (r.notes.length > 0) {
    lines.push('', 'Notes');
    for (const note of r.notes) lines.push(...wrap(note, WIDTH - 4).map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)));
  }
  return lines;
}

function row(label: string, value: string): string {
  return `${label.padEnd(LABEL)}${value}`;
}

function hostsLines(h: HostsFit, network: string): string[] {
  const n = (v: number): string => v.toLocaleString('en-US');
  const fit = h.subnetsInBlock > 0
    ? `${n(h.subnetsInBlock)} subnet${h.subnetsInBlock === 1 ? '' : 's'} of /${h.prefixLength} in ${network}`
    : `none: ${network} is smaller than a /${h.prefixLength}`;
  return [
    row('Instances', n(h.hosts)),
    row('Subnet size', `/${h.prefixLength}  (${n(h.awsUsable)} usable, the smallest that holds them)`),
    row('Fit in block', fit),
  ];
}

function subnetTable(subnets: readonly SubnetRow[], network: string): string[] {
  const prefix = subnets[0].network.slice(subnets[0].network.indexOf('/'));
  const head = ['#', 'Network', 'First', 'Last', 'AWS usable'];
  const cells = subnets.map((s, i) => [String(i + 1), s.network, s.first, s.last, s.awsUsable.toLocaleString('en-US')]);
  const widths = head.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c].length)));
  const line = (r: string[]): string =>
    `  ${r.map((v, c) => (c === 0 || c === r.length - 1 ? v.padStart(widths[c]) : v.padEnd(widths[c]))).join('  ')}`.trimEnd();
  const count = subnets.length.toLocaleString('en-US');
  return [`${network} split into ${count} ${prefix} subnet${subnets.length === 1 ? '' : 's'}`, line(head), ...cells.map(line)];
}

/** Breaks text at spaces into lines of at most `width` characters (longer words stay whole). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}
