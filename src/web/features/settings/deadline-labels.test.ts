import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../shared/contracts/common.ts';
import { deadlineRules, deadlineSettingKey } from '../../../shared/kinds/deadline-rules.ts';
import { hasMessage, translate, type MessageKey } from '../../lib/i18n.tsx';
import { deadlineLabels } from './deadline-labels.ts';

// The settings page lists every deadline's lead time by itself: each must have words, in every
// language, for the kind, what is owed and the date it counts from (no raw key shown).
describe("the settings page's deadline labels", () => {
  for (const rule of deadlineRules()) {
    it(`name ${rule.key} in every language`, () => {
      const [owed, from] = [`todo.owed.${rule.deadline.what}`, `settings.deadlines.from.${rule.deadline.from}`];
      for (const key of [owed, from]) expect(hasMessage(key), key).toBe(true);
      for (const locale of LOCALES) {
        const labels = deadlineLabels(deadlineSettingKey(rule.key), (key: MessageKey, vars) => translate(locale, key, vars), locale);
        expect(labels, locale).not.toBeNull();
        // the kind by its name, not its path; what is owed and the date in the language
        expect(labels!.title.startsWith(`${rule.kind} `), `${locale}: ${labels!.title}`).toBe(false);
        expect(labels!.title.endsWith(translate(locale, owed as MessageKey)), `${locale}: ${labels!.title}`).toBe(true);
        expect(labels!.unit, locale).toContain(translate(locale, from as MessageKey));
        expect(labels!.unit, locale).toContain(String(rule.defaultLead));
      }
    });
  }
});
