import { CONFIG_KEYS, configPath, ConfigError, loadConfig, saveConfig, studentIdProblem } from '../../content/config.js';
import { nearest } from '../../engine/suggest.js';
import { EXIT_OK, UsageError } from '../exit-codes.js';
import { err, out, outJson } from '../output.js';

/** cloudlab config get [key] | set <key> <value> | unset <key>: the remembered settings. */
export async function run(action: string | undefined, key: string | undefined, value: string | undefined, opts: { json?: boolean }): Promise<number> {
  const path = configPath();
  const { config, problem } = loadConfig(path);
  if (problem) err(`cloudlab: ${problem}`);
  const checkKey = (k: string | undefined): 'student' => {
    if (!k) throw new UsageError(`name a setting: ${CONFIG_KEYS.join(', ')}`);
    if (!(CONFIG_KEYS as readonly string[]).includes(k)) {
      const s = nearest(k, [...CONFIG_KEYS]);
      throw new UsageError(`there is no setting "${k}"${s ? `; did you mean ${s}?` : ''} Settings: ${CONFIG_KEYS.join(', ')}`);
    }
    return k as 'student';
  };
  const act = action ?? 'get';
  if (act === 'get') {
    if (key !== undefined) checkKey(key);
    if (opts.json) outJson(key ? { [key]: config[key as 'student'] ?? null, file: path } : { ...config, file: path });
    else if (key) out(config[key as 'student'] ?? `(${key} is not set; cloudlab config set ${key} <value>)`);
    else out(config.student ? `student = ${config.student}\n(in ${path})` : `No settings yet. cloudlab config set student <your id> remembers your student id.\n(in ${path})`);
    return EXIT_OK;
  }
  if (act === 'set') {
    const k = checkKey(key);
    if (value === undefined) throw new UsageError(`give the value: cloudlab config set ${k} <value>`);
    const p = studentIdProblem(value);
    if (p) throw new UsageError(p);
    write({ ...config, [k]: value });
    if (opts.json) outJson({ [k]: value, file: path });
    else out(`Remembered ${k} ${value} (in ${path}).`);
    return EXIT_OK;
  }
  if (act === 'unset') {
    const k = checkKey(key);
    const next = { ...config };
    delete next[k];
    write(next);
    if (opts.json) outJson({ [k]: null, file: path });
    else out(`Forgot ${k}.`);
    return EXIT_OK;
  }
  throw new UsageError(`config takes get, set or unset, not "${act}"`);

  function write(c: typeof config): void {
    try {
      saveConfig(c, path);
    } catch (e) {
      if (e instanceof ConfigError) throw new UsageError(e.message);
      throw e;
    }
  }
}
