import { describe, expect, it } from 'vitest';
import { trace } from '../../../src/engine/reach/question.js';
import { toPlain } from '../../../src/content/markdown/index.js';
import { checkAnswer } from '../../../src/content/quiz/check.js';
import { presentQuestion } from '../../../src/content/quiz/present.js';
import { cardKey } from '../../../src/content/quiz/schedule.js';
import { shuffleChoices } from '../../../src/content/quiz/shuffle.js';
import { buildNetwork, randomNetwork } from '../../../src/content/quiz/trace-network.js';
import { traceQuestion, traceQuestionFromId, traceQuestions } from '../../../src/content/quiz/trace-quiz.js';
import { choiceLetter } from '../../../src/content/quiz/types.js';

const N = 150;
const questions = traceQuestions('t', N);

describe('cloudlab quiz trace questions', () => {
  it('are named completely by their id, the same on every run', () => {
    expect(questions[7].id).toBe('gen-trace-t-7');
    expect(traceQuestionFromId('gen-trace-t-7')).toEqual(questions[7]);
    expect(traceQuestion('t', 7)).toEqual(questions[7]);
    expect(traceQuestionFromId('gen-network-t-7')).toBeUndefined();
    expect(cardKey('gen-trace-t-7')).toBe('gen-trace');
  });

  it('take their answer and explanation from the engine\'s trace of the same network', () => {
    for (let n = 0; n < N; n++) {
      const q = questions[n];
      const spec = randomNetwork(`t-${n}`);
      const report = trace(buildNetwork(spec).cloud, { from: spec.flow.from, to: spec.flow.to, protocol: 'tcp', port: spec.flow.port });
      const right = q.choices[q.answer];
      if (report.reachable) expect(right, q.id).toMatch(/^None: it gets through/);
      else {
        const hop = report.drop!.hop;
        expect(right, q.id).toContain(hop.component === 'internet' ? 'The internet' : hop.logicalId!.replace(/^Vpc\.DefaultNetworkAcl$/, 'Default network ACL'));
        if (hop.component !== 'internet') expect(right, q.id).toContain(`on the ${hop.direction}`);
      }
      expect(q.explanation.startsWith(report.explanation), q.id).toBe(true);
      expect(checkAnswer(q, choiceLetter(q.answer)).correct).toBe(true);
    }
  });

  it('vary: drops at many different hops, and some flows that get through', () => {
    const answers = questions.map((q) => q.choices[q.answer].replace(/ [A-Z][\w.]*(?=,| on| of)/, ''));
    const kinds = new Set(answers);
    expect(kinds.size).toBeGreaterThanOrEqual(6);
    const through = answers.filter((a) => a.startsWith('None')).length / N;
    expect(through).toBeGreaterThan(0.05);
    expect(through).toBeLessThan(0.4);
  });

  it('list the hops in path order, unshuffled, and read well at 80 columns', () => {
    for (const q of questions.slice(0, 40)) {
      expect(shuffleChoices(q, 'x')).toBe(q);
      for (const l of presentQuestion(q, 1, 1, 80, 'plain').map(toPlain)) expect(l.length, l).toBeLessThanOrEqual(80);
      expect(q.prompt).toMatch(/\*\*Flow:\*\* .+ → .+, tcp port \d+\./);
    }
  });
});
