import { Argument, Command, CommanderError, Option } from 'commander';
import { editDistance } from '../engine/suggest.js';
import { SHELLS } from './completion.js';
import { fromCommander, reportError, setJsonErrors } from './errors.js';
import { examplesText } from './examples.js';
import { EXIT_INVALID, UsageError } from './exit-codes.js';
import { quietOnClosedPipes } from './pipes.js';

/**
 * The `cloudlab` command line. Each command's code is imported only when that command runs,
 * so `cloudlab --version` and `cloudlab trace` start fast and the terminal app (ink) is loaded
 * only by the commands that draw a screen.
 */

type Runner = (...args: any[]) => Promise<number>;

interface CommandModule {
  run: Runner;
}

async function load(name: string): Promise<CommandModule> {
  return (await import(`./commands/${name}.js`)) as CommandModule;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function buildProgram(setCode: (code: number) => void): Command {
  const program = new Command();
  // Set before the commands are added: subcommands inherit both.
  program.exitOverride();
  program.configureOutput({
    writeErr: (s) => process.stderr.write(s),
    writeOut: (s) => process.stdout.write(s),
    outputError: (s) => {
      lastCommanderMessage = s;
    },
  });
  const action =
    (name: string) =>
    async (...args: unknown[]): Promise<void> => {
      const mod = await load(name);
      setCode(await mod.run(...args.slice(0, -1)));
    };

  program
    .name('cloudlab')
    .description(
      'A cloud networking course in the terminal: lessons, quizzes and labs that run against an embedded virtual cloud (offline, no account, no bill). Run with no command to open the course.',
    )
    .version(VERSION, '-v, --version', 'print the version')
    .showSuggestionAfterError(true)
    .helpCommand(false)
    // Needed for `grade merge` to own its --format and --out (see grade below).
    .enablePositionalOptions()
    // The command list names each command with its arguments only (each command's own --help
    // lists its options), so the description column stays wide enough to wrap at 80 columns.
    .configureHelp({
      sortSubcommands: false,
      helpWidth: 80,
      subcommandTerm: (cmd) => [cmd.name(), ...cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`))].join(' '),
    })
    .action(action('app'));

  const paramOption = new Option('--param <key=value>', 'override a template parameter (repeatable)').argParser(collect);

  program
    .command('cidr')
    .description('address calculator: range, mask, AWS-usable addresses')
    .argument('<cidr>', 'a block such as 10.0.0.0/16 (or a single address)')
    .option('--split <prefix>', 'list the subnets of this prefix length inside the block (e.g. 24)')
    .option('--hosts <n>', 'the smallest AWS subnet that holds N instances, and how many fit in the block')
    .option('--json', 'print JSON')
    .action(action('cidr'));

  program
    .command('validate')
    .description('load a template (or a folder of <region>.yaml) and report problems')
    .argument('<path>', 'a template file, or a folder of <region>.yaml templates')
    .addOption(paramOption)
    .option('--region <region>', 'region for a single template', 'us-east-1')
    .option('--json', 'print JSON')
    .action(action('validate'));

  program
    .command('describe')
    .description('the topology as a text diagram, Mermaid or DOT')
    .argument('<path>', 'a template file, or a folder of <region>.yaml templates')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'mermaid', 'dot']).default('text'))
    .addOption(paramOption)
    .option('--region <region>', 'region for a single template', 'us-east-1')
    .option('--json', 'print the topology as JSON')
    .action(action('describe'));

  program
    .command('trace')
    .description('can a flow get from A to B and back? hop by hop')
    .argument('<path>', 'a template file, or a folder of <region>.yaml templates')
    .requiredOption('--from <A>', 'logical id, physical id, IP address, "internet", or subnet:<Subnet> (a probe instance there)')
    .requiredOption('--to <B>', 'logical id, physical id, IP address, "internet", or subnet:<Subnet> (a probe instance there)')
    .option('--from-groups <groups>', "security groups of the probe of a subnet:<Subnet> --from, comma-separated (default: the VPC's default group)")
    .option('--to-groups <groups>', "security groups of the probe of a subnet:<Subnet> --to, comma-separated (default: the VPC's default group)")
    .option('--port <P>', 'destination port (for icmp: the ICMP type, default 8, echo request)')
    .addOption(new Option('--protocol <protocol>', 'protocol').choices(['tcp', 'udp', 'icmp', 'all']).default('tcp'))
    .option('--client-ports <range>', "the client's ephemeral ports", '1024-65535')
    .addOption(paramOption)
    .option('--region <region>', 'region for a single template', 'us-east-1')
    .option('--json', 'print JSON with `reachable` and `path`')
    .action(action('trace'));

  program
    .command('reach')
    .description('who can reach whom, on which ports')
    .argument('<path>', 'a template file, or a folder of <region>.yaml templates')
    .addOption(paramOption)
    .option('--region <region>', 'region for a single template', 'us-east-1')
    .option('--json', 'print JSON')
    .action(action('reach'));

  program
    .command('cost')
    .description('per hour and per month, by resource')
    .argument('<path>', 'a template file, or a folder of <region>.yaml templates')
    .addOption(paramOption)
    .option('--region <region>', 'region for a single template', 'us-east-1')
    .option('--json', 'print JSON with `items`, `lines` and `total`')
    .action(action('cost'));

  program
    .command('simulate')
    .description('play failures and traffic over time: recovery, dropped requests, cost')
    .argument('<path>', 'a template file, or a folder of <region>.yaml templates')
    .requiredOption('--scenario <file>', 'the scenario: duration, traffic and events (YAML)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .addOption(paramOption)
    .option('--region <region>', 'region for a single template', 'us-east-1')
    .option('--json', 'same as --format json')
    .addHelpText(
      'after',
      [
        '',
        'Scenario keys:',
        '  duration: 2h                  how long (s, m, h, d)',
        '  interval: 1m                  the reporting interval (optional)',
        '  capacity: 80%                 what a server serves, of the table (optional)',
        '  traffic:  - { to: END, port: 80, rps: [[0m, 3], [60m, 8]] }',
        '  events:   - { at: 30m, fail: az us-east-1a }',
        '',
        'Events: fail / recover (region R, az Z, instance I, database D, a resource',
        'id), promote: Replica, scale: [region/]Group N, restore: Database [in R],',
        'failover: R (promote, restore, then scale into region R).',
      ].join('\n'),
    )
    .action(action('simulate'));

  program
    .command('lessons')
    .description('list the lessons with your progress')
    .option('--json', 'print JSON')
    .action(action('lessons'));

  program
    .command('lesson')
    .description('read one lesson')
    .argument('<id>', 'lesson id or number')
    .option('--width <columns>', 'wrap to this width')
    .option('--json', 'print JSON')
    .action(action('lesson'));

  program
    .command('quiz')
    .description('a self-study quiz (spaced repetition)')
    .argument('[topic]', 'a lesson id or number, "cidr" for generated subnetting questions, or "trace" for generated "which hop drops this flow" questions')
    .option('--count <n>', 'number of questions', '10')
    .option('--seed <s>', 'seed for generated questions and order')
    .option('--cram', 'cram mode: every question of the topic, weakest first')
    .option('--json', 'print the questions as JSON and exit (no answers asked)')
    .action(action('quiz'));

  program
    .command('progress')
    .description('lessons read, quiz history, lab results')
    .option('--reset', 'erase your progress (asks first)')
    .option('--yes', 'with --reset: do not ask')
    .option('--json', 'print JSON')
    .action(action('progress'));

  program
    .command('labs')
    .description('list the labs')
    .option('--json', 'print JSON')
    .action(action('labs'));

  const lab = program.command('lab').description("a lab's brief, or its starter files");
  lab
    .command('brief')
    .description("print a lab's brief, with the student's own parameters")
    .argument('<id>', 'the lab, e.g. public-web (cloudlab labs lists them)')
    .option('--student <id>', 'student id (seeds your parameters)')
    .option('--json', 'print JSON')
    .action(action('lab-brief'));
  lab
    .command('start')
    .description("write a lab's starter files into a folder")
    .argument('<id>', 'the lab, e.g. public-web (cloudlab labs lists them)')
    .option('--student <id>', 'student id (seeds your parameters)')
    .option('--dir <dir>', 'folder to write into (default: ./<lab-id>)')
    .option('--force', 'overwrite files that exist')
    .option('--json', 'print JSON')
    .action(action('lab-start'));

  program
    .command('check')
    .description('grade one submission, with reasons and hints')
    .argument('<lab-id>', 'the lab, e.g. public-web (cloudlab labs lists them)')
    .argument('<path>', 'your template, or a folder of <region>.yaml templates')
    .option('--student <id>', "student id (default: $CLOUDLAB_STUDENT, cloudlab config, the template's Metadata)")
    .option('--watch', 'check again each time the template is saved (on a terminal; Ctrl-C stops)')
    .addOption(new Option('--format <format>', 'text, json, or gradescope (writes results.json)').choices(['text', 'json', 'gradescope']).default('text'))
    .option('--out <file>', 'with --format gradescope: where results.json goes')
    .option('--json', 'print JSON')
    .action(action('check'));

  program
    .command('config')
    .description('settings cloudlab remembers: your student id')
    .argument('[action]', 'get (default), set or unset')
    .argument('[key]', 'student')
    .argument('[value]', 'the value to set')
    .option('--json', 'print JSON')
    .action(action('config'));

  const grade = program
    .command('grade')
    .description('grade a folder of submissions (instructors)')
    .argument('<lab-id>', 'the lab, e.g. public-web (cloudlab labs lists them)')
    .argument('<folder>', 'one file or sub-folder per submission, named after the student')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['csv', 'json', 'gradescope', 'exercism', 'junit'])
        .default('csv'),
    )
    .addOption(new Option('--lms <lms>', 'with csv: the gradebook columns of this LMS').choices(['canvas', 'moodle']))
    .option('--out <file>', 'write here instead of standard output (a folder for gradescope/exercism)')
    .option('--jobs <n>', 'worker threads (default: cores)')
    .option('--roster <csv>', 'CSV mapping submission names to student ids (columns: submission,student)')
    .option('--shard <i/n>', 'grade only shard i of n (merge later with `cloudlab grade merge`)')
    .option('--feedback <dir>', 'write one Markdown feedback file per student here')
    .option('--json', 'same as --format json')
    .action(action('grade'));
  // `grade merge` has its own --format and --out: options after "merge" belong to it, which
  // commander allows only when the program's options are positional too.
  program.enablePositionalOptions();
  grade.enablePositionalOptions();
  grade
    .command('merge')
    .description('merge the JSON outputs of sharded grade runs into one')
    .argument('<files...>', 'the JSON outputs of `cloudlab grade --shard i/n --json`')
    .addOption(
      new Option('--format <format>', 'output format').choices(['csv', 'json', 'junit']).default('csv'),
    )
    .option('--out <file>', 'write here instead of standard output')
    .action(action('grade-merge'));

  program
    .command('completion')
    .description('print a completion script for your shell (commands, options, their values)')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .action(action('completion'));

  program
    .command('help')
    .description('show the help of a command')
    .argument('[command...]', 'a command, e.g. trace or lab start');

  forEachCommand(program, (c, path) => {
    const text = examplesText(path);
    if (text) c.addHelpText('after', text);
    c.exitOverride((e) => {
      failedCommand = path;
      throw e;
    });
  });
  return program;
}

/** Every command with its path ("" for cloudlab itself, "lab start"). */
export function forEachCommand(cmd: Command, visit: (c: Command, path: string) => void, path = ''): void {
  visit(cmd, path);
  for (const c of cmd.commands) forEachCommand(c, visit, path ? `${path} ${c.name()}` : c.name());
}

let lastCommanderMessage = '';
let failedCommand = '';

/** Kept equal to package.json's version by test/cli/network-commands.test.ts (reading the file would cost start-up time). */
export const VERSION = '0.1.0';

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipes();
  setJsonErrors(argv.includes('--json'));
  // `cloudlab help lab start` is `cloudlab lab start --help`.
  if (argv[0] === 'help') argv = [...argv.slice(1).filter((a) => !a.startsWith('-')), '--help'];
  let code = 0;
  const program = buildProgram((c) => {
    code = c;
  });
  const first = argv[0];
  if (first !== undefined && !first.startsWith('-')) {
    const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
    if (!names.includes(first)) {
      const close = names.filter((n) => editDistance(n, first) <= 2);
      return reportError({
        code: 'unknown-command',
        message: `unknown command "${first}".${close.length ? ` Did you mean ${close.join(' or ')}?` : ''} See cloudlab --help`,
      });
    }
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return reportError(fromCommander(lastCommanderMessage || e.message, e.code, `cloudlab${failedCommand ? ` ${failedCommand}` : ''}`));
    }
    if (e instanceof UsageError) return reportError({ code: e.code, message: e.message, exitCode: e.exitCode, details: e.details });
    if (isModuleMissing(e)) return reportError({ code: 'not-built', message: 'this command is not built yet in this version of cloudlab' });
    throw e;
  }
}

function isModuleMissing(e: unknown): boolean {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' &&
    /\/cli\/commands\//.test(String((e as Error).message))
  );
}
