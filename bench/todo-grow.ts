/**
 * Grows what the to-do list reads, for `npm run bench -- --only todo`: `demo load --scale` grows
 * only the ledger, so the demo's visits, missions, conferences, agreements and appointments (and
 * the appointed experts' documents) are copied set-based (INSERT … SELECT generate_series) as the
 * office's history: each copy moved back until its last day lies 90 days to 20 years before
 * today, and settled as an office's old records are (closed with its report, expired, revoked),
 * except one in 2,000 left open in the state it had, late (what a large office leaves undone).
 * The demo's own records keep their states and dates, so the list of today is the demo's plus
 * those. Copies are marked in `notes` ("bench-todo <original id>"), so a database grown once is
 * seen and reused.
 */
import type pg from 'pg';

interface Growth {
  table: string;
  /** How many rows the table should have about. */
  target: number;
  /** The SQL of the row's last day (before the shift), aliased `r`. */
  end: string;
  /** The states an office's record leaves once it is done with. */
  open: string[];
  /** Columns set on a settled copy, as SQL over `r` and the shifted day `s.shift` (days back). */
  settle: Record<string, string>;
  /** Columns set on every copy. */
  always?: Record<string, string>;
}

const GROWTH: Growth[] = [
  {
    table: 'missions',
    target: 150_000,
    end: 'r.end_date',
    open: ['requested', 'approved', 'travelled'],
    settle: {
      status: `'closed'`,
      approval_document_no: `coalesce(r.approval_document_no, 'BENCH-' || r.id || '-' || g)`,
      report: `coalesce(r.report, 'Report filed.')`,
      report_submitted_on: `r.end_date - s.shift + 20`,
      closed_on: `r.end_date - s.shift + 20`,
    },
  },
  {
    table: 'visits',
    target: 150_000,
    end: 'r.end_date',
    open: ['requested', 'approved', 'held'],
    settle: { status: `'closed'`, report: `coalesce(r.report, 'Report filed.')`, report_submitted_on: `r.end_date - s.shift + 20`, closed_on: `r.end_date - s.shift + 20` },
  },
  {
    table: 'conferences',
    target: 100_000,
    end: 'r.end_date',
    open: ['proposed', 'approved', 'held'],
    settle: { status: `'closed'`, summary: `coalesce(r.summary, 'Summary filed.')`, summary_submitted_on: `r.end_date - s.shift + 40` },
  },
  {
    table: 'agreements',
    target: 100_000,
    end: 'coalesce(r.expires_on, r.effective_on, r.signed_on, r.created_at::date)',
    open: ['draft', 'under_review', 'approved', 'signed', 'active'],
    settle: { status: `CASE WHEN r.status IN ('signed', 'active') THEN 'expired' ELSE 'terminated' END`, terminated_on: `CASE WHEN r.status IN ('signed', 'active') THEN r.terminated_on - s.shift ELSE coalesce(r.expires_on, r.effective_on, r.signed_on, r.created_at::date) - s.shift END` },
    always: { predecessor_id: 'NULL' },
  },
  {
    table: 'appointments',
    target: 100_000,
    end: 'coalesce(r.end_date, r.start_date)',
    open: ['proposed', 'appointed'],
    settle: { status: `'revoked'`, revoked_on: `coalesce(r.end_date, r.start_date) - s.shift` },
    // an expert each, drawn from every person (the demo's experts would otherwise hold thousands each)
    always: { predecessor_id: 'NULL', person_id: 'p.ids[1 + s.h % cardinality(p.ids)]' },
  },
];

const MARK = 'bench-todo';

/** The columns of `table` a copy writes: all but the identity. */
async function columns(db: pg.Client, table: string): Promise<Array<{ name: string; date: boolean }>> {
  const { rows } = await db.query<{ name: string; type: string }>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND is_identity = 'NO' ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => ({ name: r.name, date: r.type === 'date' }));
}

/** The INSERT … SELECT that copies the demo's rows of `g.table` `copies` times. */
function copySql(g: Growth, cols: Array<{ name: string; date: boolean }>, copies: number): string {
  const settled = `(r.status = ANY(ARRAY[${g.open.map((s) => `'${s}'`).join(', ')}]) AND s.h % 2000 <> 0)`;
  const value = (c: { name: string; date: boolean }): string => {
    if (c.name === 'notes') return `'${MARK} ' || r.id`;
    if (g.always?.[c.name]) return g.always[c.name]!;
    const base = c.date ? `r.${c.name} - s.shift` : `r.${c.name}`;
    return g.settle[c.name] ? `CASE WHEN ${settled} THEN ${g.settle[c.name]} ELSE ${base} END` : base;
  };
  return `INSERT INTO ${g.table} (${cols.map((c) => c.name).join(', ')})
          SELECT ${cols.map(value).join(', ')}
            FROM ${g.table} r
            CROSS JOIN generate_series(1, ${copies}) g
            CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM people) p
            CROSS JOIN LATERAL (SELECT abs(hashtext(r.id || ':' || g)::bigint) AS h) hh
            -- back until the last day is at least 90 days old, then up to 20 years more
            CROSS JOIN LATERAL (SELECT hh.h AS h, (greatest(0, (${g.end}) - (current_date - 90)) + hh.h % 7300)::int AS shift) s
           WHERE r.notes IS NULL OR r.notes NOT LIKE '${MARK} %'`;
}

/**
 * Grows the to-do list's tables of the database `db` once (a database already grown is left as
 * it is); returns what was done, for the results.
 */
export async function growTodoTables(db: pg.Client): Promise<string[]> {
  const log: string[] = [];
  const grown = await db.query(`SELECT 1 FROM missions WHERE notes LIKE '${MARK} %' LIMIT 1`);
  if (grown.rowCount) {
    const counts = await Promise.all(GROWTH.map(async (g) => `${(await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${g.table}`)).rows[0]!.n} ${g.table}`));
    return [`reused the to-do tables grown by an earlier run: ${counts.join(', ')}`];
  }
  for (const g of GROWTH) {
    const started = Date.now();
    const base = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${g.table}`)).rows[0]!.n);
    const copies = Math.max(1, Math.ceil(g.target / Math.max(base, 1)) - 1);
    await db.query(copySql(g, await columns(db, g.table), copies));
    const after = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${g.table}`)).rows[0]!.n);
    log.push(`${g.table}: the demo's ${base.toLocaleString('en')} copied ${copies} times → ${after.toLocaleString('en')} rows in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  // each copied appointment gets its original's documents, moved by the same days
  const started = Date.now();
  await db.query(
    `INSERT INTO expert_documents (person_id, appointment_id, kind, number_enc, issued_on, expires_on, notes)
     SELECT a.person_id, a.id, d.kind, d.number_enc, d.issued_on - (o.start_date - a.start_date), d.expires_on - (o.start_date - a.start_date), '${MARK} ' || d.id
       FROM appointments a
       JOIN appointments o ON o.id = split_part(a.notes, ' ', 2)::bigint
       JOIN expert_documents d ON d.appointment_id = o.id
      WHERE a.notes LIKE '${MARK} %'`,
  );
  const docs = (await db.query<{ n: string }>('SELECT count(*) AS n FROM expert_documents')).rows[0]!.n;
  log.push(`expert_documents: the copied appointments' documents → ${Number(docs).toLocaleString('en')} rows in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await db.query(`VACUUM ANALYZE missions, visits, conferences, agreements, appointments, expert_documents`);
  return log;
}
