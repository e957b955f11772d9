/** RDS in the virtual cloud: subnet groups, DB instances and read replicas. Importing it registers RDS's finish step. */
export { createDbSubnetGroup, dbSubnetGroupByName, type DbSubnetGroup, type DbSubnetGroupSpec } from './subnet-group.js';
export { createDbInstance, dbInstanceByIdentifier, type DbInstance, type DbInstanceSpec } from './db-instance.js';
export { createReadReplica } from './read-replica.js';
export { RDS, RDS_LIMITS } from './kinds.js';
export { ENGINES } from './engines.js';
export { dbArn, endpointAddress, parseDbArn } from './names.js';
export { settleDatabases } from './settle.js';
