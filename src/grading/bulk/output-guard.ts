import fs from 'node:fs';
import path from 'node:path';
import { OutputError } from './output.js';

/**
 * Where a run may write. Outputs never land on or inside the folder of submissions (an
 * instructor's `--out subs/alice.yaml` would overwrite alice's work, a results folder inside
 * it would be graded as a submission next time), never on an input (the roster, a shard being
 * merged), and a folder that is replaced as a whole never holds the submissions or an input.
 * Paths are compared after resolving symbolic links, so a link to the folder is the folder.
 */
export interface PlannedOutput {
  path: string;
  /** The option that named it, for the message. */
  option: string;
  /** A folder is replaced as a whole; a file is written whole. */
  kind: 'file' | 'folder';
}

export interface ProtectedInput {
  path: string;
  /** What it is, for the message: "the folder of submissions", "the roster". */
  what: string;
  kind: 'file' | 'folder';
}

export function refuseUnsafeOutputs(outputs: readonly PlannedOutput[], inputs: readonly ProtectedInput[]): void {
  const resolvedInputs = inputs.map((i) => ({ ...i, real: canonical(i.path) }));
  const resolvedOutputs = outputs.map((o) => ({ ...o, real: canonical(o.path) }));
  for (const out of resolvedOutputs) {
    for (const input of resolvedInputs) {
      if (out.real === input.real) {
        throw new OutputError(`${out.option} ${out.path} is ${input.what}; writing there would overwrite it — give a path outside it${suggestion(input)}`);
      }
      if (input.kind === 'folder' && isInside(out.real, input.real)) {
        throw new OutputError(
          `${out.option} ${out.path} is inside ${input.what} (${input.path}); outputs never go among the submissions, where they would overwrite one or be graded as one next time — give a path outside it${suggestion(input)}`,
        );
      }
      if (out.kind === 'folder' && isInside(input.real, out.real)) {
        throw new OutputError(
          `${out.option} ${out.path} holds ${input.what} (${input.path}); the output folder is replaced as a whole, so give a folder of its own${suggestion(input)}`,
        );
      }
    }
  }
  for (let i = 0; i < resolvedOutputs.length; i++) {
    for (let j = i + 1; j < resolvedOutputs.length; j++) {
      const a = resolvedOutputs[i];
      const b = resolvedOutputs[j];
      if (a.real === b.real || (a.kind === 'folder' && isInside(b.real, a.real)) || (b.kind === 'folder' && isInside(a.real, b.real))) {
        throw new OutputError(`${a.option} ${a.path} and ${b.option} ${b.path} overlap; give each output a place of its own`);
      }
    }
  }
}

function suggestion(input: { path: string; kind: 'file' | 'folder' }): string {
  if (input.kind !== 'folder') return '';
  const parent = path.dirname(path.resolve(input.path));
  return ` (for example ${path.join(path.relative(process.cwd(), parent) || '.', 'grades.csv')})`;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * The absolute path with every symbolic link of its existing part resolved; the part that
 * does not exist yet is appended as written.
 */
export function canonical(p: string): string {
  const abs = path.resolve(p);
  const tail: string[] = [];
  let head = abs;
  for (;;) {
    try {
      return path.join(fs.realpathSync(head), ...tail.reverse());
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return abs;
      tail.push(path.basename(head));
      head = parent;
    }
  }
}
