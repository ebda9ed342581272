import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { z } from 'zod';
import { Id } from '../shared/contracts/common.ts';
import { RECORD_KINDS } from '../shared/kinds/record-kinds.ts';
import { AppLayout } from './components/app-layout.tsx';
import { NotBuiltPage, PLANNED_AREAS } from './components/not-built-page.tsx';
import { ErrorPage, LoadingPage, NotFoundPage } from './components/status-pages.tsx';
import { validateAgreementsSearch, validateRenewalWatchSearch } from './features/agreements/agreements-search.ts';
import { validateAuditSearch } from './features/audit/audit-search.ts';
import { validateConferencesSearch, validateOverdueSearch } from './features/conferences/conferences-search.ts';
import { validateHonoursSearch, validateNewHonourSearch } from './features/honours/honours-search.ts';
import { validateDegreeStudentsSearch, validateNewEnrolmentSearch } from './features/students/students-search.ts';
import { validateDashboardSearch } from './features/dashboard/dashboard-search.ts';
import { validateExpertsSearch, validateNewAppointmentSearch, validateRenewalsSearch } from './features/experts/experts-search.ts';
import { validateInstitutionsSearch } from './features/institutions/institutions-search.ts';
import { validateLedgerSearch } from './features/ledger/ledger-search.ts';
import { validatePartnersSearch } from './features/partners/partners-search.ts';
import { validatePeopleSearch } from './features/people/people-search.ts';
import { validateReportsSearch } from './features/reports/reports-search.ts';
import { validateOverdueReportsSearch, validateVisitsSearch } from './features/visits/visits-search.ts';
import { validateMissionOverdueSearch, validateMissionsSearch } from './features/missions/missions-search.ts';
import { validateApplicationsSearch, validateNewApplicationSearch, validateOpportunitiesSearch } from './features/exchanges/exchanges-search.ts';
import { validateStudentsSearch } from './features/programmes/programmes-search.ts';
import { kindParts } from './features/record-kinds/kind-parts.ts';
import { ApiError, queryClient } from './lib/api.ts';
import { sessionQuery } from './lib/session.ts';
import { lenientSearch, PAGING } from './lib/url-search.ts';

const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: lenientSearch({ redirect: z.string().startsWith('/'), error: z.string().regex(/^[a-z_]{1,40}$/) }),
  component: lazyRouteComponent(() => import('./features/auth/sign-in-page.tsx'), 'SignInPage'),
});

/** Everything behind sign-in: loads the session first, or goes to the sign-in page. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ location }) => {
    try {
      await queryClient.ensureQueryData(sessionQuery);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        throw redirect({ to: '/sign-in', search: location.href === '/' ? {} : { redirect: location.href } });
      }
      throw error;
    }
  },
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  validateSearch: validateDashboardSearch,
  component: lazyRouteComponent(() => import('./features/dashboard/dashboard-page.tsx'), 'DashboardPage'),
});

const todoRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'todo',
  component: lazyRouteComponent(() => import('./features/todo/todo-page.tsx'), 'TodoPage'),
});

const institutionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'institutions',
  validateSearch: validateInstitutionsSearch,
  component: lazyRouteComponent(() => import('./features/institutions/institutions-page.tsx'), 'InstitutionsPage'),
});
const institutionNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'institutions/new',
  component: lazyRouteComponent(() => import('./features/institutions/institution-create-page.tsx'), 'InstitutionCreatePage'),
});
const institutionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'institutions/$id',
  component: lazyRouteComponent(() => import('./features/institutions/institution-page.tsx'), 'InstitutionPage'),
});

const partnersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'partners',
  validateSearch: validatePartnersSearch,
  component: lazyRouteComponent(() => import('./features/partners/partners-page.tsx'), 'PartnersPage'),
});
const organizationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'organizations',
  component: lazyRouteComponent(() => import('./features/partners/organizations-page.tsx'), 'OrganizationsPage'),
});

const agreementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'agreements',
  validateSearch: validateAgreementsSearch,
  component: lazyRouteComponent(() => import('./features/agreements/agreements-page.tsx'), 'AgreementsPage'),
});
const agreementNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'agreements/new',
  component: lazyRouteComponent(() => import('./features/agreements/agreement-create-page.tsx'), 'AgreementCreatePage'),
});
const renewalWatchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'agreements/renewal-watch',
  validateSearch: validateRenewalWatchSearch,
  component: lazyRouteComponent(() => import('./features/agreements/renewal-watch-page.tsx'), 'RenewalWatchPage'),
});
const agreementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'agreements/$id',
  component: lazyRouteComponent(() => import('./features/agreements/agreement-page.tsx'), 'AgreementPage'),
});

const visitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'visits',
  validateSearch: validateVisitsSearch,
  component: lazyRouteComponent(() => import('./features/visits/visits-page.tsx'), 'VisitsPage'),
});
const visitNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'visits/new',
  component: lazyRouteComponent(() => import('./features/visits/visit-create-page.tsx'), 'VisitCreatePage'),
});
const overdueReportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'visits/overdue-reports',
  validateSearch: validateOverdueReportsSearch,
  component: lazyRouteComponent(() => import('./features/visits/overdue-reports-page.tsx'), 'OverdueReportsPage'),
});
const visitRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'visits/$id',
  component: lazyRouteComponent(() => import('./features/visits/visit-page.tsx'), 'VisitPage'),
});

const missionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'missions',
  validateSearch: validateMissionsSearch,
  component: lazyRouteComponent(() => import('./features/missions/missions-page.tsx'), 'MissionsPage'),
});
const missionNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'missions/new',
  component: lazyRouteComponent(() => import('./features/missions/mission-create-page.tsx'), 'MissionCreatePage'),
});
const missionOverdueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'missions/overdue-reports',
  validateSearch: validateMissionOverdueSearch,
  component: lazyRouteComponent(() => import('./features/missions/overdue-missions-page.tsx'), 'OverdueMissionsPage'),
});
const missionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'missions/$id',
  component: lazyRouteComponent(() => import('./features/missions/mission-page.tsx'), 'MissionPage'),
});

// Outbound student exchange; the fact sheet's exchange figures link to /exchanges/applications with their filters.
const exchangesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'exchanges',
  beforeLoad: () => {
    throw redirect({ to: '/exchanges/applications' });
  },
});
const exchangeApplicationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'exchanges/applications',
  validateSearch: validateApplicationsSearch,
  component: lazyRouteComponent(() => import('./features/exchanges/applications-page.tsx'), 'ApplicationsPage'),
});
const exchangeApplicationNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'exchanges/applications/new',
  validateSearch: validateNewApplicationSearch,
  component: lazyRouteComponent(() => import('./features/exchanges/application-create-page.tsx'), 'ApplicationCreatePage'),
});
const exchangeApplicationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'exchanges/applications/$id',
  component: lazyRouteComponent(() => import('./features/exchanges/application-page.tsx'), 'ApplicationPage'),
});
const exchangeOpportunitiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'exchanges/opportunities',
  validateSearch: validateOpportunitiesSearch,
  component: lazyRouteComponent(() => import('./features/exchanges/opportunities-page.tsx'), 'OpportunitiesPage'),
});
const exchangeOpportunityNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'exchanges/opportunities/new',
  component: lazyRouteComponent(() => import('./features/exchanges/opportunity-create-page.tsx'), 'OpportunityCreatePage'),
});
const exchangeOpportunityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'exchanges/opportunities/$id',
  component: lazyRouteComponent(() => import('./features/exchanges/opportunity-page.tsx'), 'OpportunityPage'),
});

const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'people',
  validateSearch: validatePeopleSearch,
  component: lazyRouteComponent(() => import('./features/people/people-page.tsx'), 'PeoplePage'),
});
const personNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'people/new',
  component: lazyRouteComponent(() => import('./features/people/person-create-page.tsx'), 'PersonCreatePage'),
});
const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'people/$id',
  component: lazyRouteComponent(() => import('./features/people/person-page.tsx'), 'PersonPage'),
});

const expertsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'experts',
  validateSearch: validateExpertsSearch,
  component: lazyRouteComponent(() => import('./features/experts/experts-page.tsx'), 'ExpertsPage'),
});
const expertRenewalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'experts/renewals',
  validateSearch: validateRenewalsSearch,
  component: lazyRouteComponent(() => import('./features/experts/renewals-page.tsx'), 'RenewalsPage'),
});
const appointmentNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'experts/appointments/new',
  validateSearch: validateNewAppointmentSearch,
  component: lazyRouteComponent(() => import('./features/experts/appointment-create-page.tsx'), 'AppointmentCreatePage'),
});
const appointmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'experts/appointments/$id',
  component: lazyRouteComponent(() => import('./features/experts/appointment-page.tsx'), 'AppointmentPage'),
});

const conferencesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'conferences',
  validateSearch: validateConferencesSearch,
  component: lazyRouteComponent(() => import('./features/conferences/conferences-page.tsx'), 'ConferencesPage'),
});
const conferenceNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'conferences/new',
  component: lazyRouteComponent(() => import('./features/conferences/conference-create-page.tsx'), 'ConferenceCreatePage'),
});
const overdueSummariesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'conferences/overdue',
  validateSearch: validateOverdueSearch,
  component: lazyRouteComponent(() => import('./features/conferences/overdue-summaries-page.tsx'), 'OverdueSummariesPage'),
});
const conferenceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'conferences/$id',
  component: lazyRouteComponent(() => import('./features/conferences/conference-page.tsx'), 'ConferencePage'),
});

const honoursRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'honours',
  validateSearch: validateHonoursSearch,
  component: lazyRouteComponent(() => import('./features/honours/honours-page.tsx'), 'HonoursPage'),
});
const honourNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'honours/new',
  validateSearch: validateNewHonourSearch,
  component: lazyRouteComponent(() => import('./features/honours/honour-create-page.tsx'), 'HonourCreatePage'),
});
const studentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'students',
  validateSearch: validateDegreeStudentsSearch,
  component: lazyRouteComponent(() => import('./features/students/students-page.tsx'), 'InternationalStudentsPage'),
});
const studentNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'students/new',
  validateSearch: validateNewEnrolmentSearch,
  component: lazyRouteComponent(() => import('./features/students/student-create-page.tsx'), 'StudentCreatePage'),
});
const studentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'students/$id',
  component: lazyRouteComponent(() => import('./features/students/student-page.tsx'), 'StudentPage'),
});

const honourRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'honours/$id',
  component: lazyRouteComponent(() => import('./features/honours/honour-page.tsx'), 'HonourPage'),
});

const programmesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'programmes',
  component: lazyRouteComponent(() => import('./features/programmes/programmes-page.tsx'), 'ProgrammesPage'),
});
const programmeStudentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'programmes/students',
  validateSearch: validateStudentsSearch,
  component: lazyRouteComponent(() => import('./features/programmes/students-page.tsx'), 'StudentsPage'),
});
const programmeStudentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'programmes/students/$id',
  component: lazyRouteComponent(() => import('./features/programmes/student-page.tsx'), 'StudentPage'),
});

const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'imports',
  // An import draft to reopen (the to-do list's link): its preview and decisions, or its commit's progress;
  // or a kind preselected, with the conference a file of attendees is added to (the conference page's link).
  validateSearch: lenientSearch({ draft: z.coerce.number().int().positive(), kind: z.string().max(40), conference: z.coerce.number().int().positive() }),
  component: lazyRouteComponent(() => import('./features/imports/imports-page.tsx'), 'ImportsPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings',
  component: lazyRouteComponent(() => import('./features/settings/settings-page.tsx'), 'SettingsPage'),
});

const unitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'units',
  validateSearch: lenientSearch({ selected: Id }),
  component: lazyRouteComponent(() => import('./features/units/units-page.tsx'), 'UnitsPage'),
});

const ledgerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'ledger',
  validateSearch: validateLedgerSearch,
  component: lazyRouteComponent(() => import('./features/ledger/ledger-page.tsx'), 'LedgerPage'),
});

const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports',
  validateSearch: validateReportsSearch,
  component: lazyRouteComponent(() => import('./features/reports/reports-page.tsx'), 'ReportsPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'users',
  validateSearch: lenientSearch({ page: PAGING.page, pageSize: PAGING.pageSize, q: PAGING.q }),
  component: lazyRouteComponent(() => import('./features/users/users-page.tsx'), 'UsersPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'audit',
  validateSearch: validateAuditSearch,
  component: lazyRouteComponent(() => import('./features/audit/audit-page.tsx'), 'AuditPage'),
});

const jobsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'jobs',
  component: lazyRouteComponent(() => import('./features/jobs/jobs-page.tsx'), 'JobsPage'),
});

const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'outbox',
  component: lazyRouteComponent(() => import('./features/jobs/outbox-page.tsx'), 'OutboxPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'account',
  component: lazyRouteComponent(() => import('./features/auth/account-page.tsx'), 'AccountPage'),
});

const KindListPage = lazyRouteComponent(() => import('./features/record-kinds/kind-list-page.tsx'), 'KindListPage');
const KindCreatePage = lazyRouteComponent(() => import('./features/record-kinds/kind-create-page.tsx'), 'KindCreatePage');
const KindRecordPage = lazyRouteComponent(() => import('./features/record-kinds/kind-record-page.tsx'), 'KindRecordPage');

/**
 * Every kind described by its fields alone (src/shared/kinds/record-kinds.ts): its list, its new
 * record and its record pages, each read from its description. Their paths come from data, so
 * they are left out of the route tree's types (a string path would let a link name any `/…/$id`);
 * the kinds' pages name them once (kindParts' paths).
 */
const recordKindRoutes = RECORD_KINDS.flatMap((kind) => [
  createRoute({ getParentRoute: () => appRoute, path: kind.path, validateSearch: kindParts(kind).validateSearch, component: () => <KindListPage kind={kind} /> }),
  createRoute({ getParentRoute: () => appRoute, path: `${kind.path}/new`, component: () => <KindCreatePage kind={kind} /> }),
  createRoute({ getParentRoute: () => appRoute, path: `${kind.path}/$id`, component: () => <KindRecordPage kind={kind} /> }),
]) as unknown as [];

const plannedRoutes = PLANNED_AREAS.map((area) =>
  createRoute({ getParentRoute: () => appRoute, path: area, component: () => <NotBuiltPage area={area} /> }),
);

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    homeRoute,
    todoRoute,
    institutionsRoute,
    institutionNewRoute,
    institutionRoute,
    partnersRoute,
    organizationsRoute,
    agreementsRoute,
    agreementNewRoute,
    renewalWatchRoute,
    agreementRoute,
    visitsRoute,
    visitNewRoute,
    overdueReportsRoute,
    visitRoute,
    missionsRoute,
    missionNewRoute,
    missionOverdueRoute,
    missionRoute,
    exchangesRoute,
    exchangeApplicationsRoute,
    exchangeApplicationNewRoute,
    exchangeApplicationRoute,
    exchangeOpportunitiesRoute,
    exchangeOpportunityNewRoute,
    exchangeOpportunityRoute,
    peopleRoute,
    personNewRoute,
    personRoute,
    expertsRoute,
    expertRenewalsRoute,
    appointmentNewRoute,
    appointmentRoute,
    conferencesRoute,
    conferenceNewRoute,
    overdueSummariesRoute,
    conferenceRoute,
    honoursRoute,
    honourNewRoute,
    honourRoute,
    studentsRoute,
    studentNewRoute,
    studentRoute,
    programmesRoute,
    programmeStudentsRoute,
    programmeStudentRoute,
    settingsRoute,
    importsRoute,
    unitsRoute,
    ledgerRoute,
    reportsRoute,
    usersRoute,
    auditRoute,
    jobsRoute,
    outboxRoute,
    accountRoute,
    ...recordKindRoutes,
    ...plannedRoutes,
  ]),
]);

/** The router of the web application. */
export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  defaultPendingComponent: LoadingPage,
  defaultErrorComponent: ({ error }) => <ErrorPage error={error} />,
  defaultNotFoundComponent: NotFoundPage,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
