/**
 * Golden traces: real-world networks (three tiers, network ACL zones, production with a
 * bastion and NAT next to an isolated staging VPC, peered VPCs) with questions whose
 * verdicts an AWS engineer would give, and the full text of each trace kept in
 * test/fixtures/golden/. Set UPDATE_GOLDEN=1 to rewrite the text after a deliberate change.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTrace } from '../../src/cli/commands/trace.js';
import type { FlowProtocol } from '../../src/engine/reach/packet.js';
import { trace } from '../../src/engine/reach/question.js';
import { loadSubmissionPath } from '../../src/formats/load-submission.js';

const NETWORKS = join(import.meta.dirname, '../fixtures/networks');
const GOLDEN = join(import.meta.dirname, '../fixtures/golden');

type Q = [from: string, to: string, port: number, reachable: boolean, extra?: { protocol?: FlowProtocol; params?: Record<string, string>; expect?: RegExp }];

const CASES: Record<string, Q[]> = {
  'three-tier': [
    ['internet', 'Web', 443, true],
    ['internet', 'App', 8080, false, { expect: /no public IPv4 address/ }],
    ['Web', 'App', 8080, true],
    ['Web', 'Db', 5432, false, { expect: /No inbound rule of Db's security group DbSg/ }],
    ['App', 'Db', 5432, true],
    ['App', 'internet', 443, false, { expect: /no route/ }],
  ],
  'nacl-zones': [
    ['internet', 'Web', 80, true],
    ['Web', 'App', 8080, true],
    ['internet', 'Web', 443, false, { expect: /PublicAcl .* drops the request entering the subnet/ }],
    ['App', 'Web', 22, false],
    ['internet', 'Web', 80, true, { params: { ClientPortsFrom: '32768' }, expect: /Only client ports 32768-65535 work/ }],
    ['Web', 'App', 8080, true, { params: { ClientPortsFrom: '32768' }, expect: /Only client ports 32768-65535 work/ }],
  ],
  'prod-bastion': [
    ['203.0.113.10', 'Bastion', 22, true],
    ['internet', 'Bastion', 22, true, { expect: /Only part of the internet can reach Bastion on tcp port 22: 203\.0\.113\.10\/32\./ }],
    ['198.51.100.1', 'Bastion', 22, false],
    ['Bastion', 'ProdApp', 22, true],
    ['ProdApp', 'internet', 443, true],
    ['internet', 'ProdApp', 22, false],
    ['StagingApp', 'ProdApp', 22, false, { expect: /no route/ }],
    ['ProdApp', 'StagingApp', 22, false],
  ],
  peered: [
    ['HostA', 'SharedHost', 443, true],
    ['SharedHost', 'HostA', 22, true],
    ['HostA', 'HostB', 22, false, { expect: /not transitive/ }],
    ['HostB', 'HostA', 22, false, { expect: /no route/ }],
  ],
};

describe.each(Object.entries(CASES))('golden traces: %s', (network, questions) => {
  it.each(questions.map((q, i) => [i + 1, ...q] as const))('#%i %s → %s port %i', (i, from, to, port, reachable, extra) => {
    const loaded = loadSubmissionPath(join(NETWORKS, `${network}.yaml`), { params: extra?.params });
    expect(loaded.ok).toBe(true);
    const report = trace(loaded.cloud, { from, to, port, protocol: extra?.protocol ?? 'tcp' });
    expect(report.reachable, report.explanation).toBe(reachable);
    if (extra?.expect) expect(report.explanation).toMatch(extra.expect);
    const text = formatTrace(report).join('\n') + '\n';
    const file = join(GOLDEN, `${network}-${i}.txt`);
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, 'utf8'));
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});
