/** Exit codes of every command (DESIGN.md): 0 success, 1 a check failed or not reachable, 2 invalid input. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_INVALID = 2;

/** An error a person caused (bad option, unreadable file); printed as one message, exit 2. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_INVALID) {
    super(message);
    this.name = 'UsageError';
  }
}
