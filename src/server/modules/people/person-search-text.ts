import { searchText } from '../../search/normalize.ts';
import type { PersonRow } from './people.repo.ts';

/** The search text of a person: both orders of the name, the Chinese name, other names (a merged record's too), the email. */
export function personSearchText(p: Pick<PersonRow, 'familyName' | 'givenName' | 'nameZh' | 'otherNames' | 'email'>): string {
  return searchText(`${p.familyName} ${p.givenName ?? ''}`, `${p.givenName ?? ''} ${p.familyName}`, p.nameZh, ...p.otherNames, p.email);
}
