import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordLabResult } from '../../src/content/progress.js';
import { LabList, type LabListProps } from '../../src/tui/screens/lab-list.js';
import { fixtureLabs, freshProgress, HEIGHT, LABS_DIR, WIDTH } from './support/fixtures.js';
import { frameSize, KEY, linesOf, press, textOf } from './support/ink.js';
import { renderWith, SCREEN_READER } from './support/render.js';

function props(overrides: Partial<LabListProps> = {}): LabListProps {
  return {
    labs: fixtureLabs(),
    progress: freshProgress(),
    problems: [],
    labsDir: LABS_DIR,
    width: WIDTH,
    height: HEIGHT,
    onOpen: vi.fn(),
    onBack: vi.fn(),
    onHelp: vi.fn(),
    ...overrides,
  };
}

afterEach(cleanup);

describe('the labs list', () => {
  it('lists each lab with its points and best score; Enter opens it', async () => {
    const p = freshProgress();
    recordLabResult(p, 'public-web', { score: 1, max: 4, passed: [] });
    recordLabResult(p, 'public-web', { score: 4, max: 4, passed: [] });
    const pr = props({ progress: p });
    const { stdin, lastFrame } = renderWith(<LabList {...pr} />);
    const lines = linesOf(lastFrame());
    expect(lines[0]).toMatch(/^Labs +1 lab$/);
    expect(lines[2]).toMatch(/^› ✓ {2}1 {2}A public web server +4 points {3}best 4\/4 ✓ \(2 tries\)$/);
    expect(lines[lines.length - 1]).toBe('↑↓ move  Enter open  ? help  q back');
    expect(frameSize(lastFrame())).toEqual({ lines: 23, widest: 80 });
    await press(stdin, KEY.enter, '?', 'q');
    expect(pr.onOpen).toHaveBeenCalledWith('public-web');
    expect(pr.onHelp).toHaveBeenCalledTimes(1);
    expect(pr.onBack).toHaveBeenCalledTimes(1);
  });

  it('lines up the points of every row, whatever each best result says', () => {
    const [one] = fixtureLabs();
    const labs = [one, { ...one, id: 'public-web-2', order: 2, title: 'A second public web server with a long title that does not fit' }];
    const p = freshProgress();
    recordLabResult(p, 'public-web-2', { score: 1, max: 4, passed: [] });
    const lines = linesOf(renderWith(<LabList {...props({ labs, progress: p })} />).lastFrame());
    const rows = lines.filter((l) => / points /.test(l));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/best 1\/4 \(1 try\)$/);
    expect(rows[0].indexOf('4 points')).toBe(rows[1].indexOf('4 points'));
    expect(rows[1]).toContain('…');
  });

  it('has an empty state that says where labs are looked for', async () => {
    const pr = props({ labs: [], labsDir: '/opt/course/labs' });
    const { stdin, lastFrame } = renderWith(<LabList {...pr} />);
    const text = textOf(lastFrame());
    expect(text).toContain('No labs are installed yet.');
    expect(text).toContain('cloudlab looks for labs in /opt/course/labs.');
    expect(text).toContain('CLOUDLAB_LABS');
    await press(stdin, KEY.enter, KEY.escape);
    expect(pr.onOpen).not.toHaveBeenCalled();
    expect(pr.onBack).toHaveBeenCalledTimes(1);
  });

  it('names the labs that could not be loaded, and why', () => {
    const text = textOf(renderWith(<LabList {...props({ problems: ['lab broken: labs/broken/lab.yaml:3: "title" must be a string'] })} />).lastFrame());
    expect(text).toContain('Some labs could not be loaded:');
    expect(text).toContain('✗ lab broken: labs/broken/lab.yaml:3: "title" must be a string');
  });

  it('for screen readers: one sentence per lab', () => {
    const text = textOf(renderWith(<LabList {...props()} />, SCREEN_READER).lastFrame());
    expect(text).toContain('› Lab 1: A public web server, 4 points, not tried yet');
  });
});
