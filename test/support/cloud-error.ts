import { CloudError } from '../../src/engine/errors.js';

/** The AWS error code a request fails with, or 'no error'; anything but a CloudError is rethrown. */
export function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof CloudError) return e.code;
    throw e;
  }
  return 'no error';
}
