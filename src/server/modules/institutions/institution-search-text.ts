import { searchText } from '../../search/normalize.ts';
import type { Institution } from '../../../shared/contracts/institutions.ts';

type Names = Pick<Institution, 'nameEn' | 'nameZh' | 'nameFr' | 'nameLocal' | 'otherNames'>;

/** The search text of an institution: every name it goes by (a merged one's too), and its codes. */
export function institutionSearchText(i: Names & { erasmusCode?: string | null }): string {
  return searchText(i.nameEn, i.nameZh, i.nameFr, i.nameLocal, ...i.otherNames, i.erasmusCode);
}
