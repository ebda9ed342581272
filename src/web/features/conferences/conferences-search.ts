import { z } from 'zod';
import { Id, IsoDate } from '../../../shared/contracts/common.ts';
import { CONFERENCE_SORTS, ConferenceClassification, ConferenceStatus } from '../../../shared/contracts/conferences.ts';
import { lenientSearch, PAGING, type SearchOf } from '../../lib/url-search.ts';

const SHAPE = {
  ...PAGING,
  status: ConferenceStatus,
  hostUnitId: Id,
  classification: ConferenceClassification,
  from: IsoDate,
  to: IsoDate,
  summaryOverdue: z.enum(['true', 'false']),
  /** Held or closed: the conferences hosted (a figure's drill-down). */
  counted: z.enum(['true', 'false']),
  sort: z.enum(CONFERENCE_SORTS),
};

/** The conferences list's state in the URL: search, filters, sort, page. */
export type ConferencesSearch = SearchOf<typeof SHAPE>;
/** Read the conferences list's URL params. */
export const validateConferencesSearch = lenientSearch(SHAPE);

const OVERDUE_SHAPE = { asOf: IsoDate };
/** The overdue summaries page's state in the URL: the date they are overdue on. */
export type OverdueSearch = SearchOf<typeof OVERDUE_SHAPE>;
/** Read the overdue summaries page's URL params. */
export const validateOverdueSearch = lenientSearch(OVERDUE_SHAPE);
