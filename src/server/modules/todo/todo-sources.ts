/**
 * Where each kind's records are stored, for the to-do list's queries: what no description says
 * (its table, its unit column, the SQL of its title and dates, its successor link and the web
 * path of a record). What is owed, when, in which states and by whom comes from the
 * descriptions (`shared/kinds`), not from here.
 */
export interface TodoSource {
  table: string;
  /** The column of the unit the record belongs to (NULL: the office's, such as an institutional agreement). */
  unitColumn: string;
  titleEn: string;
  titleZh: string;
  /** The SQL of each date field a deadline counts from, by the description's field name. */
  dates: Record<string, string>;
  /** The column a successor names this record by (a renewal), when the kind has one. */
  successorColumn?: string;
  /** The web app's path of a record, before its id. */
  path: string;
  /**
   * The SQL of the record's state in its description, when it is derived rather than stored in
   * `r.status` (an exchange opportunity's selection).
   */
  status?: string;
  /**
   * The record's parts that owe a deadline each (a deadline's `part`), aliased `x`: how they
   * join the record, their date fields, and the condition that a later one replaced this one.
   */
  parts?: Record<string, { join: string; dates: Record<string, string>; replaced: string }>;
}

import { AWAITING_DECISION_STATUSES } from '../../../shared/contracts/exchanges.ts';

const person = (column: string) => `(SELECT concat_ws(' ', p.given_name, p.family_name) FROM people p WHERE p.id = r.${column})`;
const personZh = (column: string) => `(SELECT coalesce(p.name_zh, concat_ws(' ', p.given_name, p.family_name)) FROM people p WHERE p.id = r.${column})`;

/** The kinds the to-do list reads, by their name in KINDS; each aliased `r` in the queries. */
export const TODO_SOURCES: Readonly<Record<string, TodoSource>> = {
  agreements: { table: 'agreements', unitColumn: 'unit_id', titleEn: 'r.title_en', titleZh: 'r.title_zh', dates: { expiresOn: 'r.expires_on' }, successorColumn: 'predecessor_id', path: '/agreements' },
  visits: { table: 'visits', unitColumn: 'host_unit_id', titleEn: 'r.title_en', titleZh: 'r.title_zh', dates: { endDate: 'r.end_date' }, path: '/visits' },
  missions: { table: 'missions', unitColumn: 'unit_id', titleEn: 'r.title_en', titleZh: 'r.title_zh', dates: { endDate: 'r.end_date' }, path: '/missions' },
  conferences: { table: 'conferences', unitColumn: 'host_unit_id', titleEn: 'r.title_en', titleZh: 'r.title_zh', dates: { endDate: 'r.end_date' }, path: '/conferences' },
  appointments: { table: 'appointments', unitColumn: 'unit_id', titleEn: person('person_id'), titleZh: personZh('person_id'), dates: { endDate: 'r.end_date' }, successorColumn: 'predecessor_id', path: '/experts/appointments',
    parts: {
      documents: {
        join: 'JOIN expert_documents x ON x.appointment_id = r.id',
        dates: { expiresOn: 'x.expires_on' },
        replaced: 'EXISTS (SELECT 1 FROM expert_documents y WHERE y.person_id = x.person_id AND y.kind = x.kind AND y.expires_on > x.expires_on)',
      },
    },
  },
  students: { table: 'student_enrolments', unitColumn: 'unit_id', titleEn: person('person_id'), titleZh: personZh('person_id'), dates: { expectedCompletionOn: 'r.expected_completion_on' }, path: '/students' },
  'exchange-opportunities': {
    table: 'exchange_opportunities', unitColumn: 'unit_id', titleEn: 'r.title_en', titleZh: 'r.title_zh', dates: { applicationsCloseOn: 'r.applications_close_on' }, path: '/exchanges/opportunities',
    // shared/contracts/exchanges.ts#OPPORTUNITY_SELECTIONS: allocated once the office ran the allocation; waiting while an application has nothing decided
    status: `CASE WHEN r.allocated_on IS NOT NULL THEN 'allocated'
                  WHEN EXISTS (SELECT 1 FROM exchange_applications a WHERE a.opportunity_id = r.id AND a.status IN (${AWAITING_DECISION_STATUSES.map((s) => `'${s}'`).join(', ')})) THEN 'waiting'
                  ELSE 'open' END`,
  },
  'hospital-memoranda': { table: 'hospital_memoranda', unitColumn: 'unit_id', titleEn: 'r.title', titleZh: 'r.title', dates: { expiresOn: 'r.expires_on' }, path: '/hospital-memoranda' },
};
