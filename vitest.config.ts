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
    testTimeout: 60_000,
    hookTimeout: 240_000,
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
