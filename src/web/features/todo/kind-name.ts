import type { Locale } from '../../../shared/contracts/common.ts';
import { RECORD_KINDS } from '../../../shared/kinds/record-kinds.ts';
import { hasMessage, type Translate } from '../../lib/i18n.tsx';

/** A kind's name for one of its records: a kind described by its fields names itself; the others have a message. */
export function kindName(kind: string, t: Translate, locale: Locale): string {
  const described = RECORD_KINDS.find((k) => k.path === kind);
  if (described) return described.name.one[locale];
  const key = `todo.kind.${kind}`;
  return hasMessage(key) ? t(key) : kind;
}
