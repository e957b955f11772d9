import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import type { Loc, TMap, TNode } from '../cfn/model.js';
import { DiagnosticSink } from '../cfn/sink.js';
import { didYouMean, nearest } from '../cfn/suggest.js';
import { describeNode } from '../cfn/values.js';
import { toTree } from '../cfn/yaml-tree.js';
import { MAX_DURATION, type Scenario, type ScenarioEvent, type ScenarioPath, type Target, type TargetKind, type TrafficSpec } from '../../engine/sim/scenario.js';
import { formatSeconds } from '../../engine/sim/report-interval.js';
import { DURATION_FORMS, parseDuration } from './durations.js';
import { locate } from './locate.js';

/**
 * Reads a scenario file (YAML or JSON, DESIGN.md "Time, failure and load"). Never throws:
 * every mistake is a diagnostic with the file, line and column and what would be valid (an
 * unknown key gets "did you mean"). What needs the submission (is this end an instance of it,
 * is this zone used) is checked by the engine, whose errors carry a path that `locate` turns
 * into a line and column of this file.
 */
export interface ParsedScenario {
  scenario?: Scenario;
  diagnostics: Diagnostic[];
  /** Where a path of the document was written. */
  locate(path: ScenarioPath): Loc;
}

const ROOT_KEYS = ['duration', 'interval', 'traffic', 'events', 'capacity'];
const TRAFFIC_KEYS = ['from', 'to', 'port', 'protocol', 'rps'];
const ACTIONS = ['fail', 'recover', 'promote', 'scale', 'restore', 'failover'] as const;
const TARGET_WORDS: Record<string, TargetKind> = { region: 'region', az: 'az', zone: 'az', instance: 'instance', database: 'database', db: 'database' };
/** At most this many intervals are reported (a day at one-second intervals is 86,400). */
export const MAX_INTERVALS = 100_000;
const MAX_RPS = 1e9;

export function parseScenario(text: string, file: string): ParsedScenario {
  const sink = new DiagnosticSink(file);
  let root: TNode | undefined;
  const result = (scenario?: Scenario): ParsedScenario => ({
    scenario: sink.hasErrors ? undefined : scenario,
    diagnostics: sink.list().sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)),
    locate: (path) => (root ? locate(root, path) : { line: 1, column: 1 }),
  });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    sink.error({ code: 'EmptyScenario', message: 'the scenario is empty; it needs at least a duration (duration: 2h) and some traffic or events' });
    return result();
  }
  if (body.includes('\u0000')) {
    sink.error({ code: 'BinaryContent', message: 'the file is not text: it holds NUL bytes' });
    return result();
  }
  const lines = new LineCounter();
  const doc = parseDocument(body, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, strict: true });
  if (doc.errors.length) {
    for (const e of doc.errors.slice(0, 5)) {
      const p = lines.linePos(e.pos[0]);
      sink.error({ code: 'YamlSyntax', message: `invalid YAML: ${e.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '')}`, loc: { line: p.line, column: p.col } });
    }
    return result();
  }
  root = toTree(doc, lines, sink);
  if (!root) return result();
  if (root.kind !== 'map') {
    sink.error({ code: 'NotAMapping', message: `a scenario is a mapping with ${ROOT_KEYS.join(', ')}, but this file holds ${describeNode(root)}`, loc: root.loc });
    return result();
  }
  const r = new Reader(sink);
  return result(r.scenario(root));
}

class Reader {
  constructor(private readonly sink: DiagnosticSink) {}

  private error(code: string, message: string, loc: Loc): undefined {
    this.sink.error({ code, message, loc });
    return undefined;
  }

  private keys(map: TMap, allowed: readonly string[], where: string): void {
    for (const e of map.entries) {
      if (allowed.includes(e.key)) continue;
      const close = nearest(e.key, allowed);
      this.error('UnknownKey', `${where} has no key "${e.key}"${close ? `; did you mean ${close}?` : ''} (its keys: ${allowed.join(', ')})`, e.keyLoc);
    }
  }

  scenario(root: TMap): Scenario | undefined {
    this.keys(root, ROOT_KEYS, 'a scenario');
    const get = (k: string) => root.entries.find((e) => e.key === k);
    const d = get('duration');
    if (!d) this.error('MissingKey', `a scenario needs a duration (duration: 2h): ${DURATION_FORMS}`, root.loc);
    let duration = d ? this.duration(d.value, 'duration') : undefined;
    if (duration !== undefined && (duration <= 0 || duration > MAX_DURATION)) {
      this.error('InvalidDuration', `the duration is ${formatSeconds(duration)}; it must be more than 0 and at most ${formatSeconds(MAX_DURATION)}`, d!.value.loc);
      duration = undefined;
    }
    // Without a valid duration the rest is still read, so that every mistake is reported at once.
    if (duration === undefined) duration = Infinity;
    let interval: number | undefined;
    const iv = get('interval');
    if (iv) {
      interval = this.duration(iv.value, 'interval');
      if (interval === undefined || !Number.isFinite(duration)) {
        // nothing more to check: the interval or the duration was reported above
      } else if (interval < 1 || interval > duration) {
        this.error('InvalidInterval', `the interval is ${formatSeconds(interval)}; it must be at least 1s and at most the duration, ${formatSeconds(duration)}`, iv.value.loc);
      } else if (Math.ceil(duration / interval) > MAX_INTERVALS) {
        this.error('InvalidInterval', `an interval of ${formatSeconds(interval)} cuts ${formatSeconds(duration)} into ${Math.ceil(duration / interval).toLocaleString('en-US')} intervals; at most ${MAX_INTERVALS.toLocaleString('en-US')} (choose ${formatSeconds(Math.ceil(duration / MAX_INTERVALS))} or more)`, iv.value.loc);
      }
    }
    const traffic = this.list(get('traffic')?.value, 'traffic').flatMap((n, i) => this.traffic(n, i, duration) ?? []);
    const events = this.list(get('events')?.value, 'events').flatMap((n, i) => this.event(n, i, duration) ?? []);
    if (!get('traffic') && !get('events')) this.error('MissingKey', 'a scenario needs traffic (requests a second to an end) or events (failures), or both', root.loc);
    const c = get('capacity');
    return { duration, ...(interval !== undefined ? { interval } : {}), traffic, events, ...(c ? this.capacity(c.value) : {}) };
  }

  /**
   * `capacity: 80%` (every type serves that share of the table) or `capacity: { c5.large: 40 }`
   * (requests a second at full CPU, by instance type); nothing when it is wrong (reported).
   */
  private capacity(node: TNode): Pick<Scenario, 'capacity' | 'capacityScale'> {
    if (node.kind === 'scalar' && typeof node.value === 'string' && node.value.trim().endsWith('%')) {
      const pct = Number(node.value.trim().slice(0, -1));
      if (Number.isFinite(pct) && pct > 0 && pct <= 1000) return { capacityScale: pct / 100 };
      this.error('InvalidValue', `capacity: "${node.value}" is not a percentage above 0% (capacity: 80% for an application every server serves 80% of the table's requests a second for)`, node.loc);
      return {};
    }
    if (node.kind !== 'map') {
      this.error('InvalidValue', `capacity is a percentage of the course's table (capacity: 80%) or maps instance types to the requests a second each serves at full CPU (capacity: { t3.micro: 4 }), not ${describeNode(node)}`, node.loc);
      return {};
    }
    const out: Record<string, number> = {};
    for (const e of node.entries) {
      if (!/^[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(e.key)) {
        this.error('InvalidValue', `capacity: "${e.key}" is not an instance type (family.size, such as t3.micro)`, e.keyLoc);
        continue;
      }
      const v = e.value.kind === 'scalar' ? e.value.value : undefined;
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
        this.error('InvalidValue', `capacity of ${e.key}: requests a second is a number above 0, not ${describeNode(e.value)}`, e.value.loc);
        continue;
      }
      out[e.key] = v;
    }
    return { capacity: out };
  }

  private list(node: TNode | undefined, key: string): TNode[] {
    if (!node || (node.kind === 'scalar' && node.value === null)) return [];
    if (node.kind !== 'seq') {
      this.error('InvalidValue', `${key} is a list (each item starting with "- "), not ${describeNode(node)}`, node.loc);
      return [];
    }
    return [...node.items];
  }

  private duration(node: TNode, what: string): number | undefined {
    const v = node.kind === 'scalar' ? node.value : undefined;
    if (node.kind !== 'scalar') return this.error('InvalidDuration', `${what} is a duration, ${DURATION_FORMS}, not ${describeNode(node)}`, node.loc);
    const d = parseDuration(v);
    if ('error' in d) return this.error('InvalidDuration', `${what}: ${d.error}`, node.loc);
    return d.seconds;
  }

  private time(node: TNode, what: string, duration: number): number | undefined {
    const t = this.duration(node, what);
    if (t !== undefined && t > duration) {
      return this.error('TimeBeyondDuration', `${what} is ${formatSeconds(t)}, beyond the end of the scenario (duration ${formatSeconds(duration)}); use a time from 0 to ${formatSeconds(duration)}`, node.loc);
    }
    return t;
  }

  private string(node: TNode | undefined, what: string, loc: Loc): string | undefined {
    if (!node) return this.error('MissingKey', `${what} is missing`, loc);
    if (node.kind !== 'scalar' || node.value === null || typeof node.value === 'boolean') return this.error('InvalidValue', `${what} is a name, not ${describeNode(node)}`, node.loc);
    return String(node.value).trim();
  }

  private traffic(node: TNode, i: number, duration: number): TrafficSpec | undefined {
    if (node.kind !== 'map') return this.error('InvalidValue', `each traffic item is a mapping (to, port, rps), not ${describeNode(node)}`, node.loc);
    this.keys(node, TRAFFIC_KEYS, 'a traffic item');
    const get = (k: string) => node.entries.find((e) => e.key === k)?.value;
    const to = this.string(get('to'), 'to (the end that receives the requests: an instance, an address)', node.loc);
    const fromNode = get('from');
    const from = fromNode ? this.string(fromNode, 'from', node.loc) : 'internet';
    const port = this.port(get('port'), node.loc);
    let protocol: 'tcp' | 'udp' = 'tcp';
    const pn = get('protocol');
    if (pn) {
      const p = pn.kind === 'scalar' ? String(pn.value).toLowerCase() : '';
      if (p === 'tcp' || p === 'udp') protocol = p;
      else this.error('InvalidValue', `protocol is tcp or udp${didYouMean(p, ['tcp', 'udp'])}`, pn.loc);
    }
    const steps = this.rps(get('rps'), node.loc, duration);
    if (to === undefined || from === undefined || port === undefined || steps === undefined) return undefined;
    return { from, to, port, protocol, steps, path: ['traffic', i] };
  }

  private port(node: TNode | undefined, loc: Loc): number | undefined {
    if (!node) return this.error('MissingKey', 'port is missing (port: 80)', loc);
    const v = node.kind === 'scalar' ? node.value : undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > 65535) return this.error('InvalidValue', `port is a whole number from 0 to 65535, not ${node.kind === 'scalar' ? JSON.stringify(v) : describeNode(node)}`, node.loc);
    return n;
  }

  private rate(node: TNode): number | undefined {
    const v = node.kind === 'scalar' ? node.value : undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(n) || n < 0 || n > MAX_RPS) {
      return this.error('InvalidValue', `rps is a number of requests a second (0 or more, such as 5 or 0.16), not ${node.kind === 'scalar' ? JSON.stringify(v) : describeNode(node)}`, node.loc);
    }
    return n;
  }

  private rps(node: TNode | undefined, loc: Loc, duration: number): [number, number][] | undefined {
    if (!node) return this.error('MissingKey', 'rps is missing: requests a second, one number (rps: 5) or steps (rps: [[0m, 0.16], [60m, 1333]])', loc);
    if (node.kind !== 'seq') {
      const r = this.rate(node);
      return r === undefined ? undefined : [[0, r]];
    }
    const steps: [number, number][] = [];
    let ok = true;
    for (const item of node.items) {
      if (item.kind !== 'seq' || item.items.length !== 2) {
        this.error('InvalidValue', `each step of rps is a pair [time, requests a second], such as [60m, 1333], not ${describeNode(item)}`, item.loc);
        ok = false;
        continue;
      }
      const t = this.time(item.items[0], 'the time of a step', duration);
      const r = this.rate(item.items[1]);
      if (t === undefined || r === undefined) {
        ok = false;
        continue;
      }
      const last = steps[steps.length - 1];
      if (last && t <= last[0]) {
        this.error('InvalidValue', `the steps of rps go forward in time: ${formatSeconds(t)} comes after ${formatSeconds(last[0])}`, item.items[0].loc);
        ok = false;
        continue;
      }
      steps.push([t, r]);
    }
    if (ok && steps.length === 0) return this.error('InvalidValue', 'rps has no steps; give one number (rps: 5) or steps such as [[0m, 5], [30m, 20]]', node.loc);
    return ok ? steps : undefined;
  }

  private event(node: TNode, i: number, duration: number): ScenarioEvent | undefined {
    if (node.kind !== 'map') return this.error('InvalidValue', `each event is a mapping (at, and one of ${ACTIONS.join(', ')}), not ${describeNode(node)}`, node.loc);
    this.keys(node, ['at', ...ACTIONS], 'an event');
    const atNode = node.entries.find((e) => e.key === 'at')?.value;
    const at = atNode ? this.time(atNode, 'at', duration) : this.error('MissingKey', 'an event needs at: the time it happens (at: 30m)', node.loc);
    const actions = node.entries.filter((e) => (ACTIONS as readonly string[]).includes(e.key));
    if (actions.length !== 1) {
      return this.error('InvalidEvent', `an event does one thing: ${ACTIONS.join(', ')}${actions.length ? `; this one has ${actions.map((a) => a.key).join(' and ')}` : ''}`, actions[1]?.keyLoc ?? node.loc);
    }
    const a = actions[0];
    const path: ScenarioPath = ['events', i, a.key];
    const text = this.string(a.value, a.key, a.keyLoc);
    if (at === undefined || text === undefined) return undefined;
    if (a.key === 'fail' || a.key === 'recover') {
      const target = this.target(text, a.key, a.value.loc);
      return target ? { at, action: a.key, target, path } : undefined;
    }
    if (a.key === 'promote') {
      if (!text || /\s/.test(text)) return this.error('InvalidEvent', 'promote names one read replica: promote: ReplicaDb', a.value.loc);
      return { at, action: 'promote', resource: text, path };
    }
    if (a.key === 'restore') {
      const r = /^(\S+)(?:\s+in\s+(\S+))?$/.exec(text);
      if (!r) return this.error('InvalidEvent', `restore names one database, and optionally the region to restore it in: restore: Database, or restore: Database in us-west-2, not "${text}"`, a.value.loc);
      return { at, action: 'restore', resource: r[1], ...(r[2] ? { region: r[2] } : {}), path };
    }
    if (a.key === 'failover') {
      if (!text || /\s/.test(text)) return this.error('InvalidEvent', `failover names the region to fail over to: failover: us-west-2, not "${text}"`, a.value.loc);
      return { at, action: 'failover', region: text, path };
    }
    const m = /^(\S+)\s+(\d+)$/.exec(text);
    if (!m) return this.error('InvalidEvent', `scale names a group and its desired capacity: scale: WebGroup 4, not "${text}"`, a.value.loc);
    return { at, action: 'scale', group: m[1], desired: Number(m[2]), path };
  }

  private target(text: string, action: string, loc: Loc): Target | undefined {
    const words = text.split(/\s+/).filter(Boolean);
    if (words.length === 1) return { kind: 'resource', name: words[0] };
    const kind = TARGET_WORDS[words[0].toLowerCase()];
    if (words.length === 2 && kind) return { kind, name: words[1] };
    const forms = 'region R, az Z, instance I, database D, or a resource id or logical id';
    if (words.length === 2) return this.error('InvalidEvent', `${action}: "${words[0]}" is not a kind of target${didYouMean(words[0].toLowerCase(), Object.keys(TARGET_WORDS))}; write ${action}: ${forms}`, loc);
    return this.error('InvalidEvent', `${action}: "${text}" names too much; write ${action}: ${forms}`, loc);
  }
}
