import { AGREEMENT_KINDS, AGREEMENT_LEVELS, STAFF_MOBILITIES, STUDENT_MOBILITIES } from '../../../shared/contracts/agreements.ts';
import { AGREEMENT_KIND_LABELS, AGREEMENT_LEVEL_LABELS, STAFF_MOBILITY_LABELS, STUDENT_MOBILITY_LABELS } from '../../../shared/i18n/agreement-labels.ts';
import { inLanguages, type FieldSpec, type FormLayout } from '../../lib/field-spec.ts';

const quota = (name: string): FieldSpec => ({ name, kind: 'number', min: 0, max: 10000, width: 'quarter', absentWhenCleared: true });

/** An agreement's form: titles, parties (a collegiate one names its unit), term and renewal, yearly quotas, notes. */
export const AGREEMENT_FIELDS: FormLayout = [
  {
    title: 'agr.section.titles',
    items: [
      ...inLanguages('title', 500),
      { name: 'kind', kind: 'select', values: AGREEMENT_KINDS, labels: { table: AGREEMENT_KIND_LABELS }, width: 'half' },
    ],
  },
  {
    title: 'agr.section.parties',
    items: [
      { name: 'level', kind: 'select', values: AGREEMENT_LEVELS, labels: { table: AGREEMENT_LEVEL_LABELS }, width: 'half' },
      { name: 'unitId', kind: 'unit', width: 'half', required: true, shownWhen: { field: 'level', is: ['collegiate'] } },
      { slot: 'partners' },
      { name: 'ourSignatory', kind: 'text', maxLength: 300, width: 'half' },
      { name: 'partnerSignatory', kind: 'text', maxLength: 300, width: 'half' },
    ],
  },
  {
    title: 'agr.section.term',
    items: [
      { name: 'signedOn', kind: 'date', width: 'third' },
      { name: 'effectiveOn', kind: 'date', width: 'third' },
      { name: 'expiresOn', kind: 'date', width: 'third', hint: 'agr.expiresHint' },
      { name: 'autoRenewal', kind: 'yesNo', width: 'third' },
      { name: 'renewalTermMonths', kind: 'number', min: 1, max: 240, width: 'third', absentWhenCleared: true, required: true, shownWhen: { field: 'autoRenewal', is: [true] } },
      { name: 'renewalLeadMonths', kind: 'number', min: 0, max: 60, width: 'third', absentWhenCleared: true },
    ],
  },
  {
    title: 'agr.section.quotas',
    items: [
      quota('studentsInPerYear'),
      quota('studentsOutPerYear'),
      quota('staffInPerYear'),
      quota('staffOutPerYear'),
      // What the places are for and the languages recommended: what an EWP partner reads of them (IIAs).
      { name: 'studentMobility', kind: 'select', values: STUDENT_MOBILITIES, labels: { table: STUDENT_MOBILITY_LABELS }, clearable: true, width: 'third' },
      { name: 'staffMobility', kind: 'select', values: STAFF_MOBILITIES, labels: { table: STAFF_MOBILITY_LABELS }, clearable: true, width: 'third' },
      { name: 'languageSkills', kind: 'tags', width: 'third', hint: 'agr.languageSkillsHint' },
      { name: 'notes', kind: 'longText', maxLength: 10000 },
    ],
  },
];
