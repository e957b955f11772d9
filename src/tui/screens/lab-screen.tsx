import { existsSync } from 'node:fs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { drillFiles } from '../../content/lab-drills.js';
import { instantiate, type Lab } from '../../content/labs.js';
import { BLANK, line, renderMarkdown, seg, THEME, type RenderedLine } from '../../content/markdown/index.js';
import type { GradeResult } from '../../grading/result.js';
import { Frame } from '../components/frame.js';
import { useLook } from '../components/look-context.js';
import { useKeys } from '../components/key-router.js';
import { isBack, type Keys } from '../input.js';
import { KEYS } from '../keys.js';
import { watchSubmission } from '../../grading/watch.js';
import { checkTemplate, defaultFolder, diagramOf, gradeLines, resolvePath, templateOf, writeStarter } from '../lab-actions.js';
import { frameLayout, promptLine } from '../layout.js';
import { editLine } from '../line-edit.js';
import { applyScroll, clampOffset, positionLabel, scrollMove } from '../scroll.js';
import { fitText, splitWide, withoutRules, wrapText } from '../text.js';

export interface LabScreenProps {
  readonly lab: Lab;
  /** The session's student id: null until asked, "" for the default values. */
  readonly student: string | null;
  /** Folder that typed paths are relative to. */
  readonly cwd: string;
  readonly width: number;
  readonly height: number;
  readonly active?: boolean;
  readonly status?: string;
  readonly say: (message: string) => void;
  readonly onStudent: (student: string) => void;
  /** A check ran: record the result. */
  readonly onGraded: (result: GradeResult) => void;
  readonly onBack: () => void;
  readonly onHelp: () => void;
  /** Play the lab's drills on the template (the lab has drill checks). */
  readonly onDrills?: (template: string) => void;
}

type View = 'brief' | 'results' | 'diagram';
type Field = 'student' | 'folder' | 'path';
interface Prompt {
  readonly field: Field;
  readonly value: string;
}

const LABELS: Record<Field, string> = { student: 'Student id', folder: 'Write the starter into', path: 'Template to check' };
const MAX_TEXT_WIDTH = 100;

/** A lab: its brief with the student's values; write the starter, check it, see its diagram. */
export function LabScreen(props: LabScreenProps) {
  const { lab, cwd, width, height, active = true, say } = props;
  const look = useLook();
  const student = props.student ?? '';
  const [view, setView] = useState<View>('brief');
  const [offsets, setOffsets] = useState<Record<View, number>>({ brief: 0, results: 0, diagram: 0 });
  const [prompt, setPrompt] = useState<Prompt | undefined>(props.student === null ? { field: 'student', value: '' } : undefined);
  const [folder, setFolder] = useState(defaultFolder(lab));
  const [path, setPath] = useState(templateOf(defaultFolder(lab)));
  const [grade, setGrade] = useState<GradeResult | undefined>();
  const [diagram, setDiagram] = useState<RenderedLine[]>([]);
  const [busy, setBusy] = useState(false);
  const [watched, setWatched] = useState<string | undefined>();
  const asking = props.student === null;
  const hasDrills = props.onDrills !== undefined && drillFiles(lab).length > 0;

  const brief = useMemo(() => {
    const rendered = renderMarkdown(instantiate(lab.brief, lab, student || undefined), { width: Math.min(width, MAX_TEXT_WIDTH), mode: look.mode });
    return look.boxes ? rendered : splitWide(withoutRules(rendered), Math.min(width, MAX_TEXT_WIDTH));
  }, [lab, student, width, look.mode, look.boxes]);
  const results = useMemo(() => (grade ? gradeLines(grade, `Lab ${lab.order}: ${lab.title}`, width) : []), [grade, lab, width]);
  const lines = asking ? studentIntro(lab, width) : look.boxes ? { brief, results, diagram }[view] : splitWide({ brief, results, diagram }[view], width);

  const hints = prompt
    ? [KEYS.prompt.confirm, KEYS.prompt.clear, KEYS.prompt.cancel]
    : [KEYS.lab.scroll, KEYS.lab.page, KEYS.lab.write, KEYS.lab.check, KEYS.lab.diagram, ...(hasDrills ? [KEYS.lab.drills] : []), KEYS.lab.edit, KEYS.lab.student, KEYS.lab.help, KEYS.lab.back];
  const status = prompt ? promptLine(LABELS[prompt.field], prompt.value, width) : props.status;
  const layout = frameLayout(width, height, hints, status, look);
  // The first body line (or lines, for a screen reader) says who and what: the student and the template checked.
  const who = asking ? 'Student: not given yet' : `Student: ${student || 'none (default values)'}`;
  const context = fitText(`${who} · Template: ${path}`, width, look.boxes, { dim: true });
  const viewHeight = Math.max(1, layout.bodyHeight - context.length);
  const top = clampOffset(offsets[view], lines.length, viewHeight);
  const setTop = (v: View, n: number): void => setOffsets((o) => ({ ...o, [v]: n }));

  const submit = (p: Prompt): void => {
    setPrompt(undefined);
    const value = p.value.trim();
    if (p.field === 'student') {
      props.onStudent(value);
      say(value ? `Student id ${value}: the brief shows your own values.` : 'No student id: the brief shows the default values.');
    } else if (p.field === 'folder') {
      const written = writeStarter(lab, student || undefined, value, cwd);
      say(written.message);
      if (written.ok) {
        setFolder(value);
        setPath(templateOf(value));
        setWatched(templateOf(value));
      }
    } else if (value === '') say('The path is unchanged.');
    else {
      setPath(value);
      say(`Checks and the diagram now use ${value}.`);
    }
  };

  const check = (saved = false): void => {
    setBusy(true);
    say(`${saved ? `${path} was saved. ` : ''}Checking ${path} …`);
    // Let the "Checking" line be drawn before the grading blocks for a moment.
    setTimeout(() => {
      const outcome = checkTemplate(lab, path, student || undefined, cwd);
      setBusy(false);
      say(`${saved ? 'Saved, checked again. ' : ''}${outcome.message}`);
      if (!outcome.result) return;
      setWatched(path);
      setGrade(outcome.result);
      props.onGraded(outcome.result);
      setTop('results', 0);
      setView('results');
    }, 20);
  };

  // The template this screen wrote or checked is checked again each time it is saved.
  const latestCheck = useRef(check);
  latestCheck.current = check;
  useEffect(() => {
    if (!watched) return undefined;
    const abs = resolvePath(watched, cwd);
    if (!existsSync(abs)) return undefined;
    let w: { close(): void } | undefined;
    try {
      w = watchSubmission(abs, () => latestCheck.current(true));
    } catch {
      return undefined; // a folder that cannot be watched: c still checks
    }
    return () => w?.close();
  }, [watched, cwd]);

  const showDiagram = (): void => {
    const d = diagramOf(lab, path, cwd, width, look.boxes);
    say(d.message);
    if (d.lines.length === 0) return;
    setDiagram(d.lines);
    setTop('diagram', 0);
    setView('diagram');
  };

  useKeys((input: string, key: Keys) => {
    if (busy) return;
    if (prompt) {
      const edit = editLine(prompt.value, input, key);
      if (edit.action === 'submit') submit(prompt);
      else if (edit.action === 'cancel') {
        setPrompt(undefined);
        if (asking) props.onBack();
        else say('');
      } else setPrompt({ ...prompt, value: edit.value });
      return;
    }
    const move = scrollMove(input, key);
    if (move) setTop(view, applyScroll(top, move, lines.length, viewHeight));
    else if (input === 'w') setPrompt({ field: 'folder', value: folder });
    else if (input === 'c') check();
    else if (input === 'd') showDiagram();
    else if (input === 's' && hasDrills) props.onDrills?.(path);
    else if (input === 'e') setPrompt({ field: 'path', value: path });
    else if (input === 'i') setPrompt({ field: 'student', value: student });
    else if (input === '?') props.onHelp();
    else if (isBack(input, key)) {
      if (view !== 'brief') {
        setView('brief');
        say('');
      } else props.onBack();
    }
  }, { active, text: prompt !== undefined });

  const info = asking ? 'student id' : view === 'results' && grade ? `check · ${grade.score}/${grade.max}` : `${view} · ${positionLabel(top, lines.length, viewHeight)}`;
  return <Frame layout={layout} title={`Lab ${lab.order} · ${lab.title}`} info={info} body={[...context, ...lines.slice(top, top + viewHeight)]} />;
}

function studentIntro(lab: Lab, width: number): RenderedLine[] {
  return [
    BLANK,
    ...wrapText(lab.summary, width, { bold: true }),
    BLANK,
    ...wrapText(
      'Your student id picks your own values for this lab (address ranges, ports, addresses), ' +
        'and the checks expect those values. Type it below and press Enter.',
      width,
    ),
    BLANK,
    ...wrapText('Press Enter alone to use the default values. The id is kept until you quit; press i to change it.', width, THEME.url),
  ];
}
