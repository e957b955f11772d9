import { ACM } from '../../engine/acm/certificate.js';
import { BACKUP } from '../../engine/backup/kinds.js';
import { coveredResources, unmatchedResources } from '../../engine/backup/selection.js';
import { connectionGiveUpSeconds, originTarget } from '../../engine/cloudfront/distribution.js';
import { CLOUDFRONT } from '../../engine/cloudfront/kinds.js';
import type { Lifecycle } from '../../engine/backup/lifecycle.js';
import type { Store } from '../../engine/store.js';
import { WAFV2 } from '../../engine/wafv2/web-acl.js';
import { printable } from '../safe-text.js';
import { type TreeNode, treeLines } from './wrap.js';

/**
 * The CloudFront and AWS Backup part of `describe`: distributions with their origins, origin
 * groups, behaviours, certificate and web ACL; backup vaults, plans with their rules and the
 * resources each selection covers. Plain data for JSON, and a text tree at 80 columns.
 */
export interface DistributionView {
  id: string;
  name: string;
  domainName: string;
  hostedZoneId: string;
  enabled: boolean;
  aliases: string[];
  priceClass: string;
  certificate: { source: string; arn?: string; name?: string; inSubmission: boolean; sslSupportMethod?: string; minimumProtocolVersion: string };
  webAcl?: { id: string; name?: string; classic: boolean };
  origins: {
    id: string;
    domainName: string;
    type: string;
    protocolPolicy?: string;
    httpPort: number;
    httpsPort: number;
    connectionAttempts: number;
    connectionTimeout: number;
    /** CF-04: seconds CloudFront tries an origin that does not answer (attempts × timeout). */
    giveUpSeconds: number;
    /** The submission's resource at that DNS name (a load balancer, …); absent when outside the submission. */
    target?: { id: string; name: string };
  }[];
  originGroups: { id: string; primary: string; secondary: string; statusCodes: number[] }[];
  behaviors: { pathPattern: string; target: string; targetIsGroup: boolean; viewerProtocolPolicy: string; allowedMethods: string[] }[];
}

export interface BackupRegionView {
  region: string;
  vaults: { name: string; arn: string; resource: string }[];
  plans: {
    id: string;
    name: string;
    resource: string;
    rules: { name: string; vault: string; schedule: string; periodHours?: number; startWindowMinutes: number; completionWindowMinutes: number; lifecycle?: Lifecycle; continuous: boolean; copies: { vaultArn: string; region: string }[] }[];
    selections: { id: string; name: string; resource: string; covers: { name: string; type: string; arn: string }[]; unmatched: string[] }[];
  }[];
}

const nameOf = (r: { id: string; logicalId?: string }): string => r.logicalId ?? r.id;

export function distributionsView(store: Store): DistributionView[] {
  return [...store.table(CLOUDFRONT.distribution).values()].map((d) => {
    const cert = d.viewerCertificate.certificate ? store.table(ACM.certificate).get(d.viewerCertificate.certificate) : undefined;
    const acl = d.webAcl?.webAcl ? store.table(WAFV2.webAcl).get(d.webAcl.webAcl) : undefined;
    return {
      id: d.id,
      name: nameOf(d),
      domainName: d.dnsName,
      hostedZoneId: d.hostedZoneId,
      enabled: d.enabled,
      aliases: d.aliases,
      priceClass: d.priceClass,
      certificate: {
        source: d.viewerCertificate.source,
        ...(d.viewerCertificate.certificate ? { arn: d.viewerCertificate.certificate } : {}),
        ...(cert ? { name: nameOf(cert) } : {}),
        inSubmission: d.viewerCertificate.inSubmission,
        ...(d.viewerCertificate.sslSupportMethod ? { sslSupportMethod: d.viewerCertificate.sslSupportMethod } : {}),
        minimumProtocolVersion: d.viewerCertificate.minimumProtocolVersion,
      },
      ...(d.webAcl ? { webAcl: { id: d.webAcl.id, ...(acl ? { name: nameOf(acl) } : {}), classic: d.webAcl.classic } } : {}),
      origins: d.origins.map((o) => {
        const t = originTarget(store, o);
        return {
          id: o.id,
          domainName: o.domainName,
          type: o.type,
          ...(o.protocolPolicy ? { protocolPolicy: o.protocolPolicy } : {}),
          httpPort: o.httpPort,
          httpsPort: o.httpsPort,
          connectionAttempts: o.connectionAttempts,
          connectionTimeout: o.connectionTimeout,
          giveUpSeconds: connectionGiveUpSeconds(o),
          ...(t ? { target: { id: t.id, name: nameOf(t) } } : {}),
        };
      }),
      originGroups: d.originGroups.map((g) => ({ id: g.id, primary: g.members[0], secondary: g.members[1], statusCodes: g.statusCodes })),
      behaviors: [d.defaultBehavior, ...d.behaviors].map((b) => ({ pathPattern: b.pathPattern ?? '*', target: b.targetOriginId, targetIsGroup: b.targetIsGroup, viewerProtocolPolicy: b.viewerProtocolPolicy, allowedMethods: b.allowedMethods })),
    };
  });
}

export function backupView(store: Store): BackupRegionView[] {
  const regions = new Map<string, BackupRegionView>();
  const regionOf = (r: string): BackupRegionView => {
    let v = regions.get(r);
    if (!v) regions.set(r, (v = { region: r, vaults: [], plans: [] }));
    return v;
  };
  for (const v of store.table(BACKUP.vault).values()) regionOf(v.region).vaults.push({ name: v.name, arn: v.arn, resource: nameOf(v) });
  const selections = [...store.table(BACKUP.selection).values()];
  for (const p of store.table(BACKUP.plan).values()) {
    regionOf(p.region).plans.push({
      id: p.planId,
      name: p.name,
      resource: nameOf(p),
      rules: p.rules.map((r) => ({
        name: r.name,
        vault: r.targetVault,
        schedule: r.schedule.expression,
        ...(r.schedule.periodHours !== undefined ? { periodHours: r.schedule.periodHours } : {}),
        startWindowMinutes: r.startWindowMinutes,
        completionWindowMinutes: r.completionWindowMinutes,
        ...(r.lifecycle ? { lifecycle: r.lifecycle } : {}),
        continuous: r.continuous,
        copies: r.copyActions.map((c) => ({ vaultArn: c.destinationVaultArn, region: c.destinationRegion })),
      })),
      selections: selections
        .filter((s) => s.planId === p.planId)
        .map((s) => ({ id: s.selectionId, name: s.name, resource: nameOf(s), covers: coveredResources(store, s).map((c) => ({ name: c.name, type: c.type, arn: c.arn })), unmatched: unmatchedResources(store, s) })),
    });
  }
  return [...regions.values()];
}

type Node = TreeNode;
const tree = (nodes: Node[], prefix: string, width: number, out: string[]): void => void treeLines(nodes, prefix, width, out);

const days = (l: Lifecycle | undefined): string =>
  l ? [l.moveToColdStorageAfterDays !== undefined ? `cold after ${l.moveToColdStorageAfterDays} d` : '', l.deleteAfterDays !== undefined ? `delete after ${l.deleteAfterDays} d` : ''].filter(Boolean).join(', ') : 'kept indefinitely';

export function edgeBackupText(distributions: DistributionView[], backup: BackupRegionView[], width = 80): string[] {
  const out: string[] = [];
  if (distributions.length) {
    out.push('CloudFront (global)');
    tree(
      distributions.map((d) => {
        const cert = d.certificate.source === 'cloudfront' ? 'default certificate' : `certificate ${d.certificate.name ?? d.certificate.arn} (${d.certificate.source.toUpperCase()}${d.certificate.inSubmission ? '' : ', outside the submission'})`;
        const head = `distribution ${d.name}  ${d.domainName}${d.enabled ? '' : ' (disabled)'}${d.aliases.length ? `  aliases ${d.aliases.join(', ')}` : ''}  ${cert}${d.webAcl ? `  web ACL ${d.webAcl.name ?? d.webAcl.id}` : '  no web ACL'}  ${d.priceClass}`;
        const kids: Node[] = [
          ...d.origins.map((o): Node => [
            `origin ${o.id}  ${o.domainName}${o.type === 'custom' ? `  ${o.protocolPolicy} (HTTP ${o.httpPort}, HTTPS ${o.httpsPort})  ${o.connectionAttempts} × ${o.connectionTimeout} s = gives up after ${o.giveUpSeconds} s` : `  ${o.type === 's3' ? 'S3 bucket (not modelled)' : 'VPC origin'}`}${o.target ? `  → ${o.target.name}` : o.type === 'custom' ? '  (outside the submission)' : ''}`,
            [],
          ]),
          ...d.originGroups.map((g): Node => [`origin group ${g.id}: ${g.primary}, failing over to ${g.secondary} on ${g.statusCodes.join(', ')}, a timeout or a refused connection`, []]),
          ...d.behaviors.map((b): Node => [`behavior ${b.pathPattern} → ${b.target}${b.targetIsGroup ? ' (group)' : ''}  viewers ${b.viewerProtocolPolicy}  ${b.allowedMethods.join(', ')}`, []]),
        ];
        return [head, kids];
      }),
      '',
      width,
      out,
    );
  }
  for (const r of backup) {
    out.push(`AWS Backup ${r.region}`);
    const nodes: Node[] = [
      ...r.vaults.map((v): Node => [`vault ${v.name}`, []]),
      ...r.plans.map((p): Node => [
        `plan ${p.name} (${p.resource})`,
        [
          ...p.rules.map((rule): Node => [
            `rule ${rule.name}: ${rule.schedule}${rule.periodHours !== undefined ? ` (at most ${rule.periodHours} h apart)` : ''} into ${rule.vault}, start within ${rule.startWindowMinutes} min, complete within ${rule.completionWindowMinutes} min, ${days(rule.lifecycle)}${rule.continuous ? ', continuous' : ''}${rule.copies.map((c) => `; copy to ${c.vaultArn.split(':').pop()} in ${c.region}`).join('')}`,
            [],
          ]),
          ...p.selections.map((s): Node => [
            `selection ${s.name}: ${s.covers.length ? s.covers.map((c) => `${c.name} (${c.type})`).join(', ') : 'covers nothing in the submission'}${s.unmatched.length ? `; not in the submission: ${s.unmatched.join(', ')}` : ''}`,
            [],
          ]),
        ],
      ]),
    ];
    tree(nodes, '', width, out);
  }
  return out.map((l) => printable(l));
}
