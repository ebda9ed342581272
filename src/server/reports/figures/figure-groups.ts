import type { Figure } from '../../../shared/contracts/reports.ts';
import { conferenceFigures } from './conferences.ts';
import { exchangeFigures } from './exchange.ts';
import { expertFigures } from './experts.ts';
import type { FigureContext } from './figure-context.ts';
import { honourFigures } from './honours.ts';
import { inboundFigures } from './inbound.ts';
import { outboundFigures } from './outbound.ts';
import { partnerFigures } from './partners.ts';
import { programmeFigures } from './programme.ts';
import { studentFigures } from './students.ts';

/** A group of figures computed together, and the tables its statements read. */
export interface FigureGroup {
  name: string;
  /**
   * Every table the group's statements read (a coordinator's and a chosen unit's included): the
   * group is kept under these tables' change counters (migration 0047), so a table missing here
   * would leave the group stale after a write to it. figure-tables.test.ts finds each group's
   * tables in its statements' plans and fails when one is not listed.
   */
  tables: readonly string[];
  compute: (ctx: FigureContext) => Promise<Figure[]>;
}

/** unit_subtree() reads the units: every group confined to a unit reads them. */
const UNITS = 'units';

/** The figure set's groups, computed in this order; a write recomputes only the groups that read its table. */
export const FIGURE_GROUPS: readonly FigureGroup[] = [
  { name: 'partners', tables: ['agreement_partners', 'agreements', 'countries', 'institutions', UNITS], compute: partnerFigures },
  { name: 'experts', tables: ['appointments', 'countries', 'people', UNITS], compute: expertFigures },
  { name: 'conferences', tables: ['conference_attendees', 'conference_partners', 'conferences', 'institutions', 'settings', UNITS], compute: conferenceFigures },
  { name: 'inbound', tables: ['institutions', 'ledger', 'ledger_rollup', 'people', 'settings', 'visit_files', 'visit_members', 'visits', UNITS], compute: inboundFigures },
  { name: 'outbound', tables: ['ledger', 'ledger_rollup', UNITS], compute: outboundFigures },
  { name: 'honours', tables: ['honours', 'institutions', 'people', UNITS], compute: honourFigures },
  { name: 'students', tables: ['countries', 'people', 'student_enrolments', UNITS], compute: studentFigures },
  {
    name: 'programme',
    tables: ['people', 'programme_cohorts', 'programme_students', 'programmes', 'residency_placements', 'visiting_professors', UNITS],
    compute: programmeFigures,
  },
  { name: 'exchange', tables: ['countries', 'exchange_applications', 'exchange_opportunities', 'institutions', 'people', UNITS], compute: exchangeFigures },
];
