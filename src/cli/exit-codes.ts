/** Exit codes of every command (DESIGN.md): 0 success, 1 a check failed or not reachable, 2 invalid input. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_INVALID = 2;

/**
 * An error a person caused (bad option, unreadable file); printed as one message, exit 2.
 * `code` and `details` are for the `--json` form of the error (src/cli/errors.ts).
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_INVALID,
    readonly code: string = 'usage',
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
