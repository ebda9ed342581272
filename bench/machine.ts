import { cpus, totalmem } from 'node:os';
import pg from 'pg';

/** The PostgreSQL server's version string (its first words). */
export async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    return `PostgreSQL ${rows[0]!.v}`;
  } finally {
    await client.end();
  }
}

/** What the numbers were measured on: cores, memory, Node, the database server, the date. */
export function machine(postgres: string | null | false | undefined): string {
  const parts = [`${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'})`, `${Math.round(totalmem() / 2 ** 30)} GB memory`, `Node ${process.version}`, 'PGlite 0.5.14 (embedded)'];
  if (postgres) parts.push(postgres);
  parts.push(new Date().toISOString().slice(0, 10));
  return parts.join(', ');
}
