import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadLab } from '../../src/content/labs.js';
import { SimulationScreen } from '../../src/tui/screens/simulation-screen.js';
import { labDrills, playScenario, type ScenarioChoice } from '../../src/tui/simulation-actions.js';
import { HEIGHT, ROOT, WIDTH } from './support/fixtures.js';
import { eventually, frameSize, KEY, linesOf, press, textOf } from './support/ink.js';
import { renderWith, SCREEN_READER } from './support/render.js';

const drillLab = loadLab('zone-drill', join(ROOT, 'test/fixtures/drills/labs'));
const ONE_NAT = 'test/fixtures/drills/submissions/one-nat.yaml';

function Harness({ scenarios, template = ONE_NAT, onBack = () => {} }: { scenarios: readonly ScenarioChoice[]; template?: string; onBack?: () => void }) {
  const [status, setStatus] = useState('');
  return <SimulationScreen title="Drills · zone-drill" template={template} scenarios={scenarios} region="us-east-1" cwd={ROOT} width={WIDTH} height={HEIGHT} status={status} say={setStatus} onBack={onBack} onHelp={() => {}} />;
}

afterEach(cleanup);

describe('the drills of a lab', () => {
  it('are its scenario files, each once, with the checks that play them and the student’s values', () => {
    const drills = labDrills(drillLab, 'alice');
    expect(drills.map((d) => d.name)).toEqual(['drills/app-calls-out.yaml', 'drills/zone-failure.yaml']);
    expect(drills[1].checks).toEqual(['At most half the calls dropped while us-east-1a is down', "Calls resume within the zone's outage", 'The drill hour costs under $0.20']);
    expect([2, 4]).toContain(drills[0].params!.peak);
  });

  it('play as simulate reports them, with the student’s rate filled in', () => {
    const d = labDrills(drillLab, 'alice')[1];
    const played = playScenario(ONE_NAT, d, ROOT, WIDTH, 'us-east-1');
    expect(played.ok).toBe(true);
    const sent = 3600 * 2 * Number(d.params!.peak);
    expect(played.message).toBe(`Played drills/zone-failure.yaml on ${ONE_NAT}: ${(sent / 2).toLocaleString('en-US')} of ${sent.toLocaleString('en-US')} requests dropped.`);
  });

  it('a missing template or a scenario with mistakes says so, with the line', () => {
    expect(playScenario('nothing.yaml', labDrills(drillLab, 'alice')[0], ROOT, WIDTH).message).toBe('nothing.yaml: no such file. Press e to give the path of your template.');
    const bad = playScenario(ONE_NAT, { name: 'bad.yaml', file: join(ROOT, 'test/fixtures/drills/broken-lab/drills/bad.yaml') }, ROOT, WIDTH);
    expect(bad.ok).toBe(false);
    expect(bad.message).toBe('1 error in bad.yaml.');
    expect(bad.lines.map((l) => l.segments.map((s) => s.text).join('')).join('\n')).toMatch(/✗ bad\.yaml:3:\d+: error/);
  });
});

describe('the simulation screen', () => {
  it('plays the first drill on opening: measures, chart with the events, then the timeline by scrolling', async () => {
    const { stdin, lastFrame } = renderWith(<Harness scenarios={labDrills(drillLab, 'alice')} />);
    await eventually(() => expect(textOf(lastFrame())).toContain('Played drills/app-calls-out.yaml'));
    const text = textOf(lastFrame());
    expect(linesOf(lastFrame())[0]).toMatch(/^Drills · zone-drill +0%$/);
    expect(text).toContain('Scenario: drills/app-calls-out.yaml (1 of 2) · Template: test/fixtures/drills/s…');
    expect(text).toContain('Drill of the lab, for: Survives the loss of any one zone');
    expect(text).toMatch(/Requests +\d[\d,]* sent, \d[\d,]* served, 0 dropped \(0%\)/);
    expect(linesOf(lastFrame()).slice(-2).join(' ')).toMatch(/^↑↓ scroll  Space\/b page  n next drill  r replay  e template  f scenario  \? help q back$/);
    expect(frameSize(lastFrame())).toEqual({ lines: 23, widest: 80 });
    await press(stdin, 'n');
    await eventually(() => expect(textOf(lastFrame())).toContain('Played drills/zone-failure.yaml'));
    expect(textOf(lastFrame())).toContain('(2 of 2)');
    await press(stdin, 'G');
    expect(textOf(lastFrame())).toMatch(/45m {2}zone us-east-1a recovered/);
    expect(linesOf(lastFrame())[0]).toMatch(/100%$/);
    await press(stdin, 'b');
    expect(textOf(lastFrame())).toMatch(/Timeline\n +15m {2}zone us-east-1a failed/);
    expect(frameSize(lastFrame())).toEqual({ lines: 23, widest: 80 });
  });

  it('without drills, asks for a scenario file, plays it, and q goes back', async () => {
    const onBack = vi.fn();
    const { stdin, lastFrame } = renderWith(<Harness scenarios={[]} template="test/fixtures/sim/two-zones.yaml" onBack={onBack} />);
    expect(textOf(lastFrame())).toContain('Scenario file › █');
    expect(textOf(lastFrame())).toContain('Scenario: not given yet');
    await press(stdin, 'test/fixtures/sim/zone-failure.yaml', KEY.enter);
    await eventually(() => expect(textOf(lastFrame())).toMatch(/Played test\/fixtures\/sim\/zone-failure\.yaml on test\/fixtures\/sim\/two-zones\.yaml:\s+15,900 of 30,300 requests dropped\./));
    expect(textOf(lastFrame())).toContain('Requests  30,300 sent, 14,400 served, 15,900 dropped (52.5%)');
    await press(stdin, 'q');
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('reads for a screen reader: no chart is cut, every line fits', async () => {
    const { lastFrame } = renderWith(<Harness scenarios={labDrills(drillLab, 'alice').slice(1)} />, SCREEN_READER);
    await eventually(() => expect(textOf(lastFrame())).toContain('Played drills/zone-failure.yaml'));
    expect(Math.max(...linesOf(lastFrame()).map((l) => [...l].length))).toBeLessThanOrEqual(80);
  });
});

describe('the lab screen’s check, for a lab with drills', () => {
  it('draws each drill under the checks', async () => {
    const { checkTemplate, gradeLines } = await import('../../src/tui/lab-actions.js');
    const outcome = checkTemplate(drillLab, ONE_NAT, 'alice', ROOT);
    expect(outcome.message).toBe('Score 2/7: 2 checks to fix.');
    const text = gradeLines(outcome.result!, 'Lab 1', WIDTH).map((l) => l.segments.map((s) => s.text).join(''));
    const score = text.findIndex((l) => l.startsWith('Score: 2/7'));
    const drill = text.findIndex((l) => l.startsWith('Drill drills/zone-failure.yaml: 1h'));
    expect(score).toBeGreaterThan(0);
    expect(drill).toBeGreaterThan(score);
    expect(text.some((l) => /^ {2}A 15m zone us-east-1a failed/.test(l))).toBe(true);
  });
});
