import { z } from 'zod';
import type { App, ServerContext } from '../../http/context.ts';
import { fieldRights, policy } from '../../http/context.ts';
import { sendTable } from '../../http/table-export.ts';
import { IdParams, Versioned } from '../../../shared/contracts/common.ts';
import {
  MISSION_EXPORT_MAX,
  MissionDerivationQuery,
  MissionExportQuery,
  MissionInput,
  MissionOverdueQuery,
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
export function missionsRoutes(app: App, _context: ServerContext): void {
  const tags = ['missions'];

  app.get('/api/missions', { config: policy('mission', 'read'), schema: { tags, querystring: MissionQuery } }, async (request) => {
    const { asOf, ...query } = request.query;
    const { rows, total } = await listMissions(request.ctx!, asOf ?? officeToday(), query);
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  });

  app.get('/api/missions/export', { config: policy('mission', 'read'), schema: { tags, querystring: MissionExportQuery } }, async (request, reply) => {
    const { asOf, format, ...query } = request.query;
    const at = asOf ?? officeToday();
    const { rows } = await listMissions(request.ctx!, at, { ...query, page: 1, pageSize: MISSION_EXPORT_MAX });
    return sendTable(reply, missionsTable(rows, request.ctx!.locale, at), format);
  });

  app.get('/api/missions/overdue-reports', { config: policy('mission', 'read'), schema: { tags, querystring: MissionOverdueQuery } }, async (request, reply) => {
    const report = await getMissionOverdueReports(request.ctx!, { asOf: request.query.asOf });
    if (request.query.format === 'json') return report;
    return sendTable(reply, overdueMissionsTable(report, request.ctx!.locale), request.query.format);
  });

  app.get('/api/missions/:id', { config: policy('mission', 'read'), schema: { tags, params: IdParams, querystring: MissionDerivationQuery } }, async (request) =>
    getMission(request.ctx!, { id: request.params.id, asOf: request.query.asOf }),
  );

  app.post('/api/missions', { config: { ...policy('mission', 'create'), ...fieldRights('mission') }, schema: { tags, body: MissionInput } }, async (request, reply) =>
    reply.status(201).send(await createMission(request.ctx!, { input: request.body })),
  );

  app.patch('/api/missions/:id', { config: { ...policy('mission', 'update'), ...fieldRights('mission') }, schema: { tags, params: IdParams, body: MissionUpdate } }, async (request) =>
    updateMission(request.ctx!, { id: request.params.id, input: request.body }),
  );

  app.delete('/api/missions/:id', { config: policy('mission', 'delete'), schema: { tags, params: IdParams, querystring: VersionQuery } }, async (request, reply) => {
    await deleteMission(request.ctx!, { id: request.params.id, version: request.query.version });
    return reply.status(204).send();
  });

  app.post(
    '/api/missions/:id/transitions',
    { config: policy('mission', 'update'), schema: { tags, params: IdParams, body: MissionTransition } },
    async (request) => transitionMission(request.ctx!, { id: request.params.id, input: request.body }),
  );
}
