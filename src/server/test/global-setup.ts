import type { TestProject } from 'vitest/node';
import { prepareTestDatabases } from './test-database.ts';
import { forgetDemoDatabases } from './demo-database.ts';

/** vitest global setup, per project: the fresh-database image or template of its engine, once per schema. */
export default async function setup(project: TestProject): Promise<void> {
  const engine = project.config.env.INTERCHANGE_TEST_ENGINE === 'postgresql' ? 'postgresql' : 'embedded';
  await forgetDemoDatabases(engine);
  await prepareTestDatabases(engine);
}
