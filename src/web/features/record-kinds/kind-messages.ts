import { LOCALES, type Locale } from '../../../shared/contracts/common.ts';
import { STATUS_LABEL, type Labels, type RecordKind } from '../../../shared/kinds/record-kind.ts';
import { translate, type MessageKey, type MessageVars } from '../../lib/i18n.tsx';

/** A catalogue message filled in, in each language, with the kind's own words. */
function inEach(key: MessageKey, vars: (locale: Locale) => MessageVars): Labels {
  return Object.fromEntries(LOCALES.map((locale) => [locale, translate(locale, key, vars(locale))])) as Record<Locale, string>;
}

/**
 * A kind's own words as messages under its audit entity: `<audit>.field.<name>`, `<audit>.<field>.<value>`,
 * `<audit>.status.<state>`, `<audit>.to.<state>`, `<audit>.on.<state>` (the date a step records),
 * `<audit>.newTitle`, `<audit>.deleteConfirm`. These are the keys the generic pages, the workflow
 * card and the history read, so that a kind with no message file of its own is labelled as the
 * others are (DataMessages hands them to the page).
 */
export function kindMessages(kind: RecordKind): Readonly<Record<string, Labels>> {
  const p = kind.audit;
  const entries: [string, Labels][] = [
    [`${p}.newTitle`, inEach('kinds.newTitle', (l) => ({ name: kind.name.one[l] }))],
    [`${p}.deleteConfirm`, inEach('kinds.deleteConfirm', (l) => ({ name: kind.name.one[l] }))],
    [`${p}.field.status`, STATUS_LABEL],
    ...kind.fields.map((f): [string, Labels] => [`${p}.field.${f.name}`, f.label]),
    ...kind.fields.flatMap((f) => (f.type.is === 'choice' ? Object.entries(f.type.options).map(([value, label]): [string, Labels] => [`${p}.${f.name}.${value}`, label]) : [])),
    ...Object.entries(kind.statusLabels).flatMap(([s, label]): [string, Labels][] => [
      [`${p}.status.${s}`, label],
      [`${p}.to.${s}`, inEach('kinds.to', (l) => ({ status: label[l] }))],
    ]),
    ...Object.entries(kind.steps).flatMap(([s, rule]): [string, Labels][] => {
      const dated = kind.fields.find((f) => f.name === rule?.records?.[0]);
      return dated ? [[`${p}.on.${s}`, dated.label]] : [];
    }),
  ];
  return Object.fromEntries(entries);
}
