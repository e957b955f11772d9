import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/cli/examples.js';
import { buildProgram, forEachCommand, VERSION } from '../../src/cli/main.js';
import { buildIfStale, cloudlab, ROOT } from '../support/cli.js';

let tmp: string;
beforeAll(() => {
  buildIfStale();
  tmp = mkdtempSync(join(tmpdir(), 'cloudlab-help-'));
}, 180_000);

const paths = (): string[] => {
  const out: string[] = [];
  forEachCommand(buildProgram(() => {}), (_c, path) => out.push(path));
  return out;
};

describe('--help', () => {
  it('every command has two or three examples, printed last', () => {
    for (const path of paths()) {
      const list = EXAMPLES[path];
      expect(list, `examples of "${path}"`).toBeDefined();
      expect(list.length, path).toBeGreaterThanOrEqual(2);
      expect(list.length, path).toBeLessThanOrEqual(3);
      for (const [cmd] of list) expect(cmd.startsWith(`cloudlab${path ? ` ${path}` : ''}`) || path === '' || path === 'help' || path === 'lab', `${path}: ${cmd}`).toBe(true);
    }
    const r = cloudlab(['trace', '--help']);
    expect(r.status).toBe(0);
    const tail = r.stdout.trimEnd().split('\n');
    expect(r.stdout).toContain('\nExamples:\n  $ cloudlab trace template.yaml --from internet --to WebServer --port 443\n');
    expect(tail[tail.length - 1]).toMatch(/^\s{6}\S/);
  });

  it('every positional argument is described', () => {
    forEachCommand(buildProgram(() => {}), (c, path) => {
      for (const a of c.registeredArguments) expect(a.description, `${path} <${a.name()}>`).not.toBe('');
    });
  });

  it('no help line is wider than 80 columns', () => {
    for (const path of paths()) {
      const r = cloudlab([...(path ? path.split(' ') : []), '--help']);
      for (const l of r.stdout.split('\n')) expect(l.length, `${path}: ${l}`).toBeLessThanOrEqual(80);
    }
  });

  it('cloudlab help <command> is that command’s --help, also for subcommands', () => {
    expect(cloudlab(['help', 'trace']).stdout).toBe(cloudlab(['trace', '--help']).stdout);
    const r = cloudlab(['help', 'lab', 'start']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(cloudlab(['lab', 'start', '--help']).stdout);
    expect(cloudlab(['help']).stdout).toBe(cloudlab(['--help']).stdout);
    const bad = cloudlab(['help', 'tarce']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Did you mean trace?');
  });
});

describe('version', () => {
  it('-v, --version print the version', () => {
    expect(cloudlab(['-v']).stdout.trim()).toBe(VERSION);
    expect(cloudlab(['--version']).stdout.trim()).toBe(VERSION);
  });
});

describe('errors', () => {
  it('a mistyped option gets "did you mean", the one prefix and a full stop, exit 2', () => {
    const r = cloudlab(['trace', 'x.yaml', '--from', 'a', '--to', 'b', '--protocl', 'tcp']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("cloudlab: unknown option '--protocl'. Did you mean --protocol? See cloudlab trace --help.\n");
  });

  it('a mistyped command, or subcommand, gets "did you mean"', () => {
    expect(cloudlab(['chekc']).stderr).toBe('cloudlab: unknown command "chekc". Did you mean check? See cloudlab --help.\n');
    const r = cloudlab(['lab', 'strat', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("cloudlab: unknown command 'strat'. Did you mean start? See cloudlab lab --help.\n");
  });

  it('every error line starts with "cloudlab: " and ends a sentence', () => {
    const runs = [
      cloudlab(['cidr']),
      cloudlab(['cidr', '10.0.0.0/33']),
      cloudlab(['lesson', '99']),
      cloudlab(['trace', join(tmp, 'missing.yaml'), '--from', 'a', '--to', 'b']),
      cloudlab(['trace', 'test/fixtures/networks/three-tier.yaml', '--from', 'a', '--to', 'b', '--port', 'x']),
      cloudlab(['describe', 'x.yaml', '--format', 'svg']),
      cloudlab(['completion', 'powershell']),
    ];
    for (const r of runs) {
      expect(r.status, r.stderr).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^cloudlab: [a-z"'/-].*[.?!]$/);
    }
  });

  it('with --json, an error is one JSON object on standard output, exit 2', () => {
    const cases = [
      { args: ['trace', 'x.yaml', '--from', 'a', '--to', 'b', '--protocl', 'tcp', '--json'], code: 'unknown-option' },
      { args: ['lesson', '99', '--json'], code: 'usage' },
      { args: ['tarce', '--json'], code: 'unknown-command' },
      { args: ['cidr', 'nonsense', '--json'], code: 'usage' },
    ];
    for (const c of cases) {
      const r = cloudlab(c.args);
      expect(r.status, c.args.join(' ')).toBe(2);
      expect(r.stderr, c.args.join(' ')).toBe('');
      const parsed = JSON.parse(r.stdout) as { error: { code: string; message: string; exitCode: number } };
      expect(parsed.error).toMatchObject({ code: c.code, exitCode: 2 });
      expect(parsed.error.message).toMatch(/[.?!]$/);
    }
  });

  it('with --json, a template that does not load is a JSON error with its diagnostics', () => {
    const p = join(tmp, 'bad.yaml');
    writeFileSync(p, 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n     Properties: {}\n');
    for (const cmd of [['trace', p, '--from', 'a', '--to', 'b'], ['reach', p], ['describe', p]]) {
      const r = cloudlab([...cmd, '--json']);
      expect(r.status).toBe(2);
      const parsed = JSON.parse(r.stdout) as { error: { code: string; diagnostics: { line: number; code: string }[] } };
      expect(parsed.error.code).toBe('invalid-template');
      expect(parsed.error.diagnostics[0]).toMatchObject({ code: 'YamlSyntax', line: 4 });
    }
  });
});

describe('cloudlab completion', () => {
  const scripts = (): Record<string, string> => Object.fromEntries(['bash', 'zsh', 'fish'].map((s) => [s, cloudlab(['completion', s]).stdout]));

  it('names every command and every long option of the command definitions, in each shell', () => {
    const program = buildProgram(() => {});
    const all = scripts();
    forEachCommand(program, (c, path) => {
      for (const [shell, text] of Object.entries(all)) {
        if (path) expect(text, `${shell}: ${path}`).toContain(path.split(' ').pop());
        for (const o of c.options) if (o.long) expect(text, `${shell}: ${path} ${o.long}`).toContain(shell === 'fish' ? `-l ${o.long.slice(2)}` : o.long);
      }
    });
  });

  it('bash completes commands, subcommands, option values and files', () => {
    const script = cloudlab(['completion', 'bash']).stdout;
    const complete = (...words: string[]): string[] => {
      const r = spawnSync('bash', ['-c', `${script}\nCOMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')}); COMP_CWORD=${words.length - 1}; _cloudlab; printf '%s\\n' "\${COMPREPLY[@]}"`], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      return r.stdout.split('\n').filter(Boolean);
    };
    expect(complete('cloudlab', 'tr')).toEqual(['trace']);
    expect(complete('cloudlab', 'lab', 's')).toEqual(['start']);
    expect(complete('cloudlab', 'trace', 'x.yaml', '--protocol', '')).toEqual(['tcp', 'udp', 'icmp', 'all']);
    expect(complete('cloudlab', 'trace', 'x.yaml', '--pro')).toEqual(['--protocol']);
    expect(complete('cloudlab', 'completion', '')).toEqual(expect.arrayContaining(['bash', 'zsh', 'fish']));
    expect(complete('cloudlab', 'validate', 'package.j')).toEqual(['package.json']);
  });

  const has = (shell: string): boolean => spawnSync(shell, ['-c', 'exit 0']).status === 0;
  it.skipIf(!has('zsh'))('the zsh script is valid zsh and defines the completion function', () => {
    const script = cloudlab(['completion', 'zsh']).stdout;
    const r = spawnSync('zsh', ['-c', `autoload -U compinit; compinit -u -D; ${script}\nwhence -w _cloudlab`], { encoding: 'utf8' });
    expect(r.stdout).toContain('_cloudlab: function');
  });
  it.skipIf(!has('fish'))('fish completes commands and option values', () => {
    const file = join(tmp, 'cloudlab.fish');
    writeFileSync(file, cloudlab(['completion', 'fish']).stdout);
    const r = spawnSync('fish', ['-c', `source ${file}; complete -C "cloudlab tr"; complete -C "cloudlab trace x --protocol "`], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^trace\t/m);
    expect(r.stdout).toMatch(/^icmp\t/m);
  });
});
