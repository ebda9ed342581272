import type { Queryable } from '../../db/client.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import type { DocumentKind, DocumentTemplate } from '../../../shared/contracts/documents.ts';

const TEMPLATE_COLUMNS = `kind, lang, file_name AS "fileName", size_bytes AS "sizeBytes", sha256, placeholders, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"`;

/** Every template the office uploaded. */
export async function listTemplateRows(db: Queryable): Promise<DocumentTemplate[]> {
  const { rows } = await db.query<DocumentTemplate>(`SELECT ${TEMPLATE_COLUMNS} FROM document_templates ORDER BY kind, lang`);
  return rows;
}

/** The office's template of a kind and language, with its content, or null. */
export async function findTemplateRow(db: Queryable, kind: DocumentKind, lang: Locale, lock = false): Promise<(DocumentTemplate & { content: Buffer }) | null> {
  const { rows } = await db.query<DocumentTemplate & { content: Buffer }>(
    `SELECT ${TEMPLATE_COLUMNS}, content FROM document_templates WHERE kind = $1 AND lang = $2 ${lock ? 'FOR UPDATE' : ''}`,
    [kind, lang],
  );
  return rows[0] ?? null;
}

/** Stores a template, replacing the kind and language's previous one. */
export async function upsertTemplateRow(
  db: Queryable,
  values: { kind: DocumentKind; lang: Locale; fileName: string; sha256: string; placeholders: string[]; content: Buffer },
): Promise<DocumentTemplate> {
  const { rows } = await db.query<DocumentTemplate>(
    `INSERT INTO document_templates (kind, lang, file_name, size_bytes, sha256, placeholders, content)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (kind, lang) DO UPDATE SET file_name = EXCLUDED.file_name, size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256,
       placeholders = EXCLUDED.placeholders, content = EXCLUDED.content, created_at = now()
     RETURNING ${TEMPLATE_COLUMNS}`,
    [values.kind, values.lang, values.fileName, values.content.length, values.sha256, values.placeholders, values.content],
  );
  return rows[0]!;
}

/** Removes the office's template of a kind and language. */
export async function deleteTemplateRow(db: Queryable, kind: DocumentKind, lang: Locale): Promise<void> {
  await db.query('DELETE FROM document_templates WHERE kind = $1 AND lang = $2', [kind, lang]);
}

/** A name in three languages. */
export type Names = Record<Locale, string>;

/**
 * The names a document's letterhead and signature use for a unit: the university at the top
 * of its tree, its international office, and the unit's full official name (its short name
 * when it has none; French falls back to English).
 */
export async function unitLetterNames(db: Queryable, unitId: number): Promise<{ university: Names; office: Names | null; unit: Names }> {
  const { rows } = await db.query<Record<string, string | null>>(
    `WITH RECURSIVE up(id, parent_id) AS (
       SELECT id, parent_id FROM units WHERE id = $1
       UNION
       SELECT u.id, u.parent_id FROM units u JOIN up ON u.id = up.parent_id
     )
     SELECT coalesce(r.official_name_en, r.name_en) AS uen, coalesce(r.official_name_zh, r.name_zh) AS uzh, coalesce(r.official_name_fr, r.name_fr, r.official_name_en, r.name_en) AS ufr,
            o.name_en AS oen, o.name_zh AS ozh, coalesce(o.name_fr, o.name_en) AS ofr,
            coalesce(h.official_name_en, h.name_en) AS hen, coalesce(h.official_name_zh, h.name_zh) AS hzh, coalesce(h.official_name_fr, h.name_fr, h.official_name_en, h.name_en) AS hfr
     FROM up JOIN units r ON r.id = up.id
     JOIN units h ON h.id = $1
     LEFT JOIN LATERAL (SELECT name_en, name_zh, name_fr FROM units WHERE parent_id = r.id AND kind = 'office' ORDER BY id LIMIT 1) o ON true
     WHERE up.parent_id IS NULL`,
    [unitId],
  );
  const row = rows[0]!;
  return {
    university: { en: row.uen!, zh: row.uzh!, fr: row.ufr! },
    office: row.oen ? { en: row.oen, zh: row.ozh ?? row.oen, fr: row.ofr ?? row.oen } : null,
    unit: { en: row.hen!, zh: row.hzh!, fr: row.hfr! },
  };
}

/** Countries' and regions' names by code. */
export async function countryNames(db: Queryable, codes: Array<string | null>): Promise<Map<string, Names>> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  if (!wanted.length) return new Map();
  const { rows } = await db.query<{ code: string; en: string; zh: string; fr: string }>(
    'SELECT code, name_en AS en, name_zh AS zh, coalesce(name_fr, name_en) AS fr FROM countries WHERE code = ANY($1)',
    [wanted],
  );
  return new Map(rows.map((r) => [r.code.trim(), { en: r.en, zh: r.zh, fr: r.fr }]));
}

/** An institution's name in three languages (Chinese and French fall back to English), or null. */
export async function institutionNames(db: Queryable, id: number | null): Promise<Names | null> {
  if (id === null) return null;
  const { rows } = await db.query<Names>('SELECT name_en AS en, coalesce(name_zh, name_en) AS zh, coalesce(name_fr, name_en) AS fr FROM institutions WHERE id = $1', [id]);
  return rows[0] ?? null;
}
