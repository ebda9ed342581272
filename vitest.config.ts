import { defineConfig } from 'vitest/config';

// Every `interchange` process a test starts (bin/interchange.js) runs the current TypeScript
// sources through tsx, never dist/server, which may be stale: set here, in the process that
// starts the global setups and the test workers, so all of them inherit it.
process.env.INTERCHANGE_FROM_SOURCES = '1';

// Database suites run on the embedded engine, and also on PostgreSQL when TEST_DATABASE_URL
// is set; pure tests run once.
const databaseSuites = ['src/server/**/*.test.ts', 'src/demo/**/*.test.ts', 'src/cli/**/*.test.ts'];
const pureSuites = ['src/**/*.rules.test.ts', 'src/server/search/**/*.test.ts', 'src/shared/**/*.test.ts', 'src/web/**/*.test.ts', 'src/server/security/**/*.test.ts'];

const databaseProject = (name: 'embedded' | 'postgresql') => ({
  test: {
    name,
    include: databaseSuites,
    exclude: pureSuites,
    env: { INTERCHANGE_TEST_ENGINE: name },
    globalSetup: ['src/server/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: pureSuites } },
      databaseProject('embedded'),
      ...(process.env.TEST_DATABASE_URL ? [databaseProject('postgresql')] : []),
    ],
  },
});
