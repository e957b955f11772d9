import { chosenStudent, configPath, loadConfig, saveConfig, studentIdProblem, type StudentSource } from '../content/config.js';
import { UsageError } from './exit-codes.js';

/**
 * The student id a command works with: --student, else $CLOUDLAB_STUDENT, else the id
 * remembered by `cloudlab config` (`check` then falls back to the template's Metadata).
 */
export function studentFor(option: string | undefined, warn: (m: string) => void): { student?: string; source?: StudentSource } {
  const c = chosenStudent(option);
  if (c.problem) warn(c.problem);
  if (c.student !== undefined) {
    const p = studentIdProblem(c.student);
    if (p) throw new UsageError(`${c.source === 'environment' ? 'CLOUDLAB_STUDENT: ' : '--student: '}${p}`);
  }
  return { student: c.student, source: c.source };
}

/** Remembers an id given with --student when none is remembered yet; says so once. */
export function rememberStudent(student: string, warn: (m: string) => void): void {
  const path = configPath();
  const { config, problem } = loadConfig(path);
  if (problem || config.student) return;
  try {
    saveConfig({ ...config, student }, path);
    warn(`remembered your student id ${student} (cloudlab config get shows it; --student overrides it)`);
  } catch {
    // Not remembering is no reason to fail the command.
  }
}

export function sourceText(source: StudentSource | undefined): string {
  return source === 'option' ? '--student' : source === 'environment' ? 'CLOUDLAB_STUDENT' : source === 'config' ? 'cloudlab config' : "the template's Metadata";
}
