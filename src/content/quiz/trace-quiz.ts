import type { Hop } from '../../engine/reach/hops.js';
import { trace, type TraceReport } from '../../engine/reach/question.js';
import { buildNetwork, CLIENT, describeNetwork, openNetwork, randomNetwork, type Flow } from './trace-network.js';
import type { SingleQuestion } from './types.js';

/**
 * "Which hop drops this flow?" made from the engine itself: a random small network
 * (trace-network.ts), the flow traced by the same `trace` as `cloudlab trace`, and the choices
 * the hops of the flow's whole path (traced again with every filter open) plus "it gets
 * through". The answer and its explanation are the engine's, never written by hand. The id
 * gen-trace-<seed>-<n> names the question completely.
 */
export const TRACE_TOPIC = 'trace';
export const TRACE_KIND = 'trace';

export function traceQuestion(seed: string | number, n: number): SingleQuestion {
  const id = `gen-trace-${seed}-${n}`;
  const spec = randomNetwork(`${seed}-${n}`);
  const built = buildNetwork(spec);
  const ask = (cloud: typeof built.cloud): TraceReport => trace(cloud, { from: spec.flow.from, to: spec.flow.to, protocol: 'tcp', port: spec.flow.port });
  const report = ask(built.cloud);
  const stations = stationsOf(ask(buildNetwork(openNetwork(spec)).cloud).path);
  let answer = stations.length;
  if (!report.reachable && report.drop) {
    const drop = station(report.drop.hop);
    answer = stations.findIndex((s) => s.key === drop.key);
    if (answer < 0) {
      // A drop the open network cannot have (no public address): placed after the hops it passed.
      const passed = new Set(report.path.map((h) => station(h).key));
      let at = 0;
      stations.forEach((s, i) => {
        if (passed.has(s.key)) at = i + 1;
      });
      stations.splice(at, 0, drop);
      answer = at;
    }
  }
  const choices = [...stations.map((s) => s.label), 'None: it gets through, and the reply gets back'];
  const fix = report.drop ? ` To let it through: ${report.drop.fix}` : '';
  return {
    id,
    topic: TRACE_TOPIC,
    type: 'single',
    ordered: true,
    prompt: `${describeNetwork(spec, built)}\n\n**Flow:** ${endName(spec.flow.from)} → ${endName(spec.flow.to)}, tcp port ${spec.flow.port}. Which hop drops it, or does it get through?`,
    choices,
    answer,
    explanation: `${report.explanation}${fix}`,
  };
}

/** `count` questions numbered from `first`. */
export function traceQuestions(seed: string | number, count: number, first = 0): SingleQuestion[] {
  return Array.from({ length: count }, (_, i) => traceQuestion(seed, first + i));
}

/** The question behind a gen-trace id, or undefined when `id` is not one. */
export function traceQuestionFromId(id: string): SingleQuestion | undefined {
  const m = /^gen-trace-([A-Za-z0-9_]+)-(\d+)$/.exec(id);
  return m ? traceQuestion(m[1], Number(m[2])) : undefined;
}

interface Station {
  readonly key: string;
  readonly label: string;
}

const COUNTED = new Set(['security-group', 'network-acl', 'route-table', 'internet-gateway', 'nat-gateway']);

/** The hops that can drop a flow, in path order, once each. */
function stationsOf(path: readonly Hop[]): Station[] {
  const out: Station[] = [];
  for (const h of path) {
    if (!COUNTED.has(h.component)) continue;
    const s = station(h);
    if (!out.some((o) => o.key === s.key)) out.push(s);
  }
  return out;
}

const NAMES: Record<string, string> = {
  'security-group': 'Security group',
  'network-acl': 'Network ACL',
  'route-table': 'Route table',
  'internet-gateway': 'Internet gateway',
  'nat-gateway': 'NAT gateway',
};

function station(h: Hop): Station {
  const side = /\b(inbound|outbound)\b/.exec(h.detail)?.[1];
  const name = h.logicalId ?? h.id;
  const key = `${h.direction}|${h.component}|${name}|${side ?? ''}`;
  if (h.component === 'internet') return { key, label: `The internet: ${h.detail}` };
  const what = NAMES[h.component] ?? h.component;
  // The VPC's default ACL has no logical id of its own in the network's description.
  const subnet = /\(subnet (\S+?)\)/.exec(h.detail)?.[1];
  const named =
    h.component === 'network-acl' && name.endsWith('.DefaultNetworkAcl') ? `Default network ACL${subnet ? ` of ${subnet}` : ''}` : `${what} ${name}`;
  return { key, label: `${named}${side ? `, ${side}` : ''}, on the ${h.direction}` };
}

function endName(end: Flow['from']): string {
  return end === CLIENT ? `${CLIENT} (on the internet)` : end;
}
