import type { FlowVerdict } from './network-view.js';
import type { PreparedEnd } from './prepare.js';
import type { Outage } from './result.js';

type Emit = (what: string, resource: string, detail: string) => void;

/**
 * Watches each traffic end through the run: puts on the timeline when it becomes unreachable
 * or reachable again (with the trace's reason) and when it is offered more than it can serve,
 * and measures recovery. An outage starts when a failure lowers what an end can serve (it
 * becomes unreachable, or loses capacity); it is served again once the end is reachable with
 * some capacity, and fully recovered once it can serve as much as before the failure. A second
 * failure during an outage belongs to the same outage.
 */
export class Tracker {
  private readonly health: (number | undefined)[];
  private readonly reachable: boolean[];
  private readonly saturated: boolean[];
  private readonly open: ((Outage & { baseline: number }) | undefined)[];
  private readonly closed: Outage[][];

  constructor(
    private readonly ends: readonly PreparedEnd[],
    private readonly emit: Emit,
  ) {
    this.health = ends.map(() => undefined);
    this.reachable = ends.map(() => true);
    this.saturated = ends.map(() => false);
    this.open = ends.map(() => undefined);
    this.closed = ends.map(() => []);
  }

  private label(i: number): string {
    const s = this.ends[i].spec;
    return `${s.names?.from ?? s.from} → ${s.names?.to ?? s.to} ${s.protocol} ${s.port}`;
  }

  /** After the network or the capacities changed at time t; `failed` names a failure of this moment. */
  observeState(t: number, verdicts: readonly FlowVerdict[], capacities: readonly number[], failed: string | undefined): void {
    this.ends.forEach((e, i) => {
      const v = verdicts[i];
      const h = v.reachable ? capacities[i] : 0;
      const prev = this.health[i];
      if (v.reachable !== this.reachable[i] || (prev === undefined && !v.reachable)) {
        this.emit(v.reachable ? 'reachable' : 'unreachable', e.spec.names?.to ?? e.spec.to, v.reachable ? `${this.label(i)}: reachable again` : `${this.label(i)}: not reachable. ${v.reason ?? ''}`.trim());
      }
      this.reachable[i] = v.reachable;
      if (prev !== undefined) {
        const o = this.open[i];
        if (!o && failed && h < prev) {
          this.open[i] = { start: t, cause: failed, served: h > 0 ? t : null, full: null, baseline: prev };
        } else if (o) {
          if (o.served === null && h > 0) o.served = t;
          if (h >= o.baseline) {
            o.full = t;
            o.served ??= t;
            this.closed[i].push({ start: o.start, cause: o.cause, served: o.served, full: o.full });
            this.open[i] = undefined;
          }
        }
      }
      this.health[i] = h;
    });
  }

  /** After the rates or what is served changed: notes when an end starts or stops dropping requests beyond its capacity. */
  observeLoad(t: number, rates: readonly number[], served: readonly number[], capacities: readonly number[], verdicts: readonly FlowVerdict[]): void {
    void t;
    this.ends.forEach((e, i) => {
      const over = verdicts[i].reachable && served[i] < rates[i] - 1e-9;
      if (over === this.saturated[i]) return;
      this.saturated[i] = over;
      this.emit(
        over ? 'over-capacity' : 'within-capacity',
        e.spec.names?.to ?? e.spec.to,
        over
          ? `${this.label(i)}: ${fmt(rates[i])} requests a second offered, ${fmt(served[i])} served (${e.spec.names?.to ?? e.spec.to} serves ${fmt(capacities[i])} a second); the rest are dropped`
          : `${this.label(i)}: every request served again`,
      );
    });
  }

  /** The outages of end i, an open one last (never served again or never fully: null). */
  outages(i: number): Outage[] {
    const o = this.open[i];
    return o ? [...this.closed[i], { start: o.start, cause: o.cause, served: o.served, full: null }] : [...this.closed[i]];
  }
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, '');
}
