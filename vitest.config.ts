import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    pool: 'threads',
    // Test files share a worker's loaded modules instead of importing the engine anew each
    // (a fifth of the suite's time on 2 cores); no test relies on a fresh module state.
    isolate: false,
  },
});
