/**
 * Two or three examples at the end of every command's --help (as `gh` prints them), keyed by
 * the command's path. test/cli/help.test.ts checks that every command has some.
 */
export const EXAMPLES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  '': [
    ['cloudlab', 'open the course (lessons, quizzes, labs)'],
    ['cloudlab lesson 5', 'read lesson 5'],
    ['cloudlab check public-web public-web/template.yaml --student s1234567', 'grade your lab'],
  ],
  config: [
    ['cloudlab config', 'what cloudlab remembers'],
    ['cloudlab config set student s1234567', 'remember your student id'],
    ['cloudlab config unset student', 'forget it'],
  ],
  cidr: [
    ['cloudlab cidr 10.0.0.0/16', 'the range, mask and usable addresses'],
    ['cloudlab cidr 10.0.0.0/16 --split 20', 'the sixteen /20 subnets inside it'],
    ['cloudlab cidr 10.0.0.0/16 --hosts 300', 'the smallest subnet for 300 instances'],
  ],
  validate: [
    ['cloudlab validate template.yaml', 'errors and warnings, with line and column'],
    ['cloudlab validate submission/', 'a folder of <region>.yaml templates'],
    ['cloudlab validate template.yaml --param VpcCidr=10.1.0.0/16', 'with a parameter value'],
  ],
  describe: [
    ['cloudlab describe template.yaml', 'the topology as a text diagram'],
    ['cloudlab describe template.yaml --format mermaid', 'Mermaid, for a report'],
    ['cloudlab describe template.yaml --json', 'the topology as JSON'],
  ],
  trace: [
    ['cloudlab trace template.yaml --from internet --to WebServer --port 443', 'HTTPS from the internet'],
    ['cloudlab trace template.yaml --from Bastion --to App --protocol icmp', 'ping (ICMP echo request)'],
    ['cloudlab trace network.yaml --from subnet:PrivateA --to internet --port 443', 'a probe instance in a subnet'],
  ],
  reach: [
    ['cloudlab reach template.yaml', 'who can reach whom, on which ports'],
    ['cloudlab reach submission/ --json', 'a multi-region folder, as JSON'],
    ['cloudlab reach network.yaml', 'no instances: subnets, by routes and ACLs alone'],
  ],
  cost: [
    ['cloudlab cost template.yaml', 'each billed resource per hour and per month, and the total'],
    ['cloudlab cost submission/ --json', 'a multi-region folder, as JSON'],
  ],
  simulate: [
    ['cloudlab simulate template.yaml --scenario zone-failure.yaml', 'measures, charts and the timeline'],
    ['cloudlab simulate submission/ --scenario region-failure.yaml --json', 'the result as JSON'],
    ['cloudlab simulate template.yaml --scenario spike.yaml --format csv', 'one row per interval, for a spreadsheet'],
  ],
  lessons: [
    ['cloudlab lessons', 'every lesson, with what you have read'],
    ['cloudlab lessons --json', 'the same as JSON'],
  ],
  lesson: [
    ['cloudlab lesson 5', 'lesson 5, by number'],
    ['cloudlab lesson security-groups', 'a lesson by its id'],
    ['cloudlab lesson 3 --width 60 | less -R', 'narrower, in a pager'],
  ],
  quiz: [
    ['cloudlab quiz security-groups', 'a quiz on one lesson'],
    ['cloudlab quiz cidr --count 20', 'twenty generated subnetting questions'],
    ['cloudlab quiz', 'the questions that are due, from every lesson'],
  ],
  progress: [
    ['cloudlab progress', 'lessons read, quiz history, lab results'],
    ['cloudlab progress --json', 'the same as JSON'],
    ['cloudlab progress --reset', 'start again (asks first)'],
  ],
  labs: [
    ['cloudlab labs', 'the labs, in course order'],
    ['cloudlab labs --json', 'the same as JSON'],
  ],
  lab: [
    ['cloudlab lab brief public-web --student s1234567', 'your own variant of a lab'],
    ['cloudlab lab start public-web --student s1234567', 'write its starter template'],
  ],
  'lab brief': [
    ['cloudlab lab brief public-web --student s1234567', 'the brief with your own values'],
    ['cloudlab lab brief public-web', 'the brief with the default values'],
  ],
  'lab start': [
    ['cloudlab lab start public-web --student s1234567', 'writes public-web/template.yaml'],
    ['cloudlab lab start bastion --student s1234567 --dir ~/labs/bastion', 'into a folder of your choice'],
  ],
  check: [
    ['cloudlab check public-web public-web/template.yaml --student s1234567', 'grade your template'],
    ['cloudlab check public-web public-web/template.yaml --watch', 'check again on every save'],
    ['cloudlab check peering peering/ --json', 'a folder of <region>.yaml, as JSON'],
  ],
  grade: [
    ['cloudlab grade public-web submissions/ --out grades.csv', 'a CSV of every submission'],
    ['cloudlab grade public-web submissions/ --format gradescope --out results/', "Gradescope's results"],
    ['cloudlab grade public-web submissions/ --shard 1/4 --json --out part1.json', 'one shard of four'],
  ],
  'grade merge': [
    ['cloudlab grade merge part1.json part2.json part3.json part4.json', 'the shards as one CSV'],
    ['cloudlab grade merge part*.json --format json --out grades.json', 'as one JSON file'],
  ],
  completion: [
    ['cloudlab completion bash >> ~/.bashrc', 'bash: complete commands and options'],
    ['cloudlab completion zsh > "${fpath[1]}/_cloudlab"', 'zsh'],
    ['cloudlab completion fish > ~/.config/fish/completions/cloudlab.fish', 'fish'],
  ],
  help: [
    ['cloudlab help trace', 'the help of one command'],
    ['cloudlab help lab start', 'of a subcommand'],
  ],
};

export function examplesText(path: string): string {
  const list = EXAMPLES[path];
  if (!list || list.length === 0) return '';
  return `\nExamples:\n${list.map(([cmd, what]) => `  $ ${cmd}\n      ${what}`).join('\n')}\n`;
}
