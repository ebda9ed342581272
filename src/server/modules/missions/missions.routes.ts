import { z } from 'zod';
import { created, declareRoutes, del, fieldRights, get, jsonOrTable, NO_CONTENT, noContent, patch, policy, post, table, TABLE_TYPES } from '../../core/routes.ts';
import { IdParams, pageOf, Versioned } from '../../../shared/contracts/common.ts';
import {
  MISSION_EXPORT_MAX,
  Mission,
  MissionDerivationQuery,
  MissionExportQuery,
  MissionInput,
  MissionOverdueQuery,
  MissionOverdueReports,
  MissionQuery,
  MissionTransition,
  MissionUpdate,
} from '../../../shared/contracts/missions.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { listMissions } from './missions.repo.ts';
import { createMission, deleteMission, getMission, getMissionOverdueReports, transitionMission, updateMission } from './missions.service.ts';
import { missionsTable, overdueMissionsTable } from './mission-tables.ts';

const VersionQuery = z.object({ version: z.coerce.number().pipe(Versioned.shape.version) });

/** Outbound missions (因公出国/境): the workflow, the list and its export, overdue reports. */
export const missionsRoutes = declareRoutes('missions', [
  get('/api/missions', { summary: 'List outbound missions', ...policy('mission', 'read'), query: MissionQuery, response: { 200: pageOf(Mission) } }, async ({ ctx, query: { asOf, ...query } }) => {
    const { rows, total } = await listMissions(ctx, asOf ?? officeToday(), query);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }),

  get('/api/missions/export', { summary: 'Export outbound missions as CSV or Excel', ...policy('mission', 'read'), query: MissionExportQuery, response: { 200: TABLE_TYPES } }, async ({ ctx, query: { asOf, format, ...query } }) => {
    const at = asOf ?? officeToday();
    const { rows } = await listMissions(ctx, at, { ...query, page: 1, pageSize: MISSION_EXPORT_MAX });
    return table(missionsTable(rows, ctx.locale, at), format);
  }),

  get('/api/missions/overdue-reports', { summary: 'List missions whose report is overdue', ...policy('mission', 'read'), query: MissionOverdueQuery, response: jsonOrTable(MissionOverdueReports) }, async ({ ctx, query }) => {
    const report = await getMissionOverdueReports(ctx, { asOf: query.asOf });
    return query.format === 'json' ? report : table(overdueMissionsTable(report, ctx.locale), query.format);
  }),

  get('/api/missions/:id', { summary: 'Read an outbound mission', ...policy('mission', 'read'), params: IdParams, query: MissionDerivationQuery, response: { 200: Mission } }, async ({ ctx, params, query }) =>
    getMission(ctx, { id: params.id, asOf: query.asOf }),
  ),

  post('/api/missions', { summary: 'Create an outbound mission', ...policy('mission', 'create'), ...fieldRights('mission'), body: MissionInput, response: { 201: Mission } }, async ({ ctx, body }) =>
    created(await createMission(ctx, { input: body })),
  ),

  patch('/api/missions/:id', { summary: 'Change an outbound mission', ...policy('mission', 'update'), ...fieldRights('mission'), params: IdParams, body: MissionUpdate, response: { 200: Mission } }, async ({ ctx, params, body }) =>
    updateMission(ctx, { id: params.id, input: body }),
  ),

  del('/api/missions/:id', { summary: 'Delete an outbound mission', ...policy('mission', 'delete'), params: IdParams, query: VersionQuery, response: NO_CONTENT }, async ({ ctx, params, query }) => {
    await deleteMission(ctx, { id: params.id, version: query.version });
    return noContent();
  }),

  post('/api/missions/:id/transitions', { summary: 'Move a mission along its workflow', ...policy('mission', 'update'), params: IdParams, body: MissionTransition, response: { 200: Mission } }, async ({ ctx, params, body }) =>
    transitionMission(ctx, { id: params.id, input: body }),
  ),
]);
