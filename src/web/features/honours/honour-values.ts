import type { DatePrecision, Honour, HonourKind } from '../../../shared/contracts/honours.ts';
import { formValuesOf } from '../../lib/form-values.ts';

/** What the honour form holds: the contract's fields, empty ones as undefined. */
export interface HonourFormValues {
  personId?: number;
  kind?: HonourKind;
  nameOriginal?: string;
  nameEn?: string;
  nameZh?: string;
  nameFr?: string;
  awardingInstitutionId?: number | null;
  awardingBody?: string;
  awardingBodyZh?: string;
  awardingBodyFr?: string;
  countryCode?: string;
  conferredOn?: string;
  datePrecision?: DatePrecision;
  citation?: string;
  notable?: boolean;
  unitId?: number | null;
}

/** An honour as form values (nulls become empty fields). */
export function toHonourFormValues(h: Honour): HonourFormValues {
  return {
    ...formValuesOf(h, ['personId', 'kind', 'nameOriginal', 'nameEn', 'nameZh', 'nameFr', 'awardingBody', 'awardingBodyZh', 'awardingBodyFr', 'countryCode', 'conferredOn', 'datePrecision', 'citation', 'notable']),
    // null here is a choice the form shows ("none"), not an empty field
    awardingInstitutionId: h.awardingInstitutionId,
    unitId: h.unitId,
  };
}

/** A new honour's starting values (for a person, when recorded from their page). */
export function newHonourValues(personId: number | undefined): HonourFormValues {
  return { personId, kind: 'prize', datePrecision: 'year', notable: false };
}
