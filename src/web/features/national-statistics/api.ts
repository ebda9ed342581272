import type { MoeTwImportResult, NationalComparison, NationalStatisticsYears } from '../../../shared/contracts/national-statistics.ts';
import { api } from '../../lib/api.ts';
import { fileForm, useApiGet, useWrite } from '../../lib/api-query.ts';

const KEY = ['national-statistics'] as const;

/** The years imported, with their files. */
export const useNationalYears = () => useApiGet<NationalStatisticsYears>([...KEY, 'years'], '/national-statistics');

/** The office beside the nation for one year (nothing is asked before a year is chosen). */
export const useNationalComparison = (year: string | undefined) =>
  useApiGet<NationalComparison>([...KEY, 'comparison', year], '/national-statistics/comparison', { year }, { enabled: year !== undefined });

/** Upload one of the ministry's files; the years and the comparison refresh. */
export const useMoeTwUpload = () => useWrite((file: File) => api.upload<MoeTwImportResult>('/national-statistics/moe-tw', fileForm(file)), () => [KEY]);
