import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/engine/**/*.test.ts'],
    // One clean PostgreSQL data directory for the run; engine tests start from it (tests/support).
    globalSetup: ['tests/support/pgSnapshot.globalSetup.ts'],
    // Component tests: jest-dom's matchers and Testing Library's clean-up after each test.
    setupFiles: ['tests/support/dom.setup.ts'],
    // A PostgreSQL start takes seconds on a 2-core machine, more when it is busy.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest leaves one core to its main process by default; here that process mostly waits, so a
    // 2-core machine runs two test files at once.
    maxWorkers: 2,
    benchmark: { include: ['bench/**/*.bench.ts'] },
    // The usual console output; under CI also a JSON report, which .ci/run reads for its summary line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/vitest.json' },
  },
});
