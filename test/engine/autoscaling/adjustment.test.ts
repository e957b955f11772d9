import { describe, expect, it } from 'vitest';
import { adjusted, percentChange, stepFor } from '../../../src/engine/autoscaling/adjustment.js';

describe('step and simple scaling adjustments', () => {
  it('ASG-07: the step holding metric − threshold; lower bound inclusive above the threshold, upper inclusive below', () => {
    const steps = [{ lower: 0, upper: 10, adjustment: 1 }, { lower: 10, upper: 20, adjustment: 2 }, { lower: 20, adjustment: 3 }];
    expect(stepFor(steps, 0)?.adjustment).toBe(1);
    expect(stepFor(steps, 9.9)?.adjustment).toBe(1);
    expect(stepFor(steps, 10)?.adjustment).toBe(2);
    expect(stepFor(steps, 55)?.adjustment).toBe(3);
    expect(stepFor(steps, -1)).toBeUndefined();
    const down = [{ upper: -10, adjustment: -2 }, { lower: -10, upper: 0, adjustment: -1 }];
    expect(stepFor(down, -10)?.adjustment).toBe(-2);
    expect(stepFor(down, -9.5)?.adjustment).toBe(-1);
    expect(stepFor(down, -10.5)?.adjustment).toBe(-2);
  });

  it('ASG-08: percent rounding: >1 down, 0..1 to 1, -1..0 to -1, < -1 up; MinAdjustmentMagnitude', () => {
    expect(percentChange(10, 10)).toBe(1);
    expect(percentChange(4, 30)).toBe(1);
    expect(percentChange(10, 30)).toBe(3);
    expect(percentChange(11, 30)).toBe(3);
    expect(percentChange(100, 12.7)).toBe(12);
    expect(percentChange(2, -25)).toBe(-1);
    expect(percentChange(20, -33.35)).toBe(-6);
    expect(percentChange(4, 25, 2)).toBe(2);
  });

  it('ASG-08: ChangeInCapacity, ExactCapacity, PercentChangeInCapacity, clamped to MinSize and MaxSize', () => {
    const b = { min: 2, max: 10 };
    expect(adjusted('ChangeInCapacity', 2, 4, b)).toBe(6);
    expect(adjusted('ChangeInCapacity', 20, 4, b)).toBe(10);
    expect(adjusted('ChangeInCapacity', -5, 4, b)).toBe(2);
    expect(adjusted('ExactCapacity', 7, 4, b)).toBe(7);
    expect(adjusted('PercentChangeInCapacity', 30, 4, b)).toBe(5);
    expect(adjusted('PercentChangeInCapacity', 30, 10, { min: 2, max: 20 })).toBe(13);
  });
});
