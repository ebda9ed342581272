import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../shared/contracts/common.ts';
import { ACCEPTABLE_IIA_TERM_FIELDS, IIA_COPY_STATES, IIA_TERM_FIELDS, IIA_UNPUBLISHED_REASONS } from '../../../shared/contracts/ewp-iia-copies.ts';
import { STUDENT_MOBILITY_LABELS } from '../../../shared/i18n/agreement-labels.ts';
import { hasMessage, translate, type Translate } from '../../lib/i18n.tsx';
import { acceptable, copyStateText, termLabel, termText, unpublishedText } from './ewp-terms.ts';

const tIn = (locale: (typeof LOCALES)[number]): Translate => (key, vars) => translate(locale, key, vars);

describe("an agreement's EWP card, in words", () => {
  it('says every reason for not publishing, every copy state and every term in English, Chinese and French, never as a key', () => {
    for (const locale of LOCALES) {
      const t = tIn(locale);
      for (const reason of IIA_UNPUBLISHED_REASONS) {
        expect(hasMessage(`ewpAgr.reason.${reason}`), reason).toBe(true);
        expect(unpublishedText(reason, t)).not.toContain('ewpAgr');
      }
      for (const state of IIA_COPY_STATES) expect(copyStateText(state, t), state).not.toContain('ewpAgr');
      for (const field of IIA_TERM_FIELDS) expect(termLabel(field, t), field).not.toMatch(/^(agr|ewpAgr)\./);
    }
    // the three languages say it differently
    const texts = LOCALES.map((locale) => unpublishedText('ewp_off', tIn(locale)));
    expect(new Set(texts).size).toBe(LOCALES.length);
  });

  it("labels the agreement's own fields with the agreement's labels, and lets only those be accepted", () => {
    const t = tIn('fr');
    expect(termLabel('studentsInPerYear', t)).toBe(translate('fr', 'agr.field.studentsInPerYear'));
    expect(IIA_TERM_FIELDS.filter(acceptable)).toEqual([...ACCEPTABLE_IIA_TERM_FIELDS]);
    expect(acceptable('firstAcademicYear')).toBe(false);
  });

  it('shows values as the agreement page does: what the places are for by label, languages listed, nothing said as such', () => {
    const t = tIn('zh');
    expect(termText('studentMobility', 'studies', 'zh', t)).toBe(STUDENT_MOBILITY_LABELS.studies.zh);
    expect(termText('languageSkills', ['fr B2', 'en C1'], 'zh', t)).toBe('fr B2, en C1');
    expect(termText('languageSkills', [], 'zh', t)).toBe(translate('zh', 'ewpAgr.notStated'));
    expect(termText('studentsInPerYear', null, 'zh', t)).toBe(translate('zh', 'ewpAgr.notStated'));
    expect(termText('studentsInPerYear', 0, 'zh', t)).toBe('0');
    expect(termText('firstAcademicYear', '2025/2026', 'zh', t)).toBe('2025/2026');
  });
});
