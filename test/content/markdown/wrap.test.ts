import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineText, seg, toAnsi } from '../../../src/content/markdown/segments.js';
import { displayWidth } from '../../../src/content/markdown/width.js';
import { wrapSegments } from '../../../src/content/markdown/wrap.js';

describe('wrapSegments', () => {
  it('breaks at spaces and keeps each word whole', () => {
    expect(wrapSegments([seg('the quick brown fox jumps')], 10).map(lineText)).toEqual(['the quick', 'brown fox', 'jumps']);
  });

  it('keeps styles across a break, and a word made of two styles together', () => {
    const lines = wrapSegments([seg('plain '), seg('bold', { bold: true }), seg('ed tail')], 8);
    expect(lines.map(lineText)).toEqual(['plain', 'bolded', 'tail']);
    expect(lines[1].segments).toEqual([seg('bold', { bold: true }), seg('ed')]);
    expect(toAnsi(lines[1])).toBe('\u001b[1mbold\u001b[0med');
  });

  it('never splits a grapheme or an emoji', () => {
    const lines = wrapSegments([seg('👍🏽👍🏽👍🏽é́é́')], 4);
    expect(lines.map(lineText).join('')).toBe('👍🏽👍🏽👍🏽é́é́');
    for (const l of lines) expect(displayWidth(lineText(l))).toBeLessThanOrEqual(4);
  });

  it('keeps all the words and fits the width, for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z漢]{1,12}$/), { maxLength: 30 }), fc.integer({ min: 2, max: 50 }), (words, width) => {
        const lines = wrapSegments([seg(words.join(' '))], width).map(lineText);
        for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/ /g, '')).toBe(words.join(''));
      }),
    );
  });

  it('returns one empty line for empty text', () => {
    expect(wrapSegments([], 10).map(lineText)).toEqual(['']);
  });
});
