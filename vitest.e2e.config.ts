import { defineConfig } from 'vitest/config';

// Every `interchange` process a test starts (bin/interchange.js) runs the current TypeScript
// sources through tsx, never dist/server, which may be stale: set here, in the process that
// starts the global setups and the test workers, so all of them inherit it.
process.env.INTERCHANGE_FROM_SOURCES = '1';

// Browser journeys against a real server process on the embedded engine with the demo data.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/demo-template.setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
