/**
 * Every key of every screen, in one table: footers show the short form, the help overlay
 * (`?`) the long one, so the two never disagree.
 */
export interface KeyBinding {
  /** As the footer shows it: "↑↓", "Enter". */
  readonly key: string;
  /** Footer label: "move". */
  readonly label: string;
  /** Every key that does it, for the help overlay: "↑ ↓  j k". */
  readonly keys: string;
  /** What it does, in the help overlay. */
  readonly help: string;
}

export type ScreenName = 'home' | 'lesson' | 'quiz' | 'labs' | 'lab' | 'simulation' | 'prompt' | 'help';

const b = (key: string, label: string, keys: string, help: string): KeyBinding => ({ key, label, keys, help });

const SCROLL = {
  line: b('↑↓', 'scroll', '↑ ↓  j k', 'scroll one line'),
  page: b('Space/b', 'page', 'PgDn Space · PgUp b', 'next page · previous page'),
  ends: b('g/G', 'ends', 'g G  Home End', 'go to the top · the end'),
};

export const KEYS = {
  home: {
    move: b('↑↓', 'move', '↑ ↓  j k  g G', 'move through the lessons'),
    open: b('Enter', 'read', 'Enter', 'read the lesson'),
    quiz: b('t', 'quiz', 't', "take the lesson's quiz"),
    review: b('r', 'review', 'r', 'review quiz: questions due from the lessons read'),
    practice: b('c', 'cidr', 'c', 'subnetting practice: generated CIDR questions'),
    tracePractice: b('p', 'trace', 'p', 'trace practice: which hop drops a flow in a generated network'),
    lab: b('s', 'lab', 's', "start the lesson's lab (of several, the first without full marks)"),
    labs: b('l', 'labs', 'l', 'the list of labs'),
    simulate: b('m', 'simulate', 'm', 'play a scenario file on a template: failures and traffic over time'),
    help: b('?', 'help', '?', 'this help'),
    quit: b('q', 'quit', 'q  Esc', 'quit'),
  },
  lesson: {
    ...SCROLL,
    next: b('n/p', 'lesson', 'n p', 'next lesson · previous lesson'),
    quiz: b('t', 'quiz', 't', "take this lesson's quiz"),
    lab: b('s', 'lab', 's', "start this lesson's lab (of several, the first without full marks)"),
    help: b('?', 'help', '?', 'this help'),
    back: b('q', 'back', 'q  Esc', 'back'),
  },
  quiz: {
    choose: b('a-z', 'choose', 'a b c …  ↑ ↓', 'choose (several: each letter toggles)'),
    toggle: b('Space', 'toggle', 'Space', 'toggle the highlighted choice'),
    type: b('type', 'your answer', 'letters, digits', 'type a number, block or address'),
    answer: b('Enter', 'answer', 'Enter', 'answer · next question'),
    page: b('PgUp/PgDn', 'scroll', 'PgUp PgDn', 'scroll a long question'),
    next: b('Enter', 'next', 'Enter  n', 'next question'),
    help: b('?', 'help', '?', 'this help (not while typing)'),
    back: b('q', 'back', 'q  Esc', 'stop the quiz (answers so far are kept)'),
    escBack: b('Esc', 'stop', 'Esc', 'stop the quiz while typing an answer'),
    finish: b('Enter', 'back', 'Enter', 'leave the score screen'),
  },
  labs: {
    move: b('↑↓', 'move', '↑ ↓  j k  g G', 'move through the labs'),
    open: b('Enter', 'open', 'Enter', 'open the lab'),
    help: b('?', 'help', '?', 'this help'),
    back: b('q', 'back', 'q  Esc', 'back'),
  },
  lab: {
    scroll: SCROLL.line,
    page: SCROLL.page,
    write: b('w', 'write starter', 'w', 'write the starter files into a folder'),
    check: b('c', 'check', 'c', 'check the template: each check ✓ or ✗, with hints'),
    diagram: b('d', 'diagram', 'd', 'the topology diagram of your template'),
    edit: b('e', 'path', 'e', 'change the path of the template to check'),
    student: b('i', 'student', 'i', 'change your student id'),
    drills: b('s', 'drills', 's', "play the lab's drills on your template (when the lab has drills)"),
    help: b('?', 'help', '?', 'this help'),
    back: b('q', 'back', 'q  Esc', 'back (from results or diagram: to the brief)'),
  },
  simulation: {
    scroll: SCROLL.line,
    page: SCROLL.page,
    next: b('n', 'next drill', 'n', "the lab's next drill"),
    replay: b('r', 'replay', 'r', 'play the scenario again (after editing it or the template)'),
    template: b('e', 'template', 'e', 'change the template played on'),
    scenario: b('f', 'scenario', 'f', 'play another scenario file'),
    help: b('?', 'help', '?', 'this help'),
    back: b('q', 'back', 'q  Esc', 'back'),
  },
  prompt: {
    confirm: b('Enter', 'confirm', 'Enter', 'confirm'),
    clear: b('Ctrl-U', 'clear', 'Ctrl-U  Ctrl-W', 'clear the line · remove a word'),
    cancel: b('Esc', 'cancel', 'Esc', 'cancel'),
  },
  help: {
    scroll: SCROLL.line,
    close: b('?', 'close', '?  q  Esc', 'close the help'),
  },
} as const satisfies Record<ScreenName, Record<string, KeyBinding>>;

/** Section titles of the help overlay, in the order shown. */
export const HELP_SECTIONS: readonly { readonly screen: ScreenName; readonly title: string }[] = [
  { screen: 'home', title: 'Course (home)' },
  { screen: 'lesson', title: 'Lesson' },
  { screen: 'quiz', title: 'Quiz' },
  { screen: 'labs', title: 'Labs' },
  { screen: 'lab', title: 'Lab' },
  { screen: 'simulation', title: 'Simulation' },
  { screen: 'prompt', title: 'Typing a value' },
];

/** The bindings of a screen, without repeating two that read the same. */
export function bindingsOf(screen: ScreenName): KeyBinding[] {
  const seen = new Set<string>();
  return Object.values(KEYS[screen] as Record<string, KeyBinding>).filter((k) => {
    const id = `${k.keys}|${k.help}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
