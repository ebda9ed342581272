import type { Queryable } from '../db/client.ts';
import { isoTimestamp } from '../db/columns.ts';
import { JOB_STATES, type JobState, type JobView, type JobsPage } from '../../shared/contracts/jobs.ts';

const STATE_OF = `CASE state WHEN 'created' THEN 'waiting' WHEN 'retry' THEN 'waiting' WHEN 'active' THEN 'running'
  WHEN 'failed' THEN 'failed' WHEN 'completed' THEN 'done' ELSE 'cancelled' END`;

// Jobs live in pg-boss's `job` table, and done ones move to `archive` after a while: both are read.
const ALL_JOBS = `(SELECT id, name, state, retry_count, retry_limit, created_on, started_on, completed_on, start_after, output FROM pgboss.job
  UNION ALL SELECT id, name, state, retry_count, retry_limit, created_on, started_on, completed_on, start_after, output FROM pgboss.archive) j`;

/** The counts per state and the latest 200 jobs (of one state when asked): the administrator's page. */
export async function listJobs(q: Queryable, state: JobState | undefined): Promise<JobsPage> {
  const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  for (const row of (await q.query<{ state: JobState; n: number }>(`SELECT ${STATE_OF} AS state, count(*)::int AS n FROM ${ALL_JOBS} GROUP BY 1`)).rows) counts[row.state] = row.n;
  const items = await q.query<JobView>(
    `SELECT * FROM (
       SELECT id::text, name AS type, ${STATE_OF} AS state, retry_count AS "retryCount", retry_limit AS "retryLimit",
              ${isoTimestamp('created_on')} AS "createdAt", ${isoTimestamp('started_on')} AS "startedAt",
              ${isoTimestamp('completed_on')} AS "finishedAt", ${isoTimestamp('start_after')} AS "startAfter",
              CASE WHEN state IN ('failed', 'retry') THEN COALESCE(output->>'message', output #>> '{value,message}', output::text) END AS error
         FROM ${ALL_JOBS}) v
      WHERE $1::text IS NULL OR v.state = $1
      ORDER BY v."createdAt" DESC, v.id LIMIT 200`,
    [state ?? null],
  );
  return { counts, items: items.rows };
}
