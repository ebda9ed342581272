import { defineConfig } from 'vitest/config';

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
