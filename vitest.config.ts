import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll: a page changes a moment after the action that changes it; asserting reads until it holds.
          expect: { poll: { timeout: 10_000 } },
          // One browser per file is plenty on two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
