import type { DatePrecision, Honour, HonourKind } from '../../../shared/contracts/honours.ts';

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
  countryCode?: string;
  conferredOn?: string;
  datePrecision?: DatePrecision;
  citation?: string;
  notable?: boolean;
  unitId?: number | null;
}

/** An honour as form values (nulls become empty fields). */
export function toHonourFormValues(h: Honour): HonourFormValues {
  const v = <T,>(x: T | null) => x ?? undefined;
  return {
    personId: h.personId,
    kind: h.kind,
    nameOriginal: v(h.nameOriginal),
    nameEn: h.nameEn,
    nameZh: v(h.nameZh),
    nameFr: v(h.nameFr),
    awardingInstitutionId: h.awardingInstitutionId,
    awardingBody: v(h.awardingBody),
    countryCode: v(h.countryCode),
    conferredOn: h.conferredOn,
    datePrecision: h.datePrecision,
    citation: v(h.citation),
    notable: h.notable,
    unitId: h.unitId,
  };
}

/** A new honour's starting values (for a person, when recorded from their page). */
export function newHonourValues(personId: number | undefined): HonourFormValues {
  return { personId, kind: 'prize', datePrecision: 'year', notable: false };
}
