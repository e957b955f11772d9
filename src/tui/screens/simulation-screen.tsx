import { useEffect, useState } from 'react';
import { BLANK, type RenderedLine } from '../../content/markdown/index.js';
import { Frame } from '../components/frame.js';
import { useKeys } from '../components/key-router.js';
import { useLook } from '../components/look-context.js';
import { isBack, type Keys } from '../input.js';
import { KEYS } from '../keys.js';
import { frameLayout, promptLine } from '../layout.js';
import { resolvePath } from '../lab-actions.js';
import { editLine } from '../line-edit.js';
import { applyScroll, clampOffset, positionLabel, scrollMove } from '../scroll.js';
import { playScenario, type ScenarioChoice } from '../simulation-actions.js';
import { fitText, splitWide, wrapText } from '../text.js';

export interface SimulationScreenProps {
  readonly title: string;
  /** The template to play on (a file or a folder), relative to `cwd`. */
  readonly template: string;
  /** A lab's drills; empty: the learner gives a scenario file. */
  readonly scenarios: readonly ScenarioChoice[];
  /** The region templates are deployed in (the lab's). */
  readonly region?: string;
  readonly cwd: string;
  readonly width: number;
  readonly height: number;
  readonly active?: boolean;
  readonly status?: string;
  readonly say: (message: string) => void;
  readonly onBack: () => void;
  readonly onHelp: () => void;
}

type Field = 'template' | 'scenario';
const LABELS: Record<Field, string> = { template: 'Template to play on', scenario: 'Scenario file' };

/** Plays a scenario on a template and draws it: measures, charts with the events marked, the timeline; scrollable. */
export function SimulationScreen(props: SimulationScreenProps) {
  const { width, height, active = true, say, cwd } = props;
  const look = useLook();
  const [template, setTemplate] = useState(props.template);
  const [choices, setChoices] = useState<readonly ScenarioChoice[]>(props.scenarios);
  const [index, setIndex] = useState(0);
  const [prompt, setPrompt] = useState<{ field: Field; value: string } | undefined>(props.scenarios.length ? undefined : { field: 'scenario', value: '' });
  const [report, setReport] = useState<RenderedLine[]>([]);
  const [offset, setOffset] = useState(0);
  const [busy, setBusy] = useState(false);
  const scenario = choices[index];

  const play = (tpl: string, choice: ScenarioChoice | undefined): void => {
    if (!choice) return;
    setBusy(true);
    say(`Playing ${choice.name} on ${tpl} …`);
    // Let the "Playing" line be drawn before the simulation blocks for a moment.
    setTimeout(() => {
      const played = playScenario(tpl, choice, cwd, width, props.region);
      setBusy(false);
      setReport(played.lines.length ? played.lines : [BLANK, ...wrapText(played.message, width)]);
      setOffset(0);
      say(played.message);
    }, 20);
  };
  useEffect(() => {
    if (props.scenarios.length) play(template, props.scenarios[0]);
    // Played once when the screen opens; later plays follow keys.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const hints = prompt
    ? [KEYS.prompt.confirm, KEYS.prompt.clear, KEYS.prompt.cancel]
    : [KEYS.simulation.scroll, KEYS.simulation.page, ...(choices.length > 1 ? [KEYS.simulation.next] : []), KEYS.simulation.replay, KEYS.simulation.template, KEYS.simulation.scenario, KEYS.simulation.help, KEYS.simulation.back];
  const status = prompt ? promptLine(LABELS[prompt.field], prompt.value, width) : props.status;
  const layout = frameLayout(width, height, hints, status, look);
  const where = scenario ? `Scenario: ${scenario.name}${choices.length > 1 ? ` (${index + 1} of ${choices.length})` : ''}` : 'Scenario: not given yet';
  const context = fitText(`${where} · Template: ${template}`, width, look.boxes, { dim: true });
  const lines = report.length ? report : intro(width, scenario !== undefined);
  const body = look.boxes ? lines : splitWide(lines, width);
  const viewHeight = Math.max(1, layout.bodyHeight - context.length);
  const top = clampOffset(offset, body.length, viewHeight);

  const submit = (p: { field: Field; value: string }): void => {
    setPrompt(undefined);
    const value = p.value.trim();
    if (value === '') {
      say(p.field === 'scenario' && !scenario ? 'No scenario given: press f to give one.' : 'Unchanged.');
      return;
    }
    if (p.field === 'template') {
      setTemplate(value);
      play(value, scenario);
    } else {
      const choice: ScenarioChoice = { name: value, file: resolvePath(value, cwd) };
      const next = [...choices, choice];
      setChoices(next);
      setIndex(next.length - 1);
      play(template, choice);
    }
  };

  useKeys((input: string, key: Keys) => {
    if (busy) return;
    if (prompt) {
      const edit = editLine(prompt.value, input, key);
      if (edit.action === 'submit') submit(prompt);
      else if (edit.action === 'cancel') {
        setPrompt(undefined);
        say('');
      } else setPrompt({ ...prompt, value: edit.value });
      return;
    }
    const move = scrollMove(input, key);
    if (move) setOffset(applyScroll(top, move, body.length, viewHeight));
    else if (input === 'n' && choices.length > 1) {
      const i = (index + 1) % choices.length;
      setIndex(i);
      play(template, choices[i]);
    } else if (input === 'r') {
      if (scenario) play(template, scenario);
      else say('No scenario yet: press f to give one.');
    } else if (input === 'e') setPrompt({ field: 'template', value: template });
    else if (input === 'f') setPrompt({ field: 'scenario', value: '' });
    else if (input === '?') props.onHelp();
    else if (isBack(input, key)) props.onBack();
  }, { active, text: prompt !== undefined });

  const info = report.length ? positionLabel(top, body.length, viewHeight) : 'simulate';
  return <Frame layout={layout} title={props.title} info={info} body={[...context, ...body.slice(top, top + viewHeight)]} />;
}

function intro(width: number, chosen: boolean): RenderedLine[] {
  return [
    BLANK,
    ...wrapText(
      chosen
        ? 'Playing the scenario…'
        : 'Type the path of a scenario file (YAML: a duration, traffic and timed failures, as for cloudlab simulate) and press Enter. It is played on the template shown above; press e to change it.',
      width,
    ),
  ];
}
