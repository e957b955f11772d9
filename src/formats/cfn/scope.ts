import type { Loc, TMap } from './model.js';
import type { BAD } from './values.js';

/** A parameter's value as Ref gives it: text, or a list for List<…> and CommaDelimitedList. */
export type ParamValue = string | string[];

/** What a Ref or Fn::GetAtt finds when it names a resource. */
export type ResourceState =
  | { status: 'created'; type: string; ref: string; attributes: Record<string, unknown> }
  | { status: 'failed' }
  | { status: 'pending' }
  | { status: 'excluded'; condition: string };

/** Everything an intrinsic function may look at, and where its errors go. */
export interface EvalScope {
  readonly region: string;
  readonly accountId: string;
  readonly stackName: string;
  readonly stackId: string;
  /** BAD for a parameter whose value is missing or invalid (already reported). */
  readonly params: ReadonlyMap<string, ParamValue | typeof BAD>;
  readonly mappings: ReadonlyMap<string, TMap>;
  /** true/false, or undefined when the condition itself could not be evaluated. */
  condition(name: string): boolean | undefined;
  conditionNames(): readonly string[];
  /** undefined when the template declares no such resource. */
  resource(logicalId: string): ResourceState | undefined;
  resourceType(logicalId: string): string | undefined;
  resourceNames(): readonly string[];
  /** False while evaluating the Conditions section, which cannot refer to resources. */
  readonly allowResources: boolean;
  availabilityZones(region: string): string[];
  importValue?(name: string): unknown | undefined;
  exportNames?(): readonly string[];
  /** Why an export cannot be read, when it exists somewhere but not for this stack. */
  whyNoExport?(name: string): string | undefined;
  report(code: string, message: string, loc: Loc): void;
}

export const PSEUDO_PARAMETERS = [
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
] as const;

export function isPseudo(name: string): boolean {
  return (PSEUDO_PARAMETERS as readonly string[]).includes(name);
}
