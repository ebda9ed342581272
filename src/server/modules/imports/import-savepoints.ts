import type { Db, Queryable } from '../../db/client.ts';

/**
 * A database whose transactions are savepoints of one open transaction: services called with
 * a context on it run their own transaction inside the import's, so the import commits or
 * rolls back as one whatever the services do.
 */
export function savepoints(tx: Queryable, engine: Db['engine']): Db {
  let n = 0;
  return {
    engine,
    query: (text, params) => tx.query(text, params),
    async transaction(work) {
      const name = `import_${++n}`;
      await tx.query(`SAVEPOINT ${name}`);
      try {
        const result = await work(tx);
        await tx.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await tx.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
        throw error;
      }
    },
    bulkLoad: (work) => work(),
    close: async () => undefined,
  };
}
