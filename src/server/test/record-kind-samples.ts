import { formFields, type FieldDescription, type RecordKind } from '../../shared/kinds/record-kind.ts';

/**
 * Sample records of the kinds described down to their fields (shared/kinds/record-kinds.ts),
 * built from the descriptions: the sweeps make, edit and step them without naming a kind, so a
 * new small kind is swept the day it is added.
 */

let serial = 0;

/** A value of `field` for a create: text carrying `marker`, a day in 2024, the given unit and institution, the first choice. */
function sampleValue(field: FieldDescription, refs: { unitId: number; institutionId: number }, marker: string): unknown {
  switch (field.type.is) {
    case 'name':
    case 'text':
      return `${marker} ${field.name} ${serial}`;
    case 'date':
      return '2024-01-01';
    case 'institution':
      return refs.institutionId;
    case 'unit':
      return refs.unitId;
    case 'country':
      return 'FR';
    case 'choice':
      return Object.keys(field.type.options)[0];
  }
}

/** A valid create body of `kind`, every form field filled, its names and texts carrying `marker`. */
export function recordKindBody(kind: RecordKind, refs: { unitId: number; institutionId: number }, marker = 'Sample'): Record<string, unknown> {
  serial += 1;
  return Object.fromEntries(formFields(kind).map((f) => [f.name, sampleValue(f, refs, marker)]));
}

/** The name of a field an edit may set to any text: the kind's first name or text field that a form writes. */
export function editableField(kind: RecordKind): string {
  return formFields(kind).find((f) => f.type.is === 'text' || f.type.is === 'name')!.name;
}

/** A step out of the first state that needs no input and no date: what a sweep sends to a fresh record. */
export function firstStep(kind: RecordKind): string {
  return kind.transitions[kind.initial]!.find((to) => !kind.steps[to]?.requires?.length && !kind.steps[to]?.notBefore)!;
}
