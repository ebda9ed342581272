import type { Locale } from '../../../shared/contracts/common.ts';
import { deadlineRules, deadlineSettingKey } from '../../../shared/kinds/deadline-rules.ts';
import { hasMessage, type MessageKey, type Translate } from '../../lib/i18n.tsx';
import { kindName } from '../todo/kind-name.ts';

/** What a setting row says of itself: its title, what it decides, the unit after its value, and its bounds. */
export interface SettingLabels {
  title: string;
  help: string;
  unit: string;
  max: number;
}

/**
 * The words of a deadline's lead time (`deadline.missions.report`), from its rule: the kind and
 * what is owed, and the unit counted after or before the record's date; null for another key.
 */
export function deadlineLabels(key: string, t: Translate, locale: Locale): SettingLabels | null {
  const rule = deadlineRules().find((r) => deadlineSettingKey(r.key) === key);
  if (!rule) return null;
  const owed = `todo.owed.${rule.deadline.what}`;
  const from = `settings.deadlines.from.${rule.deadline.from}`;
  const date = hasMessage(from) ? t(from) : rule.deadline.from;
  return {
    title: `${kindName(rule.kind, t, locale)} — ${hasMessage(owed) ? t(owed) : rule.deadline.what}`,
    help: t('settings.deadlines.help'),
    unit: `${t(`settings.deadlines.${rule.unit}` as MessageKey)} ${t(`settings.deadlines.${rule.direction}`, { date })} · ${t('settings.deadlines.default', { value: rule.defaultLead })}`,
    max: 3650,
  };
}
