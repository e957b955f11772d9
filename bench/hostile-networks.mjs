/**
 * `reach` on valid networks that used to be super-linear, measured in one run beside the
 * 2,000-instance VPC of network.mjs, with the ratio of each to it:
 *   - 100 subnets, each with its own network ACL of 20 rules each way (target: reach < 3 s);
 *   - 100 security groups of 60 rules each, one instance in each (target: reach < 3 s);
 *   - one route table of 8,000 routes;
 *   - 500 instances, each in its own combination of groups;
 *   - grading the bastion lab's reference solution with 3,200 more app servers, each in a
 *     group of its own, where only-from has role sources (target: well under the 30 s
 *     grading timeout).
 * "engine" is loading the template and computing the summary in this process (load and reach
 * apart); "cli" is `cloudlab reach --json` end to end. Runs against dist/ (npm run build).
 *
 *   node bench/hostile-networks.mjs [--quick]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bigVpcTemplate } from './big-vpc.mjs';
import { aclTemplate, comboTemplate, groupTemplate, routeTemplate } from './hostile-shapes.mjs';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/cloudlab.js');
const dist = (p) => join(ROOT, 'dist', p);

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const verdict = (ok) => (ok ? 'ok' : 'OVER TARGET');

function cli(file) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, 'reach', file, '--json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' }, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`cloudlab reach ${file} failed (status ${r.status}, signal ${r.signal}, ${r.error?.message ?? ""}): ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** A bastion-lab submission: the reference solution and `apps` more app servers, each a class of its own. */
function bastionWithApps(lab, instantiate, apps) {
  let text = instantiate(readFileSync(join(ROOT, 'test/fixtures/labs/bastion/solution.yaml'), 'utf8'), lab, 'bench');
  const extra = [];
  for (let i = 0; i < apps; i++) {
    extra.push(
      `  App${i}Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties: {GroupDescription: app ${i}, VpcId: !Ref Vpc, SecurityGroupIngress: [{IpProtocol: tcp, FromPort: ${8000 + (i % 1000)}, ToPort: ${8000 + (i % 1000)}, SourceSecurityGroupId: !Ref AppSecurityGroup}]}`,
      `  App${i}:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n      InstanceType: t3.small\n      SubnetId: !Ref ${i % 2 ? 'PrivateSubnetA' : 'PrivateSubnetB'}\n      SecurityGroupIds: [!Ref AppSecurityGroup, !Ref App${i}Sg]\n      Tags:\n        - {Key: Role, Value: app}`,
    );
  }
  return /\nOutputs:/.test(text) ? text.replace(/\nOutputs:/, `\n${extra.join('\n')}\nOutputs:`) : `${text}${extra.join('\n')}\n`;
}

export async function runHostileBench({ quick = false } = {}) {
  if (!existsSync(dist('src/engine/reach/summary.js'))) throw new Error('bench/hostile-networks.mjs runs against dist/: build first with `npm run build`');
  const { loadSubmissionFromTemplates } = await import(dist('src/formats/load-submission.js'));
  const { reachSummary } = await import(dist('src/engine/reach/summary.js'));
  const scale = quick ? 0.25 : 1;
  const n = (x) => Math.max(2, Math.round(x * scale));
  const shapes = [
    { name: '2,000 instances (network.mjs)', text: bigVpcTemplate({ instances: n(2000) }) },
    { name: `${n(100)} subnets with full network ACLs (20 rules each way)`, text: aclTemplate({ subnets: n(100) }), target: 3000 },
    { name: `${n(100)} security groups of 60 rules`, text: groupTemplate({ groups: n(100) }), target: 3000 },
    { name: `${n(8000)} routes`, text: routeTemplate({ routes: n(8000) }) },
    { name: `${n(500)} instances each in its own group combination`, text: comboTemplate({ instances: n(500) }) },
  ];
  const dir = mkdtempSync(join(tmpdir(), 'cloudlab-hostile-'));
  const lines = [];
  try {
    let base;
    for (const s of shapes) {
      const file = join(dir, 'shape.yaml');
      writeFileSync(file, s.text);
      const t0 = performance.now();
      const loaded = loadSubmissionFromTemplates([{ file: 'shape.yaml', text: s.text }]);
      if (!loaded.ok) throw new Error(`${s.name}: the template does not load: ${loaded.diagnostics.find((d) => d.severity === 'error')?.message}`);
      const t1 = performance.now();
      const summary = reachSummary(loaded.cloud);
      const t2 = performance.now();
      const reach = t2 - t1;
      const total = cli(file);
      base ??= reach;
      const target = s.target ? ` (target < ${fmt(s.target)}) ${verdict(reach < s.target)}` : '';
      lines.push(
        `hostile: ${s.name}: engine reach ${fmt(reach)} (load ${fmt(t1 - t0)}), cli ${fmt(total)} end to end; ${summary.classes.length} classes, ${summary.rows.length} rows, ${summary.questions} questions, ${summary.work.filterEvaluations} filter verdicts; ratio to 2,000 instances ${(reach / base).toFixed(2)}${target}`,
      );
    }
    const { loadLab, instantiate } = await import(dist('src/content/labs.js'));
    const { gradeTemplates } = await import(dist('src/grading/grade.js'));
    const lab = loadLab('bastion', join(ROOT, 'labs'));
    const apps = n(3200);
    const text = bastionWithApps(lab, instantiate, apps);
    const g0 = performance.now();
    const loaded = loadSubmissionFromTemplates([{ file: 'sub.yaml', text }], { region: lab.region });
    const g1 = performance.now();
    const result = gradeTemplates(lab, [{ file: 'sub.yaml', text }], { student: 'bench' });
    const g2 = performance.now();
    if (!loaded.ok) throw new Error('the bastion submission does not load');
    const grading = g2 - g1;
    lines.push(
      `hostile: grading bastion with ${apps} more app servers (only-from, role sources): ${fmt(grading)} (loading the submission alone takes ${fmt(g1 - g0)}), score ${result.score} of ${result.checks.reduce((m, c) => m + c.points, 0)}, status ${result.status} (target < 30 s) ${verdict(grading < 30_000 && result.status !== 'error')}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await runHostileBench({ quick: process.argv.includes('--quick') })) console.log(line);
