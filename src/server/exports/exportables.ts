/**
 * The exportable things' routes: each name of `EXPORTABLES` (src/shared/contracts/exports.ts)
 * is the GET route declared at its path, found among the routes files that declare them. A
 * prepared export runs that declaration — its query contract, its policy, its service and its
 * presenter — so the job's file is the synchronous route's, and stays so when the route changes.
 */
import type { RouteDeclaration, RouteGroup } from '../core/routes.ts';
import { EXPORTABLES, type ExportFormat } from '../../shared/contracts/exports.ts';
import { agreementsRoutes } from '../modules/agreements/agreements.routes.ts';
import { appointmentsRoutes } from '../modules/appointments/appointments.routes.ts';
import { exchangesRoutes } from '../modules/exchanges/exchanges.routes.ts';
import { honoursRoutes } from '../modules/honours/honours.routes.ts';
import { importsRoutes } from '../modules/imports/imports.routes.ts';
import { missionsRoutes } from '../modules/missions/missions.routes.ts';
import { programmesRoutes } from '../modules/programmes/programmes.routes.ts';
import { recordKindsRoutes } from '../modules/record-kinds/record-kinds.routes.ts';
import { studentsRoutes } from '../modules/students/students.routes.ts';
import { visitsRoutes } from '../modules/visits/visits.routes.ts';
import { reportsRoutes } from '../reports/reports.routes.ts';

/** An exportable thing: the GET route that makes it, and the formats it may be prepared in. */
export interface ExportableRoute {
  route: RouteDeclaration;
  formats: readonly ExportFormat[];
}

const GROUPS: readonly RouteGroup[] = [
  agreementsRoutes,
  appointmentsRoutes,
  exchangesRoutes,
  honoursRoutes,
  importsRoutes,
  missionsRoutes,
  programmesRoutes,
  studentsRoutes,
  visitsRoutes,
  reportsRoutes,
  ...recordKindsRoutes,
];

let routes: ReadonlyMap<string, ExportableRoute> | null = null;

/** Every exportable name with its route; a name whose path no routes file declares stops here (a test reads them all). */
export function exportableRoutes(): ReadonlyMap<string, ExportableRoute> {
  if (routes) return routes;
  const byPath = new Map(GROUPS.flatMap((group) => group.routes.filter((r) => r.method === 'GET').map((r) => [r.url, r] as const)));
  routes = new Map(
    Object.entries(EXPORTABLES).map(([name, { path, formats }]) => {
      const route = byPath.get(path);
      if (!route) throw new Error(`exportable ${name}: no GET route is declared at ${path}`);
      return [name, { route, formats }];
    }),
  );
  return routes;
}
