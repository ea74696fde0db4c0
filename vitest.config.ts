import { defineConfig } from 'vitest/config';

/**
 * Tests that need a built site, a browser or the `pshe` command run as a
 * teacher runs it. Only these wait for the example library's build
 * (tests/global-setup.ts); `npx vitest --project unit` runs the rest at once.
 */
const integration = [
  'tests/browser/**/*.test.ts',
  'tests/build/**/*.test.ts',
  'tests/cli/**/*.test.ts',
  'tests/deck/**/*.test.ts',
  'tests/hostile/**/*.test.ts',
  'tests/site/**/*.test.ts',
  'tests/pptx/libreoffice.test.ts',
  'tests/docx/libreoffice.test.ts',
  'tests/slides/deck-quality.test.ts',
];

export default defineConfig({
  test: {
    // Machines here differ threefold in speed from one day to the next (docs/benchmarks.md): a test that runs
    // several builds took 62 s on the slowest. Hangs are caught by the hostile tests' own budgets.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // A page's state checked by polling (the worker loading, a file read) may take seconds on a slow machine.
    expect: { poll: { timeout: 15_000 } },
    // Two cores: keep browser and PDF suites from starving each other.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: integration } },
      {
        extends: true,
        test: { name: 'integration', include: integration, globalSetup: ['tests/global-setup.ts'] },
      },
    ],
  },
});
