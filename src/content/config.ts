import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { progressPath } from './progress.js';

/**
 * cloudlab's settings: config.json beside progress.json (so $CLOUDLAB_HOME and
 * $XDG_CONFIG_HOME move both). One setting today, the student id, remembered once given.
 */
export interface Config {
  student?: string;
}

export const CONFIG_KEYS = ['student'] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(dirname(progressPath(env)), 'config.json');
}

/** A student id: 1 to 64 letters, digits, dots, dashes, underscores or @. */
export function studentIdProblem(id: string): string | undefined {
  if (id.trim() === '') return 'a student id cannot be empty';
  if (id.length > 64) return 'a student id is at most 64 characters';
  if (!/^[A-Za-z0-9._@-]+$/.test(id)) return `"${id}" is not a student id: use letters, digits, ".", "-", "_" or "@" (such as s1234567)`;
  return undefined;
}

/** The settings; a missing file is no settings, a damaged one is reported, never thrown over. */
export function loadConfig(path = configPath()): { config: Config; problem?: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { config: {} };
    return { config: {}, problem: `cannot read ${path}: ${(e as Error).message}` };
  }
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return { config: {}, problem: `${path} is not a JSON object; it is ignored` };
    const student = (v as { student?: unknown }).student;
    return { config: typeof student === 'string' && !studentIdProblem(student) ? { student } : {} };
  } catch {
    return { config: {}, problem: `${path} is not valid JSON; it is ignored (cloudlab config set student <id> writes a fresh one)` };
  }
}

/** Writes the settings atomically (a temp file, then rename). */
export function saveConfig(config: Config, path = configPath()): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o644 });
    renameSync(tmp, path);
  } catch (e) {
    throw new ConfigError(`cannot write ${path}: ${(e as Error).message}`);
  }
}

export type StudentSource = 'option' | 'environment' | 'config' | 'metadata';

/**
 * Whose values to grade with: --student, else $CLOUDLAB_STUDENT, else the remembered id
 * (cloudlab config), else the template's Metadata (decided after loading it). Returns
 * undefined when none of the first three gives one.
 */
export function chosenStudent(option: string | undefined, env: NodeJS.ProcessEnv = process.env, path = configPath()): { student?: string; source?: StudentSource; problem?: string } {
  if (option !== undefined && option.trim() !== '') return { student: option.trim(), source: 'option' };
  const fromEnv = env.CLOUDLAB_STUDENT?.trim();
  if (fromEnv) return { student: fromEnv, source: 'environment' };
  const { config, problem } = loadConfig(path);
  if (config.student) return { student: config.student, source: 'config', problem };
  return { problem };
}
