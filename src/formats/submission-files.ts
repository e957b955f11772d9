import fs from 'node:fs';
import path from 'node:path';
import { isRegion, REGIONS } from '../engine/regions.js';
import type { Diagnostic } from './diagnostics.js';
import { nearest } from './cfn/suggest.js';

/**
 * Reading a submission from disk: a single template file, or a folder holding one template
 * per region (`us-east-1.yaml`, `eu-west-1.json`, …) and folders named after a region holding
 * several stacks of that region (`us-east-1/network.yaml`, `us-east-1/app.yaml`). This is the only part of the
 * CloudFormation front door that touches the file system, and it treats every file as
 * untrusted: no symbolic link out of the folder is followed, sizes are checked before
 * reading, binary files are refused, and no problem ever throws.
 */

export interface TemplateFile {
  /** The path as given (joined with the folder for folder entries), for messages. */
  file: string;
  /** The region named by the file (folder entries named after a region), else undefined. */
  region?: string;
  /** The stack's name, for a template in a region's folder (`us-east-1/network.yaml` → network). */
  stack?: string;
  text: string;
}

export interface Submission {
  templates: TemplateFile[];
  diagnostics: Diagnostic[];
}

/** AWS's limit for a template uploaded through S3. */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

export const TEMPLATE_EXTENSIONS = ['.yaml', '.yml', '.json', '.template'] as const;

const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/**
 * A path as the file system takes it: a string, or the raw bytes of a name that is not UTF-8
 * (as students' uploads sometimes are), which a string cannot hold without losing it.
 */
export type FsPath = string | Buffer;

/**
 * Reads `target`. `shownAs` names it in messages (the default is the path itself); give it
 * when the path is bytes.
 */
export function readSubmission(target: FsPath, opts: { maxBytes?: number; shownAs?: string } = {}): Submission {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const label = opts.shownAs ?? target.toString();
  const diagnostics: Diagnostic[] = [];
  const error = (file: string, code: string, message: string) => diagnostics.push({ severity: 'error', code, message, file });
  const warn = (file: string, code: string, message: string) => diagnostics.push({ severity: 'warning', code, message, file });

  let st: fs.Stats;
  try {
    st = fs.lstatSync(target);
  } catch (e) {
    error(label, fsCode(e), fsMessage(e, 'submission'));
    return { templates: [], diagnostics };
  }
  if (st.isSymbolicLink()) {
    error(label, 'SymbolicLink', 'this is a symbolic link; give the file or folder it points to instead');
    return { templates: [], diagnostics };
  }
  if (st.isFile()) {
    const text = readText(target, label, maxBytes, error);
    return { templates: text === undefined ? [] : [{ file: label, text }], diagnostics };
  }
  if (!st.isDirectory()) {
    error(label, 'NotAFile', 'this is neither a file nor a folder (a device, socket or pipe); give a template file or a folder of templates');
    return { templates: [], diagnostics };
  }

  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(target, { withFileTypes: true });
  } catch (e) {
    error(label, fsCode(e), fsMessage(e, 'folder'));
    return { templates: [], diagnostics };
  }
  let folderReal: Buffer;
  try {
    folderReal = fs.realpathSync.native(target, { encoding: 'buffer' });
  } catch (e) {
    error(label, fsCode(e), fsMessage(e, 'folder'));
    return { templates: [], diagnostics };
  }

  const regionFolders = entries
    .filter((e) => e.isDirectory() && isRegion(e.name))
    .map((e) => e.name)
    .sort();
  const candidates = entries
    .filter((e) => !e.name.startsWith('.') && isTemplateName(e.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const byRegion: { name: string; region: string }[] = [];
  const others: string[] = [];
  for (const e of candidates) {
    const region = baseName(e.name);
    if (isRegion(region)) byRegion.push({ name: e.name, region });
    else others.push(e.name);
  }

  const shown = (name: string) => path.join(label, name);
  const templates: TemplateFile[] = [];
  const readEntry = (name: string): string | undefined => {
    const full = joinPath(target, name);
    const shownFull = shown(name);
    let entry: fs.Stats;
    try {
      entry = fs.lstatSync(full);
    } catch (e) {
      error(shownFull, fsCode(e), fsMessage(e, 'file'));
      return undefined;
    }
    let readPath: FsPath = full;
    if (entry.isSymbolicLink()) {
      let real: Buffer;
      try {
        real = fs.realpathSync.native(full, { encoding: 'buffer' });
      } catch {
        error(shownFull, 'SymbolicLink', 'this is a symbolic link that points nowhere; it was not read');
        return undefined;
      }
      if (!isInside(real, folderReal)) {
        error(shownFull, 'SymbolicLink', 'this is a symbolic link to a file outside the submission folder; it was not read (copy the file in instead)');
        return undefined;
      }
      readPath = real;
    }
    return readText(readPath, shownFull, maxBytes, error);
  };

  if (byRegion.length > 0 || regionFolders.length > 0) {
    for (const region of regionFolders) templates.push(...readStackFolder(target, label, region, folderReal, maxBytes, error, warn));
    const seen = new Map<string, string>();
    for (const { name, region } of byRegion) {
      const first = seen.get(region);
      if (first) {
        error(shown(name), 'DuplicateRegion', `${first} and ${name} are both templates for ${region}; keep one of them`);
        continue;
      }
      seen.set(region, name);
      const text = readEntry(name);
      if (text !== undefined) templates.push({ file: shown(name), region, text });
    }
    for (const name of others) {
      const guess = nearest(baseName(name), REGIONS);
      warn(
        shown(name),
        'IgnoredFile',
        `not named after a region, so it is ignored; templates in a folder are named <region>${path.extname(name)}${guess ? ` (did you mean ${guess}${path.extname(name)}?)` : ''}, or are stacks in a folder named after their region (${guess ?? 'us-east-1'}/${name})`,
      );
    }
    if (templates.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
      error(label, 'NoTemplate', `the region folders (${regionFolders.join(', ')}) hold no template; put one or more .yaml or .json stacks in them`);
    }
    return { templates, diagnostics };
  }

  if (others.length === 1) {
    const text = readEntry(others[0]);
    if (text !== undefined) templates.push({ file: shown(others[0]), text });
    return { templates, diagnostics };
  }
  if (others.length > 1) {
    error(
      label,
      'AmbiguousTemplates',
      `the folder holds ${others.length} templates (${others.join(', ')}) and none is named after a region; name each one after the region it deploys to, such as us-east-1.yaml and eu-west-1.yaml, put several stacks of one region in a folder named after it (us-east-1/${others[0]}, us-east-1/${others[1]}), or keep a single template`,
    );
    return { templates, diagnostics };
  }
  error(
    label,
    'NoTemplate',
    `the folder holds no template; put in a single .yaml or .json template, or one per region named like us-east-1.yaml`,
  );
  return { templates, diagnostics };
}

/** AWS's rule for stack names: a letter, then letters, digits and hyphens, at most 128. */
const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;

/**
 * The templates of a region's folder, one stack each, named after the file. Symbolic links
 * are not followed; sub-folders and other files are ignored with a warning.
 */
function readStackFolder(
  target: FsPath,
  label: string,
  region: string,
  folderReal: Buffer,
  maxBytes: number,
  error: (file: string, code: string, message: string) => void,
  warn: (file: string, code: string, message: string) => void,
): TemplateFile[] {
  const dir = joinPath(target, region);
  const shownDir = path.join(label, region);
  let entries: fs.Dirent[];
  try {
    const real = fs.realpathSync.native(dir, { encoding: 'buffer' });
    if (!isInside(real, folderReal)) {
      error(shownDir, 'SymbolicLink', 'this folder is a link to a place outside the submission; it was not read');
      return [];
    }
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    error(shownDir, fsCode(e), fsMessage(e, 'folder'));
    return [];
  }
  const out: TemplateFile[] = [];
  const seen = new Map<string, string>();
  for (const e of entries.filter((x) => !x.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(shownDir, e.name);
    if (!isTemplateName(e.name) || !e.isFile()) {
      if (e.isSymbolicLink()) error(full, 'SymbolicLink', 'this is a symbolic link; it was not read (copy the file in instead)');
      else if (e.isDirectory()) warn(full, 'IgnoredFile', `a folder inside ${region}/ is ignored; the stacks of ${region} are the templates directly in it`);
      continue;
    }
    const stack = baseName(e.name);
    if (!STACK_NAME.test(stack)) {
      error(full, 'InvalidStackName', `"${stack}" cannot name a stack: a stack name starts with a letter and holds only letters, digits and hyphens (at most 128)`);
      continue;
    }
    const first = seen.get(stack);
    if (first) {
      error(full, 'AlreadyExistsException', `${first} and ${e.name} are both the stack ${stack} in ${region}; keep one of them`);
      continue;
    }
    seen.set(stack, e.name);
    const text = readText(joinPath(dir, e.name), full, maxBytes, error);
    if (text !== undefined) out.push({ file: full, region, stack, text });
  }
  return out;
}

function joinPath(base: FsPath, name: string): FsPath {
  return typeof base === 'string' ? path.join(base, name) : Buffer.concat([base, Buffer.from(path.sep + name)]);
}

/** Whether `real` lies strictly inside `folder`, both resolved, compared as bytes. */
function isInside(real: Buffer, folder: Buffer): boolean {
  const prefix = folder[folder.length - 1] === path.sep.charCodeAt(0) ? folder : Buffer.concat([folder, Buffer.from(path.sep)]);
  return real.length > prefix.length && real.subarray(0, prefix.length).equals(prefix);
}

function isTemplateName(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return (TEMPLATE_EXTENSIONS as readonly string[]).includes(ext);
}

function baseName(name: string): string {
  return name.slice(0, name.length - path.extname(name).length);
}

/**
 * Reads a regular file as UTF-8 text, refusing anything too large, empty, binary or not a
 * regular file. The size is checked on the open descriptor before reading, and no more than
 * the limit is ever read.
 */
function readText(
  readPath: FsPath,
  shownAs: string,
  maxBytes: number,
  error: (file: string, code: string, message: string) => void,
): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(readPath, fs.constants.O_RDONLY | O_NOFOLLOW | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') error(shownAs, 'SymbolicLink', 'this is a symbolic link; it was not read');
    else error(shownAs, fsCode(e), fsMessage(e, 'file'));
    return undefined;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) {
      error(shownAs, 'NotAFile', 'this is not a regular file; give a template file');
      return undefined;
    }
    if (st.size > maxBytes) {
      error(
        shownAs,
        'FileTooLarge',
        `the file is ${formatBytes(st.size)}; a template may be at most ${formatBytes(maxBytes)} (AWS's limit for a template in S3), so it was not read`,
      );
      return undefined;
    }
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let len = 0;
    for (;;) {
      const n = fs.readSync(fd, buf, len, buf.length - len, null);
      if (n === 0) break;
      len += n;
      if (len > maxBytes) {
        error(shownAs, 'FileTooLarge', `the file grew past ${formatBytes(maxBytes)} while being read; it was not read`);
        return undefined;
      }
      if (len === buf.length) break;
    }
    const bytes = buf.subarray(0, len);
    if (bytes.length === 0) {
      error(shownAs, 'EmptyFile', 'the file is empty');
      return undefined;
    }
    if (bytes.includes(0)) {
      error(shownAs, 'BinaryFile', 'the file is not text: it holds NUL bytes (is it a binary file, or saved as UTF-16?)');
      return undefined;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      error(shownAs, 'BinaryFile', 'the file is not UTF-8 text; save it as UTF-8');
      return undefined;
    }
    if (text.replace(/^\ufeff/, '').trim() === '') {
      error(shownAs, 'EmptyFile', 'the file is empty (it holds only whitespace)');
      return undefined;
    }
    return text;
  } catch (e) {
    error(shownAs, fsCode(e), fsMessage(e, 'file'));
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

function fsCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'FileNotFound';
  if (code === 'EACCES' || code === 'EPERM') return 'PermissionDenied';
  return 'FileUnreadable';
}

function fsMessage(e: unknown, what: string): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `no such ${what === 'submission' ? 'file or folder' : what}`;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied: this ${what === 'submission' ? 'path' : what} cannot be read`;
  if (code === 'EISDIR') return 'this is a folder, not a file';
  return `the ${what === 'submission' ? 'path' : what} cannot be read (${code ?? (e instanceof Error ? e.message : String(e))})`;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KB`;
  return `${n} bytes`;
}
