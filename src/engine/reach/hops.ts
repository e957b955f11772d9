/** One step of a flow's path, as the trace prints it. */
export type HopComponent =
  | 'instance'
  | 'network-interface'
  | 'security-group'
  | 'network-acl'
  | 'route-table'
  | 'internet-gateway'
  | 'nat-gateway'
  | 'peering'
  | 'internet';

export type HopAction = 'send' | 'allow' | 'drop' | 'route' | 'translate' | 'deliver' | 'forward';

export interface Hop {
  direction: 'request' | 'reply';
  component: HopComponent;
  id: string;
  logicalId?: string;
  action: HopAction;
  /** What matched: the rule, the route, the translation. */
  detail: string;
  /** When only part of the flows pass: which ("only from 198.51.100.25/32"). */
  only?: string;
}

export interface Drop {
  hop: Hop;
  /** One plain sentence: the component, the rule or route (or the missing one), the direction. */
  reason: string;
  /** What a student should consider changing. */
  fix: string;
}
