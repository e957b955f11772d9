/**
 * The parsed form of a CloudFormation template. Every value keeps the line and column it was
 * written at, so that any error found later (a bad property, a failed reference, a rule the
 * virtual cloud refuses) can point at the exact place in the student's file.
 */

/** 1-based line and column of a node in the template text. */
export interface Loc {
  readonly line: number;
  readonly column: number;
}

/** A position with its file, as handed to the builder and put in diagnostics. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

export type Scalar = string | number | boolean | null;

export interface TScalar {
  readonly kind: 'scalar';
  readonly value: Scalar;
  readonly loc: Loc;
}

export interface TSeq {
  readonly kind: 'seq';
  readonly items: readonly TNode[];
  readonly loc: Loc;
}

export interface TEntry {
  readonly key: string;
  readonly keyLoc: Loc;
  readonly value: TNode;
}

export interface TMap {
  readonly kind: 'map';
  readonly entries: readonly TEntry[];
  readonly loc: Loc;
}

/**
 * A template value. Short-form tags are already expanded: `!Ref X` is the map `{Ref: X}`
 * and `!GetAtt A.B` is `{Fn::GetAtt: "A.B"}`, so YAML and JSON look the same from here on.
 */
export type TNode = TScalar | TSeq | TMap;

export function entry(map: TMap, key: string): TEntry | undefined {
  return map.entries.find((e) => e.key === key);
}

export function child(map: TMap, key: string): TNode | undefined {
  return entry(map, key)?.value;
}

export type ParameterType =
  | 'String'
  | 'Number'
  | 'List<Number>'
  | 'CommaDelimitedList'
  | string;

export interface TemplateParameter {
  readonly name: string;
  readonly loc: Loc;
  readonly type: ParameterType;
  readonly typeLoc: Loc;
  /** The Default as text (a list default is joined with commas, as AWS reads it). */
  readonly default?: string;
  readonly defaultLoc?: Loc;
  readonly allowedValues?: readonly string[];
  readonly allowedPattern?: string;
  readonly constraintDescription?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly noEcho: boolean;
  readonly description?: string;
}

export interface TemplateMapping {
  readonly name: string;
  readonly loc: Loc;
  readonly node: TMap;
}

export interface TemplateCondition {
  readonly name: string;
  readonly loc: Loc;
  readonly node: TNode;
}

export interface NamedRef {
  readonly name: string;
  readonly loc: Loc;
}

export interface TemplateResource {
  readonly logicalId: string;
  /** Position of the logical id (the resource's key). */
  readonly loc: Loc;
  readonly type: string;
  readonly typeLoc: Loc;
  /** The raw Properties map, intrinsics not yet resolved; undefined when absent. */
  readonly properties?: TMap;
  readonly dependsOn: readonly NamedRef[];
  readonly condition?: NamedRef;
  readonly metadata?: TNode;
  readonly deletionPolicy?: string;
  readonly updateReplacePolicy?: string;
  readonly creationPolicy?: TNode;
  readonly updatePolicy?: TNode;
  /** The whole resource declaration. */
  readonly node: TMap;
  /** The declaration itself is broken (reported by parseTemplate); the loader skips it. */
  readonly declarationErrors: boolean;
}

export interface TemplateOutput {
  readonly logicalId: string;
  readonly loc: Loc;
  readonly value: TNode;
  readonly description?: string;
  readonly exportName?: TNode;
  readonly condition?: NamedRef;
}

export interface Template {
  readonly file: string;
  readonly formatVersion?: string;
  readonly description?: string;
  /** The template's Metadata section as plain values (labs keep `cloudlab: {lab, student}` here). */
  readonly metadata: Record<string, unknown>;
  readonly transforms: readonly string[];
  readonly parameters: readonly TemplateParameter[];
  readonly mappings: readonly TemplateMapping[];
  readonly conditions: readonly TemplateCondition[];
  readonly resources: readonly TemplateResource[];
  readonly outputs: readonly TemplateOutput[];
}
