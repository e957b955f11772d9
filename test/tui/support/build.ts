/** The shared build helper (test/support/build.ts), under the name these tests use. */
export { buildIfStale } from '../../support/build.js';
