import type { Queryable } from '../../db/client.ts';
import type { CountryEntry } from '../imports/import-values.ts';
import type { MoeCategory, MoeFileKind, NationalSource, NationalStatisticsFile } from '../../../shared/contracts/national-statistics.ts';
import type { MoeFile } from './moe-tw-file.ts';

/** The countries list, for matching the ministry's names. */
export async function countryList(db: Queryable): Promise<CountryEntry[]> {
  const { rows } = await db.query<CountryEntry>(`SELECT code, alpha3, name_en AS "nameEn", name_zh AS "nameZh", name_fr AS "nameFr", is_region AS "isRegion" FROM countries`);
  return rows;
}

const FILE_COLUMNS = `f.id, f.source, f.academic_year AS year, f.file_kind AS "fileKind", f.file_name AS "fileName", f.file_sha256 AS sha256,
  f.encoding, f.data_rows AS rows, f.imported_by_label AS "importedBy", to_char(f.imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "importedAt"`;

/** Every file on file, newest year first. */
export async function listFiles(db: Queryable): Promise<NationalStatisticsFile[]> {
  const { rows } = await db.query<NationalStatisticsFile>(`SELECT ${FILE_COLUMNS} FROM national_statistics_files f ORDER BY f.source, length(f.academic_year) DESC, f.academic_year DESC, f.file_kind`);
  return rows;
}

/** The file of a kind for a year, locked for its replacement. */
export async function findFileForUpdate(db: Queryable, source: NationalSource, year: string, kind: MoeFileKind): Promise<NationalStatisticsFile | undefined> {
  const { rows } = await db.query<NationalStatisticsFile>(`SELECT ${FILE_COLUMNS} FROM national_statistics_files f WHERE f.source = $1 AND f.academic_year = $2 AND f.file_kind = $3 FOR UPDATE`, [source, year, kind]);
  return rows[0];
}

/** Deletes a file and, by the cascade, its rows. */
export async function deleteFile(db: Queryable, id: number): Promise<void> {
  await db.query('DELETE FROM national_statistics_files WHERE id = $1', [id]);
}

const CHUNK = 2_000;

/** Stores a file read and its rows; returns the file as stored. */
export async function insertFile(db: Queryable, source: NationalSource, file: MoeFile, by: { userId: number | null; label: string }): Promise<NationalStatisticsFile> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO national_statistics_files (source, academic_year, file_kind, file_name, file_sha256, encoding, data_rows, imported_by, imported_by_label)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [source, file.year, file.kind, file.fileName, file.sha256, file.encoding, file.rows.length, by.userId, by.label],
  );
  const id = rows[0]!.id;
  for (let i = 0; i < file.rows.length; i += CHUNK) {
    await db.query(
      `INSERT INTO national_statistics_rows (file_id, category, level_code, level_name, country_code, moe_country_code, moe_country_name,
         school_code, school_name, department_code, department_name, students, male, female, graduates)
       SELECT $1, category, "levelCode", "levelName", "countryCode", "moeCountryCode", "moeCountryName",
         "schoolCode", "schoolName", "departmentCode", "departmentName", students, male, female, graduates
       FROM json_to_recordset($2::json) AS r(category text, "levelCode" text, "levelName" text, "countryCode" text, "moeCountryCode" text,
         "moeCountryName" text, "schoolCode" text, "schoolName" text, "departmentCode" text, "departmentName" text,
         students int, male int, female int, graduates int)`,
      [id, JSON.stringify(file.rows.slice(i, i + CHUNK))],
    );
  }
  const { rows: stored } = await db.query<NationalStatisticsFile>(`SELECT ${FILE_COLUMNS} FROM national_statistics_files f WHERE f.id = $1`, [id]);
  return stored[0]!;
}

/** A year's students summed by category, level and country, as stored. */
export interface StoredTally {
  category: MoeCategory;
  levelCode: string;
  countryCode: string | null;
  isRegion: boolean;
  moeCountryName: string;
  students: number;
}

/** A year's stored rows added up by category, level, country code and the ministry's country name. */
export async function yearTallies(db: Queryable, source: NationalSource, year: string): Promise<StoredTally[]> {
  const { rows } = await db.query<StoredTally>(
    `SELECT r.category, r.level_code AS "levelCode", r.country_code AS "countryCode", coalesce(c.is_region, false) AS "isRegion",
            r.moe_country_name AS "moeCountryName", sum(r.students)::int AS students
       FROM national_statistics_rows r
       JOIN national_statistics_files f ON f.id = r.file_id
       LEFT JOIN countries c ON c.code = r.country_code
      WHERE f.source = $1 AND f.academic_year = $2
      GROUP BY 1, 2, 3, 4, 5`,
    [source, year],
  );
  return rows;
}
