/**
 * The DB engines RDS offers for a DB instance, with the facts the engine uses: the default
 * port (RDS-07), whether a read replica may live in another region (RDS-04), and the storage
 * range for general-purpose storage (RDS-11).
 * Ports: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ConnectToInstance.html
 * Cross-region replicas: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.XRgn.html
 * Aurora engines belong to DB clusters (AWS::RDS::DBCluster), which the virtual cloud does
 * not model.
 */
export interface EngineFacts {
  family: 'mysql' | 'mariadb' | 'postgres' | 'oracle' | 'sqlserver' | 'db2';
  port: number;
  crossRegionReplicas: boolean;
  /** gp2/gp3 storage in GiB. */
  storage: [number, number];
}

const MYSQL: EngineFacts = { family: 'mysql', port: 3306, crossRegionReplicas: true, storage: [20, 65536] };
const MARIADB: EngineFacts = { family: 'mariadb', port: 3306, crossRegionReplicas: true, storage: [20, 65536] };
const POSTGRES: EngineFacts = { family: 'postgres', port: 5432, crossRegionReplicas: true, storage: [20, 65536] };
const ORACLE: EngineFacts = { family: 'oracle', port: 1521, crossRegionReplicas: true, storage: [20, 65536] };
const SQLSERVER: EngineFacts = { family: 'sqlserver', port: 1433, crossRegionReplicas: false, storage: [20, 16384] };
const DB2: EngineFacts = { family: 'db2', port: 50000, crossRegionReplicas: false, storage: [20, 65536] };

export const ENGINES: Readonly<Record<string, EngineFacts>> = {
  mysql: MYSQL,
  mariadb: MARIADB,
  postgres: POSTGRES,
  'oracle-ee': ORACLE,
  'oracle-ee-cdb': ORACLE,
  'oracle-se2': ORACLE,
  'oracle-se2-cdb': ORACLE,
  'sqlserver-ee': SQLSERVER,
  'sqlserver-se': SQLSERVER,
  'sqlserver-ex': SQLSERVER,
  'sqlserver-web': SQLSERVER,
  'db2-ae': DB2,
  'db2-se': DB2,
};

export const CLUSTER_ENGINES: readonly string[] = ['aurora', 'aurora-mysql', 'aurora-postgresql'];
