import { hasMessage, type Translate } from '../../lib/i18n.tsx';

/** An institution kind's name in the interface language (the raw kind if the catalogue has none). */
export function kindLabel(kind: string, t: Translate): string {
  const key = `inst.kind.${kind}`;
  return hasMessage(key) ? t(key) : kind;
}
