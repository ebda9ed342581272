import type { Figure } from '../../../shared/contracts/reports.ts';
import { residencyFiguresAsOf, visitingProfessorsAsOf } from '../../modules/programmes/programmes.service.ts';
import { figure, recordsAt, type FigureContext } from './figure-context.ts';

/**
 * "Up to now, 186 students who met the standards in examinations and evaluations have been sent
 * to major French hospitals to be trained in residency programs for a year, accounting for 65%
 * of all the students in this program":
 * - placed: distinct programme students with a confirmed or completed residency placement that
 *   started on or before the date (a proposed or withdrawn one does not count, nor one that
 *   starts after the date);
 * - share: placed over everyone admitted to a cohort that entered in the date's year or before,
 *   whatever became of them since (withdrawn and transferred included: "all the students in
 *   this program"); null while nobody has been admitted. Its records are those students.
 * - visitingProfessors: "with professors sent every year by the French side to SJTUSM for
 *   teaching": the professors the partners sent, by year ({ "1995": 3, … }), up to the date's year.
 */
export async function programmeFigures(ctx: FigureContext): Promise<Figure[]> {
  const { placed, share } = await residencyFiguresAsOf(ctx.db, { asOf: ctx.asOf });
  const professors = await visitingProfessorsAsOf(ctx.db, { asOf: ctx.asOf });
  const years = Object.keys(professors.byYear);
  const unitId = ctx.chosenUnitId;
  return [
    figure(ctx, 'programme.residencyPlaced', 'persons', placed, {
      records: recordsAt('/api/programme-students', '/programmes/students', { placed: 'true', asOf: ctx.asOf, unitId }),
    }),
    figure(ctx, 'programme.residencyShare', 'share', share, {
      records: recordsAt('/api/programme-students', '/programmes/students', { asOf: ctx.asOf, unitId }),
    }),
    // The professors by year, from the first year one came: a programme's card lists them.
    figure(ctx, 'programme.visitingProfessors', 'persons', professors.byYear, {
      from: years.length ? `${years[0]}-01-01` : null,
      to: ctx.asOf,
      asOf: null,
      records: professors.programmeIds.length === 1 ? { api: `/api/programmes/${professors.programmeIds[0]}/visiting-professors`, page: '/programmes' } : { api: '/api/programmes', page: '/programmes' },
    }),
  ];
}
