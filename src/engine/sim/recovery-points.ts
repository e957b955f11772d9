/**
 * The recovery points AWS Backup made during a run (BAK-01, BAK-04), in the vault's region:
 * the backup participant writes them, the RDS participant reads them to say how much data a
 * restore would lose. A point holds the data as of `pointAt`, can be restored from `usableAt`
 * (its job or copy job completed), and is gone from `deleteAt` (its lifecycle, BAK-03).
 */
export interface RecoveryPoint {
  resourceId: string;
  /** The region of the vault that holds it. */
  region: string;
  vault: string;
  pointAt: number;
  usableAt: number;
  deleteAt?: number;
  /** A copy from another region's vault. */
  copy: boolean;
}

export class RecoveryPointLedger {
  private readonly points: RecoveryPoint[] = [];

  private readonly continuous: { resourceId: string; region: string; vault: string; from: number; until?: number }[] = [];

  add(p: RecoveryPoint): void {
    this.points.push(p);
  }

  /** Continuous backup (BAK-02, EnableContinuousBackup): a restore to any moment up to `lagSeconds` before, from `from` on. */
  addContinuous(resourceId: string, region: string, vault: string, from: number): void {
    this.continuous.push({ resourceId, region, vault, from });
  }

  /** Continuous backup of the resources of that region stops (the region is lost) at t. */
  stopContinuous(region: string, t: number): void {
    for (const c of this.continuous) if (c.region === region && c.until === undefined) c.until = t;
  }

  /** The newest point of the resource a restore could use at time t, in the regions `where` allows. */
  latest(resourceId: string, t: number, where: (region: string) => boolean, continuousLag = 300): RecoveryPoint | undefined {
    let best: RecoveryPoint | undefined;
    for (const c of this.continuous) {
      if (c.resourceId !== resourceId || t < c.from || !where(c.region)) continue;
      const at = Math.max(c.from, Math.min(t, c.until ?? t) - continuousLag);
      if (!best || at > best.pointAt) best = { resourceId, region: c.region, vault: c.vault, pointAt: at, usableAt: at, copy: false };
    }
    for (const p of this.points) {
      if (p.resourceId !== resourceId || p.usableAt > t || (p.deleteAt !== undefined && p.deleteAt <= t) || !where(p.region)) continue;
      if (!best || p.pointAt > best.pointAt || (p.pointAt === best.pointAt && !p.copy && best.copy)) best = p;
    }
    return best;
  }

  /** True when some rule backs the resource up (whether or not a point exists yet). */
  protects(resourceId: string): boolean {
    return this.protectedIds.has(resourceId);
  }

  readonly protectedIds = new Set<string>();
}
