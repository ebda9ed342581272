import { Gauge, type Registry } from 'prom-client';
import type { Queryable } from '../db/client.ts';

// Read at each scrape, not counted in the process: with several servers on one database, each
// one's /metrics gives the same backlog, which is the database's, not the process's.
const GAUGES = [
  {
    name: 'interchange_jobs',
    help: 'Background jobs in the queue (not yet archived), by queue and pg-boss state',
    labelNames: ['queue', 'state'],
    sql: `SELECT name AS queue, state::text AS state, count(*)::int AS n FROM pgboss.job GROUP BY 1, 2`,
  },
  {
    name: 'interchange_outbox_messages',
    help: 'Messages in the outbox, by status (queued, sent, failed, held)',
    labelNames: ['status'],
    sql: `SELECT status, count(*)::int AS n FROM outbox GROUP BY 1`,
  },
  {
    name: 'interchange_imports',
    help: 'Imports committed, by kind of record',
    labelNames: ['kind'],
    sql: `SELECT kind, count(*)::int AS n FROM imports GROUP BY 1`,
  },
  {
    name: 'interchange_import_rows',
    help: 'Records imports created or updated, by kind of record and outcome',
    labelNames: ['kind', 'outcome'],
    // An import's counts (createdCount, updatedCount: migration 0049 lists the ids only when few), else its lists of ids (before).
    sql: `SELECT kind, o.outcome, sum(COALESCE((i.outcome ->> (o.outcome || 'Count'))::int, jsonb_array_length(COALESCE(i.outcome -> o.outcome, '[]'))))::int AS n
            FROM imports i CROSS JOIN (VALUES ('created'), ('updated')) o(outcome) GROUP BY 1, 2`,
  },
  {
    name: 'interchange_import_drafts',
    help: 'Import drafts kept in the database, by kind of record and status (previewed, committing, committed, failed, discarded)',
    labelNames: ['kind', 'status'],
    sql: `SELECT kind, status, count(*)::int AS n FROM import_drafts GROUP BY 1, 2`,
  },
  {
    name: 'interchange_import_commit_rows_done',
    help: 'Rows written so far by the imports being committed, by kind of record (with interchange_import_commit_rows_total: their progress)',
    labelNames: ['kind'],
    sql: `SELECT kind, sum(rows_done)::int AS n FROM import_drafts WHERE status = 'committing' GROUP BY 1`,
  },
  {
    name: 'interchange_import_commit_rows_total',
    help: 'Rows of the imports being committed, by kind of record',
    labelNames: ['kind'],
    sql: `SELECT kind, sum(rows_total)::int AS n FROM import_drafts WHERE status = 'committing' GROUP BY 1`,
  },
] as const;

/**
 * Gauges of what waits in the database: the job queue by state, the outbox by status, what
 * imports brought in, and the import drafts with the progress of those being committed. Each is one grouped query when scraped; a gauge's old label sets
 * are cleared first, so a queue that emptied reads as absent, not as its last count.
 */
export function registerBacklogGauges(registry: Registry, db: Queryable): void {
  for (const { name, help, labelNames, sql } of GAUGES) {
    new Gauge({
      name,
      help,
      labelNames: [...labelNames],
      registers: [registry],
      async collect() {
        const { rows } = await db.query<Record<string, string | number>>(sql);
        this.reset();
        for (const row of rows) this.set(Object.fromEntries(labelNames.map((label) => [label, String(row[label])])), Number(row.n));
      },
    });
  }
}
