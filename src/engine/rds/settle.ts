import type { Cloud } from '../cloud.js';
import { allocatePublicIp } from '../ec2/elastic-ip.js';
import { CloudError } from '../errors.js';
import { CloudWarning, onFinish } from '../finish-steps.js';
import type { Store } from '../store.js';
import { dbInstanceByIdentifier } from './db-instance.js';
import { RDS } from './kinds.js';
import { checkAgainstSource } from './read-replica.js';

/**
 * What RDS settles once the whole submission is created:
 * - a cross-region replica's source, which may come from a template loaded after it: found by
 *   its ARN and checked (backups, engine); an ARN of a region the submission does not build is
 *   a source outside the submission (a warning); of a region it builds, a DBInstanceNotFound;
 * - PubliclyAccessible left out: true when the subnet group's VPC has an internet gateway
 *   attached (CreateDBInstance's documented default, RDS-06), and for the default VPC;
 * - a publicly accessible database in a VPC without an internet gateway is refused
 *   (InvalidVPCNetworkStateFault; the code is UNCONFIRMED in AWS's documentation);
 * - a publicly accessible database gets its public address, and a warning: AWS deploys it,
 *   but a database reachable from the internet is a design fault graders look for.
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
 */
export function settleDatabases(store: Store): CloudError[] {
  const cloud = store as Cloud;
  const out: CloudError[] = [];
  const built = new Set([...cloud.vpcs.values()].map((v) => v.region));
  for (const db of cloud.table(RDS.dbInstance).values()) {
    const name = db.logicalId ?? db.identifier;
    const src = db.replicaOf;
    if (src && src.id === undefined) {
      const source = dbInstanceByIdentifier(cloud, src.region, src.identifier);
      if (source) {
        try {
          checkAgainstSource(cloud, db, source);
        } catch (e) {
          if (e instanceof CloudError) out.push(new CloudError(e.code, e.message, e.field, db.logicalId));
          else throw e;
        }
      } else if (built.has(src.region)) {
        out.push(new CloudError('DBInstanceNotFound', `DBInstance ${src.identifier} not found in ${src.region}: no DB instance of the submission there has that identifier (give the primary a DBInstanceIdentifier and use it in the ARN)`, 'SourceDBInstanceIdentifier', db.logicalId));
      } else {
        out.push(new CloudWarning('SourceOutsideSubmission', `the source ${src.given} of read replica ${name} is in ${src.region}, which no template of the submission builds; it is assumed to exist`, 'SourceDBInstanceIdentifier', db.logicalId));
      }
    }
    if (db.vpcId === undefined) {
      if (db.publiclyAccessible === undefined) db.publiclyAccessible = !db.replicaOf;
      continue;
    }
    const igw = cloud.attachedGateway(db.vpcId);
    if (db.publiclyAccessible === undefined) db.publiclyAccessible = igw !== undefined;
    if (!db.publiclyAccessible) continue;
    if (!igw) {
      if (db.publiclyAccessibleGiven) {
        out.push(new CloudError('InvalidVPCNetworkStateFault', `Cannot create a publicly accessible DBInstance. The specified VPC ${db.vpcId} has no internet gateway attached; attach one, or set PubliclyAccessible to false`, 'PubliclyAccessible', db.logicalId));
      }
      continue;
    }
    const eni = db.networkInterfaceId ? cloud.interfaces.get(db.networkInterfaceId) : undefined;
    if (eni && eni.publicIp === undefined) {
      eni.publicIp = allocatePublicIp(cloud, db.region);
      eni.publicIpSource = 'auto';
    }
    const group = db.subnetGroupId ? cloud.table(RDS.subnetGroup).get(db.subnetGroupId) : undefined;
    const privateSubnets = (group?.subnetIds ?? []).filter((id) => !cloud.routeTableOf(id).routes.some((r) => r.target.kind === 'internet-gateway' && r.target.id === igw.id && r.destination.prefix === 0));
    out.push(
      new CloudWarning(
        'PubliclyAccessibleDatabase',
        `${name} is publicly accessible${db.publiclyAccessibleGiven ? '' : ' (PubliclyAccessible was left out and its VPC has an internet gateway, so AWS makes it public)'}: its endpoint resolves to a public address outside the VPC; a database normally sets PubliclyAccessible: false and admits only the application's security group${privateSubnets.length ? `. AWS also expects every subnet of its DB subnet group to be public, and ${privateSubnets.map((id) => cloud.subnets.get(id)?.logicalId ?? id).join(', ')} ${privateSubnets.length > 1 ? 'are' : 'is'} not` : ''}`,
        'PubliclyAccessible',
        db.logicalId,
      ),
    );
  }
  return out;
}

onFinish(settleDatabases);
