import { addListenerCertificates } from '../../../engine/elbv2/listener.js';
import { S } from '../schema.js';
import { certificateArns, certificates } from './elbv2-schemas.js';
import { str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::ElasticLoadBalancingV2::ListenerCertificate → AddListenerCertificates. */
export const listenerCertificate: ResourceType = {
  schema: schema({ Certificates: certificates, ListenerArn: S }, { required: ['Certificates', 'ListenerArn'] }),
  attributes: [],
  create(ctx, r) {
    const p = r.properties;
    addListenerCertificates(ctx.cloud, { listenerArn: str(p, 'ListenerArn'), certificates: certificateArns(p.Certificates) });
    return { ref: ctx.localId('listener-certificate', r.logicalId), attributes: {} };
  },
};
