import { describe, expect, it } from 'vitest';
import { lineText } from '../../src/content/markdown/index.js';
import { displayWidth } from '../../src/content/markdown/width.js';
import { bindingsOf, HELP_SECTIONS, KEYS, type ScreenName } from '../../src/tui/keys.js';
import { footerLines, frameLayout, promptLine, statusText } from '../../src/tui/layout.js';
import { COLOUR_LOOK, detectLook, type Look } from '../../src/tui/look.js';
import { helpLines } from '../../src/tui/screens/help-overlay.js';

const READER: Look = { colour: false, boxes: false, mode: 'plain' };

describe('the frame of every screen', () => {
  it('gives the body what the title, rules, status and keys leave', () => {
    const hints = [KEYS.home.move, KEYS.home.quit];
    expect(frameLayout(80, 23, hints, '', COLOUR_LOOK).bodyHeight).toBe(23 - 1 - 2 - 1 - 1);
    expect(frameLayout(80, 23, hints, '', READER).bodyHeight).toBe(23 - 1 - 1 - 1);
    const long = 'word '.repeat(40);
    expect(frameLayout(80, 23, hints, long, COLOUR_LOOK).bodyHeight).toBe(23 - 1 - 2 - 2 - 1);
  });

  it('wraps the keys between items, never inside one', () => {
    const lab = Object.values(KEYS.lab);
    const lines = footerLines(lab, 80, COLOUR_LOOK).map(lineText);
    expect(lines.length).toBe(2);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(lines.join('  ').split('  ')).toEqual(lab.map((k) => `${k.key} ${k.label}`));
    expect(footerLines([KEYS.home.move, KEYS.home.quit], 80, READER).map(lineText)).toEqual(['Keys: ↑↓ move, q quit']);
    const bold = footerLines([KEYS.home.move], 80, COLOUR_LOOK)[0].segments;
    expect(bold[0]).toEqual({ text: '↑↓', style: { bold: true } });
  });

  it('keeps a message to two lines and shows a text field with its cursor', () => {
    expect(statusText('', 80).map(lineText)).toEqual(['']);
    const two = statusText('word '.repeat(50), 40).map(lineText);
    expect(two).toHaveLength(2);
    expect(two[1].endsWith('…')).toBe(true);
    expect(lineText(promptLine('Student id', 's1', 80)[0])).toBe('Student id › s1█');
    const long = lineText(promptLine('Folder', 'x'.repeat(200), 50)[0]);
    expect(displayWidth(long)).toBeLessThanOrEqual(50);
    expect(long.endsWith('x█')).toBe(true);
  });

  it('picks the look from the environment', () => {
    expect(detectLook({})).toEqual({ colour: true, boxes: true, mode: 'ansi' });
    expect(detectLook({ NO_COLOR: '1' })).toEqual({ colour: false, boxes: true, mode: 'plain' });
    expect(detectLook({ CLOUDLAB_SCREEN_READER: '1' })).toEqual({ colour: false, boxes: false, mode: 'plain' });
    expect(detectLook({ CLOUDLAB_SCREEN_READER: '0' }).boxes).toBe(true);
  });
});

describe('the keys table', () => {
  it('describes every key of every screen, and the help overlay lists them all', () => {
    const help = helpLines(80).map(lineText).join('\n');
    for (const { screen, title } of HELP_SECTIONS) {
      expect(help).toContain(title);
      for (const k of bindingsOf(screen)) {
        expect(k.key && k.label && k.keys && k.help).toBeTruthy();
        expect(help).toContain(k.keys);
      }
    }
    const screens = Object.keys(KEYS) as ScreenName[];
    for (const s of screens.filter((s) => s !== 'help')) expect(HELP_SECTIONS.some((h) => h.screen === s)).toBe(true);
  });

  it('fits the help in 80 columns', () => {
    for (const l of helpLines(80)) expect(displayWidth(lineText(l))).toBeLessThanOrEqual(80);
  });
});
