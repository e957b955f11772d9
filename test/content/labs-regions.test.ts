/** A lab across regions: its starter is a folder of <region>.yaml templates, handed out and graded as a folder. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLab, spansRegions, starterFiles } from '../../src/content/labs.js';
import { gradePath } from '../../src/grading/grade-path.js';
import { starterMatcher } from '../../src/grading/bulk/starter-match.js';
import { templateOf } from '../../src/tui/lab-actions.js';

const MANIFEST = `id: two
title: Two regions
order: 1
region: us-east-1
summary: A VPC in each of two regions.
parameters:
  vpcCidr: { kind: cidr, description: block, choices: [10.0.0.0/16, 10.1.0.0/16] }
checks:
  - id: two-vpcs
    title: Two VPCs
    kind: resource-count
    args: { type: 'AWS::EC2::VPC', min: 2 }
    points: 1
    pass: Two VPCs.
    fail: Fewer than two VPCs.
    hint: One VPC per region.
`;
const vpc = (cidr: string) => `Metadata: { cloudlab: { lab: two, student: '{{student}}' } }
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: ${cidr} } }
`;

function labFolder(starters: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'labs-'));
  mkdirSync(join(dir, 'two', 'starter'), { recursive: true });
  writeFileSync(join(dir, 'two', 'lab.yaml'), MANIFEST);
  writeFileSync(join(dir, 'two', 'brief.md'), '# Two regions');
  for (const [name, text] of Object.entries(starters)) writeFileSync(join(dir, 'two', 'starter', name), text);
  return dir;
}

describe('a lab across regions', () => {
  const dir = labFolder({ 'us-east-1.yaml': vpc('{{vpcCidr}}'), 'us-west-2.yaml': vpc('10.9.0.0/16') });
  const lab = loadLab('two', dir);

  it('reads one starter per region from starter/, in region order', () => {
    expect(lab.starters.map((f) => [f.name, f.region])).toEqual([
      ['us-east-1.yaml', 'us-east-1'],
      ['us-west-2.yaml', 'us-west-2'],
    ]);
    expect(spansRegions(lab)).toBe(true);
  });

  it('hands out the region templates and the brief, with the student values filled in', () => {
    const files = starterFiles(lab, 'alice');
    expect(files.map((f) => f.name)).toEqual(['us-east-1.yaml', 'us-west-2.yaml', 'BRIEF.md']);
    expect(files[0].text).toMatch(/CidrBlock: 10\.[01]\.0\.0\/16/);
    expect(files[0].text).toContain("student: 'alice'");
  });

  it('is checked as its folder, in the app as on the command line', () => {
    expect(templateOf('./two/', lab)).toBe('./two');
  });

  it('grades the folder a student wrote, each template in its region', () => {
    const out = mkdtempSync(join(tmpdir(), 'two-'));
    for (const f of starterFiles(lab, 'alice')) writeFileSync(join(out, f.name), f.text);
    const r = gradePath(lab, out, { student: 'alice' });
    expect(r.status).toBe('graded');
    expect(r.score).toBe(1);
  });

  it('recognises the untouched starter only when every region is untouched', () => {
    const m = starterMatcher(lab);
    const files = starterFiles(lab, 'bob').slice(0, 2);
    const templates = files.map((f) => ({ region: f.name.slice(0, -5), text: f.text }));
    expect(m.matchesAll(templates)).toBe(true);
    expect(m.matchesAll([templates[0], { ...templates[1], text: templates[1].text + '  Extra: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.8.0.0/16 } }\n' }])).toBe(false);
    expect(m.matchesAll([templates[0]])).toBe(false);
  });

  it('refuses a starter named after no region, and a lab with both kinds of starter', () => {
    const bad = labFolder({ 'primary.yaml': vpc('10.0.0.0/16') });
    expect(() => loadLab('two', bad)).toThrow(/named after its region.*"primary" is not a region/);
    const both = labFolder({ 'us-east-1.yaml': vpc('10.0.0.0/16') });
    writeFileSync(join(both, 'two', 'starter.yaml'), vpc('10.0.0.0/16'));
    expect(() => loadLab('two', both)).toThrow(/both starter\.yaml and starter\//);
  });
});
