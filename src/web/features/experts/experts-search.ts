import { AppointmentQuery, AppointmentRenewalsQuery } from '../../../shared/contracts/appointments.ts';
import { Id } from '../../../shared/contracts/common.ts';
import { lenientSearch, querySearch, type QuerySearch, type SearchOf } from '../../lib/url-search.ts';

/** The experts page's state in the URL: the as-of date, and the appointments list's search, filters, sort and page. */
export type ExpertsSearch = QuerySearch<typeof AppointmentQuery>;
/** Read the experts page's URL params. */
export const validateExpertsSearch = querySearch(AppointmentQuery);

/** The renewal list's state in the URL: how many months ahead. */
export type RenewalsSearch = QuerySearch<typeof AppointmentRenewalsQuery>;
/** Read the renewal list's URL params. */
export const validateRenewalsSearch = querySearch(AppointmentRenewalsQuery);

const NEW_SHAPE = { personId: Id };
/** A new appointment may start from a person (the person page's "propose an appointment"). */
export type NewAppointmentSearch = SearchOf<typeof NEW_SHAPE>;
/** Read the new appointment page's URL params. */
export const validateNewAppointmentSearch = lenientSearch(NEW_SHAPE);
