import vm from 'node:vm';

let context: vm.Context | undefined;

export type PatternResult = 'match' | 'no-match' | 'unreadable' | 'too-slow';

/**
 * Tests a parameter's AllowedPattern, which must match the whole value. The pattern comes
 * from the template, so it runs in a separate context with a time limit: a pattern that
 * backtracks forever cannot stall the grading of a whole class.
 */
export function testPattern(pattern: string, value: string, timeoutMs = 100): PatternResult {
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    try {
      new RegExp(`^(?:${pattern})$`);
    } catch {
      return 'unreadable';
    }
  }
  context ??= vm.createContext(Object.create(null));
  context.pattern = pattern;
  context.value = value;
  try {
    const ok = vm.runInContext(
      `(() => { let r; try { r = new RegExp('^(?:' + pattern + ')$', 'u'); } catch { r = new RegExp('^(?:' + pattern + ')$'); } return r.test(value); })()`,
      context,
      { timeout: timeoutMs },
    ) as boolean;
    return ok ? 'match' : 'no-match';
  } catch {
    return 'too-slow';
  }
}
