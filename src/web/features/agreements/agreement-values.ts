import type { Agreement, AgreementKind, AgreementLevel } from '../../../shared/contracts/agreements.ts';

/** One partner row of the form. */
export interface PartnerRow {
  institutionId?: number;
  partnerUnit?: string;
}

/** What the agreement form holds: the contract's fields, empty ones as undefined. */
export interface AgreementFormValues {
  titleEn?: string;
  titleZh?: string;
  titleFr?: string;
  level?: AgreementLevel;
  kind?: AgreementKind;
  unitId?: number;
  partners?: PartnerRow[];
  ourSignatory?: string;
  partnerSignatory?: string;
  signedOn?: string;
  effectiveOn?: string;
  expiresOn?: string;
  autoRenewal?: boolean;
  renewalTermMonths?: number;
  renewalLeadMonths?: number;
  studentsInPerYear?: number;
  studentsOutPerYear?: number;
  staffInPerYear?: number;
  staffOutPerYear?: number;
  notes?: string;
}

/** An agreement as form values (nulls become empty fields). */
export function toAgreementFormValues(a: Agreement): AgreementFormValues {
  const v = <T,>(x: T | null) => x ?? undefined;
  return {
    titleEn: a.titleEn,
    titleZh: a.titleZh,
    titleFr: v(a.titleFr),
    level: a.level,
    kind: a.kind,
    unitId: v(a.unitId),
    partners: a.partners.map((p) => ({ institutionId: p.institutionId, partnerUnit: v(p.partnerUnit) })),
    ourSignatory: v(a.ourSignatory),
    partnerSignatory: v(a.partnerSignatory),
    signedOn: v(a.signedOn),
    effectiveOn: v(a.effectiveOn),
    expiresOn: v(a.expiresOn),
    autoRenewal: a.autoRenewal,
    renewalTermMonths: v(a.renewalTermMonths),
    renewalLeadMonths: a.renewalLeadMonths,
    studentsInPerYear: v(a.studentsInPerYear),
    studentsOutPerYear: v(a.studentsOutPerYear),
    staffInPerYear: v(a.staffInPerYear),
    staffOutPerYear: v(a.staffOutPerYear),
    notes: v(a.notes),
  };
}

/** A new agreement's starting values; a coordinator's is collegiate, in their unit. */
export function newAgreementValues(coordinatorUnitId: number | null): AgreementFormValues {
  return coordinatorUnitId == null
    ? { level: 'institutional', kind: 'comprehensive', partners: [{}], autoRenewal: false, renewalLeadMonths: 6 }
    : { level: 'collegiate', unitId: coordinatorUnitId, kind: 'comprehensive', partners: [{}], autoRenewal: false, renewalLeadMonths: 6 };
}
