/**
 * Importing outbound missions with their members: one row per member, rows grouped into one
 * mission by its title (English), sending unit, first and last day (the template's guide says
 * so). Each member is found among the people on file (import-row-people.ts) or created in the
 * sending unit; each mission is created and taken through its steps to the row's status by
 * the missions service, so its person-times enter the ledger exactly as for a mission typed in.
 */
import type { RequestContext } from '../../core/request-context.ts';
import type { Cipher } from '../../security/personal-data.ts';
import { parseOrThrow } from '../../core/errors.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { MISSION_IMPORT } from '../../../shared/contracts/import-missions.ts';
import { MISSION_TRANSITIONS, MissionInput, MissionTransition, type MissionStatus } from '../../../shared/contracts/missions.ts';
import { movementDates, movementTitles } from '../../../shared/contracts/movements.ts';
import { PersonInput } from '../../../shared/contracts/people.ts';
import { createMission, transitionMission } from '../missions/missions.service.ts';
import { foldName } from '../../search/normalize.ts';
import { institutionsOnFile } from './imports.repo.ts';
import { missionsOnFile } from './import-records.repo.ts';
import { RowPeople, namedByRow, personInputOf } from './import-row-people.ts';
import type { ImportAdapter, RowToCommit, RowsCommitted, WrittenRecord } from './import-adapters.ts';
import { z } from 'zod';

/** The fields of a mission that its rows share; the mission's other fields come from the first row that fills them. */
const MISSION_FIELDS = ['titleZh', 'purpose', 'countries', 'hostInstitutions', 'fundingSource', 'approvalDocumentNo', 'invitationReference', 'status', 'report', 'notes'] as const;

/** A row checked on its own: the member as a person, the mission's titles and days in order. */
const MissionRow = PersonInput.pick({ familyName: true, givenName: true, nameZh: true, gender: true, email: true, passportNumber: true })
  .extend({ ...movementTitles, ...movementDates, position: PersonInput.shape.title, unitId: z.number(), approvalDocumentNo: z.string().trim().max(100).optional(), invitationReference: z.string().trim().max(300).optional() })
  .refine((v) => v.endDate >= v.startDate, { message: 'end_before_start', path: ['endDate'] });

/** The key a mission is recognised by: its English title folded, sending unit and days. */
export function missionKey(m: { readonly [K in 'titleEn' | 'unitId' | 'startDate' | 'endDate']?: unknown }): string {
  return [foldName(String(m.titleEn ?? '')), String(m.unitId), String(m.startDate), String(m.endDate)].join('|');
}

/** The steps from requested to `to`, each the first way forward (requested → approved → travelled → closed). */
function missionPath(to: MissionStatus): MissionStatus[] {
  const path: MissionStatus[] = [];
  for (let at: MissionStatus = 'requested'; at !== to; ) {
    const next: MissionStatus | undefined = MISSION_TRANSITIONS[at].find((s) => s !== 'rejected' && s !== 'cancelled');
    if (!next) break;
    path.push(next);
    at = next;
  }
  return path;
}

/** The date a step is taken on: approved when requested, travelled on the first day, closed after the last (never after today). */
function stepDate(to: MissionStatus, mission: { startDate: string; endDate: string; requestedOn: string }): string {
  if (to === 'approved') return mission.requestedOn;
  if (to === 'travelled') return mission.startDate;
  const today = officeToday();
  return mission.endDate < today ? mission.endDate : today;
}

/**
 * The itinerary: each country in the row's order, with the first host institution there; then
 * the host institutions in a country the row does not list.
 */
function destinationsOf(countries: string[], hosts: number[], countryOf: Map<number, string>): Array<{ countryCode?: string; institutionId: number | null }> {
  const used = new Set<number>();
  const stops: Array<{ countryCode?: string; institutionId: number | null }> = countries.map((code) => {
    const host = hosts.find((h) => !used.has(h) && countryOf.get(h) === code);
    if (host !== undefined) used.add(host);
    return { countryCode: code, institutionId: host ?? null };
  });
  for (const h of hosts) if (!used.has(h)) stops.push({ institutionId: h });
  return stops;
}

/** Missions with their members: the adapter (needs the cipher the people service encrypts with and indexes by). */
export function missionsImport(cipher: Cipher): ImportAdapter {
  return {
    kind: MISSION_IMPORT,
    input: MissionRow,
    async prepare(ctx) {
      const people = await RowPeople.load(ctx, cipher);
      const missions = await missionsOnFile(ctx);
      const missionById = new Map(missions.map((m) => [m.id, m]));
      const missionByKey = new Map(missions.map((m) => [missionKey(m), m.id]));
      const countryOf = new Map((await institutionsOnFile(ctx)).map((i) => [i.id, i.countryCode]));
      const firstRow = new Map<string, number>();
      const groupOf = new Map<number, { first: number; onFile?: number }>();

      return {
        classify(rowNumber, values) {
          const key = missionKey(values);
          if (!firstRow.has(key)) firstRow.set(key, rowNumber);
          const onFile = missionByKey.get(key);
          const group = { first: firstRow.get(key)!, ...(onFile !== undefined ? { onFile } : {}) };
          groupOf.set(rowNumber, group);
          if (onFile !== undefined) return { class: 'duplicate', matches: [{ id: onFile, reason: 'same_mission' }], group };
          return { ...people.classify(rowNumber, values), group };
        },
        label(id) {
          const person = people.label(id);
          if (person !== undefined) return person;
          const m = missionById.get(id);
          return m ? [m.titleZh, m.titleEn].filter(Boolean).join(' / ') + ` (${m.startDate} – ${m.endDate})` : String(id);
        },
        create: () => Promise.reject(new Error('missions are written by commitRows')),
        update: () => Promise.reject(new Error('missions are written by commitRows')),

        async commitRows(ctx: RequestContext, rows: RowToCommit[], columnOf: (field: string) => string): Promise<RowsCommitted> {
          // A mission on file is never entered again, whatever was decided for its rows.
          const writable = rows.filter((r) => groupOf.get(r.rowNumber)?.onFile === undefined && r.action !== 'skip');
          const { personOf, records, linked } = await people.resolve(ctx, writable, {
            input: (values) => personInputOf(values, { unitId: values.unitId }),
            columnOf,
          });
          const groups = new Map<number, RowToCommit[]>();
          for (const row of writable) {
            const first = groupOf.get(row.rowNumber)!.first;
            groups.set(first, [...(groups.get(first) ?? []), row]);
          }
          const written: WrittenRecord[] = [...records];
          for (const members of groups.values()) {
            const head = members[0]!;
            const filled = (field: string) => members.find((m) => m.values[field] !== undefined && !m.defaulted.includes(field))?.values[field] ?? head.values[field];
            const shared = Object.fromEntries(MISSION_FIELDS.map((f) => [f, filled(f)]).filter(([, v]) => v !== undefined));
            const { status, report, countries, hostInstitutions, ...missionFields } = shared as { status?: MissionStatus; report?: string; countries?: string[]; hostInstitutions?: number[] } & Record<string, unknown>;
            const startDate = head.values.startDate as string;
            const today = officeToday();
            const requestedOn = startDate < today ? startDate : today;
            // The service's fields named by the file's columns: a member by its row, a destination by the countries column.
            const fieldOf = (field: string) => {
              const member = /^members\.(\d+)\.(\w+)/.exec(field);
              if (member) return { row: members[Number(member[1])]?.rowNumber ?? head.rowNumber, field: member[2] === 'personId' ? 'familyName' : member[2]! };
              const stop = /^destinations\.\d+\.(\w+)/.exec(field);
              if (stop || field === 'destinations') return { row: head.rowNumber, field: stop?.[1] === 'institutionId' ? 'hostInstitutions' : 'countries' };
              return { row: head.rowNumber, field: field === 'to' || field === 'on' || field === 'version' ? 'status' : field.split('.')[0]! };
            };
            try {
              let mission = await createMission(ctx, {
                input: parseOrThrow(MissionInput, {
                  ...missionFields,
                  titleEn: head.values.titleEn, unitId: head.values.unitId, startDate, endDate: head.values.endDate, requestedOn,
                  destinations: destinationsOf(countries ?? [], hostInstitutions ?? [], countryOf),
                  members: members.map((m) => ({ personId: personOf.get(m.rowNumber)!, role: m.values.role })),
                }),
              });
              for (const to of missionPath(status ?? 'travelled')) {
                const on = stepDate(to, { startDate, endDate: mission.endDate, requestedOn });
                mission = await transitionMission(ctx, { id: mission.id, input: parseOrThrow(MissionTransition, { to, on, version: mission.version, ...(to === 'closed' && report ? { report } : {}) }) });
              }
              written.push({ entity: 'mission', id: mission.id, action: 'created' });
            } catch (error) {
              throw namedByRow(error, columnOf, fieldOf);
            }
          }
          return { records: written, unchanged: linked, skipped: rows.length - writable.length };
        },
      };
    },
  };
}
