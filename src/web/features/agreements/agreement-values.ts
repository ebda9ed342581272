import type { Agreement, AgreementKind, AgreementLevel } from '../../../shared/contracts/agreements.ts';
import { formValuesOf } from '../../lib/form-values.ts';

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
  studentMobility?: 'studies' | 'traineeship';
  staffMobility?: 'teaching' | 'training';
  languageSkills?: string[];
  notes?: string;
}

/** The fields the form shows as the agreement has them. */
const AGREEMENT_FIELDS = [
  'titleEn', 'titleZh', 'titleFr', 'level', 'kind', 'unitId', 'ourSignatory', 'partnerSignatory', 'signedOn', 'effectiveOn',
  'expiresOn', 'autoRenewal', 'renewalTermMonths', 'renewalLeadMonths', 'studentsInPerYear', 'studentsOutPerYear', 'staffInPerYear',
  'staffOutPerYear', 'studentMobility', 'staffMobility', 'languageSkills', 'notes',
] as const;

/** An agreement as form values (nulls become empty fields). */
export function toAgreementFormValues(a: Agreement): AgreementFormValues {
  return {
    ...formValuesOf(a, AGREEMENT_FIELDS),
    partners: a.partners.map((p) => ({ institutionId: p.institutionId, partnerUnit: p.partnerUnit ?? undefined })),
  };
}

/** A new agreement's starting values; a coordinator's is collegiate, in their unit. */
export function newAgreementValues(coordinatorUnitId: number | null): AgreementFormValues {
  return coordinatorUnitId == null
    ? { level: 'institutional', kind: 'comprehensive', partners: [{}], autoRenewal: false, renewalLeadMonths: 6 }
    : { level: 'collegiate', unitId: coordinatorUnitId, kind: 'comprehensive', partners: [{}], autoRenewal: false, renewalLeadMonths: 6 };
}
