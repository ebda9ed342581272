import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import { createCipher } from '../security/personal-data.ts';

const noDatabase = (): never => {
  throw new Error('the OpenAPI document is made without a database');
};

/** A database that refuses every query: the document is made from the routes' declarations alone. */
const NO_DATABASE: Db = { engine: 'embedded', query: noDatabase, transaction: noDatabase, bulkLoad: noDatabase, close: async () => undefined };

/**
 * /api/openapi.json as the server answers it, from an app built in this process and asked
 * through inject: no database, no port, no network. Tools that build on the API (the typed
 * client's generator, its test) start from this.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const app = await buildApp({ db: NO_DATABASE, config: { ...readConfig({}), webDir: '/nonexistent' }, cipher: createCipher('openapi-document') });
  try {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    if (response.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${response.statusCode}: ${response.body}`);
    return response.json();
  } finally {
    await app.close();
  }
}
