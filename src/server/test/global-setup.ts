import { prepareTestDatabases } from './test-database.ts';

/** vitest global setup: build the fresh-database image and template once per schema. */
export default async function setup(): Promise<void> {
  await prepareTestDatabases();
}
