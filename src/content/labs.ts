import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIp, lastAddress, parseCidr } from '../engine/address.js';
import { createRng } from '../engine/random.js';
import { isRegion } from '../engine/regions.js';
import { nearest } from '../engine/suggest.js';
import { CHECK_KINDS } from '../../graders/index.js';
import { packageRoot } from './paths.js';
import { parseYamlSource } from './yaml-source.js';
import { checkDrills, fillScenario } from './lab-drills.js';

/**
 * Labs as data: `labs/<id>/` holds brief.md, lab.yaml (the manifest) and the starter: one
 * template, starter.yaml, deployed in the lab's region, or, for a lab that spans regions, a
 * folder starter/ of `<region>.yaml` templates (handed out as a folder of the same names). The
 * manifest is validated when loaded, with errors that name the file, the line and what would
 * be valid, so a course author needs no TypeScript for the usual checks.
 */

export type ParamKind = 'cidr' | 'ip' | 'port' | 'choice';

export interface LabParameter {
  name: string;
  kind: ParamKind;
  description: string;
  choices?: (string | number)[];
  within?: string;
  /** A choice parameter drawn at the same index as this other choice parameter (values that come as a set). */
  with?: string;
}

export interface LabCheck {
  id: string;
  title: string;
  kind: string;
  args: Record<string, unknown>;
  points: number;
  pass: string;
  fail: string;
  hint: string;
  hidden: boolean;
}

export interface Lab {
  id: string;
  title: string;
  order: number;
  lesson?: string;
  region: string;
  summary: string;
  parameters: LabParameter[];
  checks: LabCheck[];
  dir: string;
  brief: string;
  /** The starter's text: its one template, or every region's template in region order (for matching and placeholders). */
  starter: string;
  /** The starter's templates as handed out: `template.yaml` in the lab's region, or one `<region>.yaml` per region. */
  starters: StarterFile[];
  maxScore: number;
}

export interface StarterFile {
  /** The file name the student gets: template.yaml, or us-east-1.yaml for a lab across regions. */
  name: string;
  region: string;
  text: string;
}

export class LabError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabError';
  }
}

/** $CLOUDLAB_LABS when set (an author previewing labs of their own), else labs/ in the package. */
export function labsDir(): string {
  const fromEnv = process.env.CLOUDLAB_LABS;
  return fromEnv && fromEnv.trim() !== '' ? fromEnv : join(packageRoot(), 'labs');
}

export function labIds(dir = labsDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'lab.yaml')))
    .map((d) => d.name)
    .sort();
}

const KINDS: readonly ParamKind[] = ['cidr', 'ip', 'port', 'choice'];


/**
 * A cidr parameter drawn from blocks: `within` (one block or a list), `prefix` (the size of
 * each choice) and `exclude` (blocks never handed out, such as one a broken fixture hard-codes)
 * stand for the list of every such block, so a lab can give hundreds of students different values.
 */
function cidrChoices(p: Record<string, unknown>, at: string): string[] {
  const within = (Array.isArray(p.within) ? p.within : [p.within]).map(String);
  const prefix = Number(p.prefix);
  const exclude = new Set((Array.isArray(p.exclude) ? p.exclude : p.exclude === undefined ? [] : [p.exclude]).map(String));
  if (!Number.isInteger(prefix) || prefix < 8 || prefix > 28) throw new LabError(`${at} (kind cidr) with "within" needs "prefix", the size of each block, 8 to 28`);
  const out: string[] = [];
  for (const w of within) {
    let block;
    try {
      block = parseCidr(w);
    } catch {
      throw new LabError(`${at}: "within" holds "${w}", which is not a CIDR block`);
    }
    if (block.hostBitsSet || block.prefix > prefix) throw new LabError(`${at}: "${w}" must be a block without host bits, no smaller than a /${prefix}`);
    const count = 2 ** (prefix - block.prefix);
    if (out.length + count > 4096) throw new LabError(`${at}: more than 4,096 blocks; narrow "within" or lengthen "prefix"`);
    for (let i = 0; i < count; i++) {
      const text = `${formatIp(block.network + i * 2 ** (32 - prefix))}/${prefix}`;
      if (!exclude.has(text)) out.push(text);
    }
  }
  if (out.length === 0) throw new LabError(`${at}: "within" minus "exclude" leaves no block`);
  return out;
}

/**
 * `with: <other>`: a choice parameter drawn at the same index as another, so that values that
 * only make sense together (an objective and its budget) are handed out as a set. The other must
 * be a choice parameter declared before it, with as many choices.
 */
function withParameter(raw: unknown, name: string, kind: ParamKind, choices: (string | number)[], earlier: readonly LabParameter[], at: string): string {
  const other = String(raw);
  if (kind !== 'choice') throw new LabError(`${at}: parameter ${name} (kind ${kind}) cannot take "with"; only a choice parameter is drawn with another`);
  if (other === name) throw new LabError(`${at}: parameter ${name} cannot be drawn "with" itself; name another choice parameter declared before it`);
  const found = earlier.find((x) => x.name === other);
  if (!found) {
    const s = nearest(other, earlier.map((x) => x.name));
    throw new LabError(`${at}: parameter ${name} is drawn with "${other}", which is not a parameter declared before it${s ? `; did you mean ${s}?` : ''}`);
  }
  if (found.kind !== 'choice') throw new LabError(`${at}: parameter ${name} is drawn with ${other}, which is of kind ${found.kind}; "with" names a choice parameter`);
  if (found.choices!.length !== choices.length) {
    throw new LabError(`${at}: parameter ${name} has ${choices.length} choices and ${other}, which it is drawn with, has ${found.choices!.length}; give both the same number, one for each set`);
  }
  return other;
}

export function parseLabManifest(text: string, file: string, dir: string): Lab {
  const src = parseYamlSource(text);
  const where = (node: unknown): string => `${file}:${src.lineOf(node)}`;
  if (src.errors.length) throw new LabError(`${file}: not valid YAML: ${src.errors[0]}`);
  const m = src.value as Record<string, unknown> | undefined;
  if (!m || typeof m !== 'object' || Array.isArray(m)) throw new LabError(`${file}: a lab manifest is a mapping with id, title, order, region, parameters and checks`);
  const node = (path: (string | number)[]): unknown => src.doc.getIn(path, true);
  const need = (key: string, type: 'string' | 'number'): void => {
    if (typeof m[key] !== type) throw new LabError(`${where(node([key]))}: "${key}" must be a ${type}${m[key] === undefined ? ' (it is missing)' : ''}`);
  };
  need('id', 'string');
  need('title', 'string');
  need('order', 'number');
  need('region', 'string');
  need('summary', 'string');
  const parameters: LabParameter[] = [];
  const rawParams = (m.parameters ?? {}) as Record<string, Record<string, unknown>>;
  if (typeof rawParams !== 'object' || Array.isArray(rawParams)) throw new LabError(`${where(node(['parameters']))}: "parameters" maps names to {kind, description, …}`);
  for (const [name, p] of Object.entries(rawParams)) {
    const at = where(node(['parameters', name]));
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) throw new LabError(`${at}: parameter name "${name}" must be letters and digits`);
    if (!p || typeof p !== 'object') throw new LabError(`${at}: parameter ${name} needs kind and description`);
    const kind = p.kind as ParamKind;
    if (!KINDS.includes(kind)) throw new LabError(`${at}: parameter ${name} has kind "${String(p.kind)}"; use one of ${KINDS.join(', ')}`);
    let choices = p.choices as (string | number)[] | undefined;
    if (kind === 'cidr' && choices === undefined && p.within !== undefined) choices = cidrChoices(p, `${at}: parameter ${name}`);
    if (kind === 'ip') {
      try {
        parseCidr(String(p.within));
      } catch {
        throw new LabError(`${at}: parameter ${name} (kind ip) needs "within", a block such as 198.51.100.0/24`);
      }
    } else if (!Array.isArray(choices) || choices.length === 0) {
      throw new LabError(`${at}: parameter ${name} (kind ${kind}) needs a non-empty "choices" list`);
    } else if (kind === 'cidr') {
      for (const c of choices) {
        try {
          if (parseCidr(String(c)).hostBitsSet) throw new Error('host bits');
        } catch {
          throw new LabError(`${at}: parameter ${name}: "${c}" is not a CIDR block without host bits`);
        }
      }
    } else if (kind === 'port' && choices.some((c) => !Number.isInteger(c) || (c as number) < 1 || (c as number) > 65535)) {
      throw new LabError(`${at}: parameter ${name}: ports are whole numbers from 1 to 65535`);
    }
    const withName = p.with === undefined ? undefined : withParameter(p.with, name, kind, choices!, parameters, at);
    parameters.push({ name, kind, description: String(p.description ?? ''), choices, within: p.within === undefined || kind === 'cidr' ? undefined : String(p.within), ...(withName ? { with: withName } : {}) });
  }
  if (!Array.isArray(m.checks) || m.checks.length === 0) throw new LabError(`${where(node(['checks']))}: a lab needs a non-empty "checks" list`);
  const ids = new Set<string>();
  const checks: LabCheck[] = m.checks.map((raw, i) => {
    const at = where(node(['checks', i]));
    const c = raw as Record<string, unknown>;
    for (const key of ['id', 'title', 'kind', 'pass', 'fail', 'hint']) {
      if (typeof c?.[key] !== 'string' || (c[key] as string).trim() === '') throw new LabError(`${at}: check ${i + 1} needs "${key}" (text)`);
    }
    const id = c.id as string;
    if (ids.has(id)) throw new LabError(`${at}: two checks have the id "${id}"`);
    ids.add(id);
    const kind = CHECK_KINDS.get(c.kind as string);
    if (!kind) {
      const known = [...CHECK_KINDS.keys()];
      const s = nearest(c.kind as string, known);
      throw new LabError(`${at}: check ${id} has kind "${c.kind}", which does not exist${s ? `; did you mean ${s}?` : `; kinds: ${known.join(', ')}`}`);
    }
    const argNames = Object.keys(kind.args).flatMap((a) => a.replace('?', '').split('|'));
    for (const a of Object.keys((c.args ?? {}) as object)) {
      if (!argNames.includes(a)) {
        const s = nearest(a, argNames);
        throw new LabError(`${at}: check ${id} (${kind.kind}) has no argument "${a}"${s ? `; did you mean ${s}?` : ''}; it takes ${argNames.join(', ') || 'none'}`);
      }
    }
    if (typeof c.points !== 'number' || c.points <= 0 || !Number.isFinite(c.points)) throw new LabError(`${at}: check ${id} needs "points", a positive number`);
    if (c.args !== undefined && (typeof c.args !== 'object' || Array.isArray(c.args))) throw new LabError(`${at}: check ${id}: "args" is a mapping`);
    for (const ref of JSON.stringify(c.args ?? {}).matchAll(/\$\{(\w+)\}/g)) {
      if (!parameters.some((p) => p.name === ref[1])) throw new LabError(`${at}: check ${id} uses \${${ref[1]}}, which is not a parameter of the lab`);
    }
    return {
      id,
      title: c.title as string,
      kind: c.kind as string,
      args: (c.args ?? {}) as Record<string, unknown>,
      points: c.points,
      pass: c.pass as string,
      fail: c.fail as string,
      hint: c.hint as string,
      hidden: c.hidden === true,
    };
  });
  return {
    id: m.id as string,
    title: m.title as string,
    order: m.order as number,
    lesson: typeof m.lesson === 'string' ? m.lesson : undefined,
    region: m.region as string,
    summary: m.summary as string,
    parameters,
    checks,
    dir,
    brief: '',
    starter: '',
    starters: [],
    maxScore: checks.reduce((n, c) => n + c.points, 0),
  };
}

export function loadLab(id: string, dir = labsDir()): Lab {
  const ids = labIds(dir);
  if (!ids.includes(id)) {
    const s = nearest(id, ids);
    throw new LabError(`there is no lab "${id}"${s ? `; did you mean ${s}?` : ''} Labs: ${ids.join(', ') || '(none)'}`);
  }
  const folder = join(dir, id);
  const file = join(folder, 'lab.yaml');
  const lab = parseLabManifest(readFileSync(file, 'utf8'), file, folder);
  if (lab.id !== id) throw new LabError(`${file}: the manifest's id "${lab.id}" must be the folder's name "${id}"`);
  if (!existsSync(join(folder, 'brief.md'))) throw new LabError(`${folder}: the lab has no brief.md`);
  lab.brief = readFileSync(join(folder, 'brief.md'), 'utf8');
  lab.starters = readStarters(folder, lab.region);
  lab.starter = lab.starters.map((f) => f.text).join('\n');
  checkDrills(lab);
  return lab;
}

/** starter.yaml in the lab's region, or starter/<region>.yaml for each region of a lab across regions. */
function readStarters(folder: string, region: string): StarterFile[] {
  const single = join(folder, 'starter.yaml');
  const multi = join(folder, 'starter');
  if (existsSync(single) && existsSync(multi)) throw new LabError(`${folder}: the lab has both starter.yaml and starter/; keep one (starter/ for a lab across regions)`);
  if (existsSync(single)) return [{ name: 'template.yaml', region, text: readFileSync(single, 'utf8') }];
  if (!existsSync(multi)) throw new LabError(`${folder}: the lab has no starter.yaml (or starter/ of <region>.yaml templates)`);
  const files = readdirSync(multi).filter((f) => f.endsWith('.yaml')).sort();
  const out: StarterFile[] = [];
  for (const f of files) {
    const r = f.slice(0, -'.yaml'.length);
    if (!isRegion(r)) throw new LabError(`${join(multi, f)}: a starter of a lab across regions is named after its region (us-east-1.yaml); "${r}" is not a region`);
    out.push({ name: f, region: r, text: readFileSync(join(multi, f), 'utf8') });
  }
  if (out.length === 0) throw new LabError(`${multi}: holds no <region>.yaml starter`);
  return out;
}

export function listLabs(dir = labsDir()): Lab[] {
  return labIds(dir)
    .map((id) => loadLab(id, dir))
    .sort((a, b) => a.order - b.order);
}

/**
 * The student's own values, drawn from a seed made of the lab and student ids; with no
 * student id, the first choice (or the first host of `within`). A parameter `with` another
 * takes the choice at the other's index, and draws nothing of its own.
 */
export function studentParameters(lab: Lab, student?: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const index = new Map<string, number>();
  const rng = student ? createRng(`${lab.id}\u0000${student.trim()}`) : undefined;
  for (const p of lab.parameters) {
    if (p.with !== undefined) {
      const i = index.get(p.with) ?? 0;
      index.set(p.name, i);
      out[p.name] = p.choices![i];
    } else if (p.kind === 'ip') {
      const block = parseCidr(p.within!);
      const first = block.prefix >= 31 ? block.network : block.network + 1;
      const last = block.prefix >= 31 ? lastAddress(block) : lastAddress(block) - 1;
      out[p.name] = formatIp(rng ? rng.int(first, last) : first);
    } else {
      // The same draw as rng.pick, keeping the index for the parameters drawn with this one.
      const i = rng ? Math.floor(rng.next() * p.choices!.length) : 0;
      index.set(p.name, i);
      out[p.name] = p.choices![i];
    }
  }
  return out;
}

/** Fills `{{param}}` and `{{student}}` in a brief or a template. */
export function instantiate(text: string, lab: Lab, student?: string): string {
  const values: Record<string, string | number> = { ...studentParameters(lab, student), student: student?.trim() || 'anonymous', lab: lab.id };
  const filled = text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  // Briefs show commands with "--student <your id>"; with the id known, they show the student's own.
  return student?.trim() ? filled.replace(/<your id>/g, student.trim()) : filled;
}

/** A check's arguments with `${param}` replaced by the student's values. */
export function checkArgs(check: LabCheck, params: Record<string, string | number>): Record<string, unknown> {
  const sub = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const whole = /^\$\{(\w+)\}$/.exec(v);
      if (whole && whole[1] in params) return params[whole[1]];
      return v.replace(/\$\{(\w+)\}/g, (m, n: string) => (n in params ? String(params[n]) : m));
    }
    if (Array.isArray(v)) return v.map(sub);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sub(x)]));
    return v;
  };
  return sub(check.args) as Record<string, unknown>;
}

/**
 * The files `lab start` writes: the starter templates and the brief, with the student's values,
 * and the scenario files the lab's drills play (`drills/…`, with `${param}` filled), so that a
 * student can play a drill before the check does.
 */
export function starterFiles(lab: Lab, student?: string): { name: string; text: string }[] {
  const params = studentParameters(lab, student);
  const drills = [...new Set(lab.checks.map((c) => c.args.scenario).filter((s): s is string => typeof s === 'string').map((s) => s.trim()))]
    .filter((s) => /^drills\/[\w.-]+\.ya?ml$/.test(s) && existsSync(join(lab.dir, s)))
    .map((s) => ({ name: s, text: fillScenario(readFileSync(join(lab.dir, s), 'utf8'), params) }));
  return [
    ...lab.starters.map((f) => ({ name: f.name, text: instantiate(f.text, lab, student) })),
    { name: 'BRIEF.md', text: instantiate(lab.brief, lab, student) },
    ...drills,
  ];
}

/** True when the lab's submission is a folder of `<region>.yaml` templates rather than one template. */
export function spansRegions(lab: Pick<Lab, 'starters'>): boolean {
  return lab.starters.length > 1 || lab.starters.some((f) => f.name !== 'template.yaml');
}
