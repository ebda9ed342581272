import { describe, expect, it } from 'vitest';
import { AgreementInput } from '../../shared/contracts/agreements.ts';
import { AppointmentInput, ExpertDocumentInput } from '../../shared/contracts/appointments.ts';
import { ConferenceInput } from '../../shared/contracts/conferences.ts';
import { ApplicationInput, OpportunityInput } from '../../shared/contracts/exchanges.ts';
import { HonourInput } from '../../shared/contracts/honours.ts';
import { InstitutionInput } from '../../shared/contracts/institutions.ts';
import { AggregateInput } from '../../shared/contracts/ledger.ts';
import { MissionInput } from '../../shared/contracts/missions.ts';
import { PersonInput } from '../../shared/contracts/people.ts';
import { StudentEnrolmentInput } from '../../shared/contracts/students.ts';
import { VisitInput } from '../../shared/contracts/visits.ts';
import { AGREEMENT_FIELDS } from '../features/agreements/agreement-fields.ts';
import { CONFERENCE_FIELDS } from '../features/conferences/conference-fields.ts';
import { APPLICATION_FIELDS, OPPORTUNITY_FIELDS } from '../features/exchanges/exchange-fields.ts';
import { APPOINTMENT_FIELDS } from '../features/experts/appointment-fields.ts';
import { EXPERT_DOCUMENT_FIELDS } from '../features/experts/expert-document-fields.ts';
import { HONOUR_FIELDS } from '../features/honours/honour-fields.ts';
import { INSTITUTION_FIELDS } from '../features/institutions/institution-fields.ts';
import { AGGREGATE_FIELDS } from '../features/ledger/aggregate-fields.ts';
import { MISSION_FIELDS } from '../features/missions/mission-fields.ts';
import { PERSON_FIELDS } from '../features/people/person-fields.ts';
import { STUDENT_FIELDS } from '../features/students/student-fields.ts';
import { VISIT_FIELDS, VISITOR_FIELDS } from '../features/visits/visit-fields.ts';
import { COLUMNS, isSlot, type FormLayout } from './field-spec.ts';

// Each kind's form description against the contract it sends: a misspelt name would be an item
// with no label, no rule, and a value the contract drops.
const FORMS: Array<[string, FormLayout, { shape: Record<string, unknown> }, string[]]> = [
  ['agreement', AGREEMENT_FIELDS, AgreementInput, ['partners']],
  ['appointment', APPOINTMENT_FIELDS, AppointmentInput, ['personId']],
  ['conference', CONFERENCE_FIELDS, ConferenceInput, ['partners']],
  ['opportunity', OPPORTUNITY_FIELDS, OpportunityInput, []],
  ['application', APPLICATION_FIELDS, ApplicationInput, ['opportunityId']],
  ['expert document', EXPERT_DOCUMENT_FIELDS, ExpertDocumentInput, ['appointmentId']],
  ['honour', HONOUR_FIELDS, HonourInput, []],
  ['institution', INSTITUTION_FIELDS, InstitutionInput, []],
  ['aggregate', AGGREGATE_FIELDS, AggregateInput, ['category', 'endDate']],
  ['mission', MISSION_FIELDS, MissionInput, ['destinations', 'members']],
  ['person', PERSON_FIELDS, PersonInput, []],
  ['student', STUDENT_FIELDS, StudentEnrolmentInput, []],
  ['visit', VISIT_FIELDS, VisitInput, ['members']],
  ['visitor', VISITOR_FIELDS, PersonInput, []],
];

const names = (layout: FormLayout) => layout.flatMap((section) => section.items.flatMap((item) => (isSlot(item) ? [] : [item.name])));

describe('the form descriptions', () => {
  it.each(FORMS)('%s: every field is a field of its contract, once', (_kind, layout, schema) => {
    const fields = names(layout);
    expect(fields.filter((name) => !(name in schema.shape))).toEqual([]);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it.each(FORMS)('%s: what the slots hold is in the contract too, and not described twice', (_kind, layout, schema, slotted) => {
    for (const name of slotted) expect(schema.shape).toHaveProperty(name);
    expect(names(layout).filter((name) => slotted.includes(name))).toEqual([]);
  });

  it.each(FORMS)('%s: a shown-when names a field of the form, and every width has its columns', (_kind, layout) => {
    const fields = names(layout);
    for (const section of layout)
      for (const item of section.items) {
        expect(COLUMNS[item.width ?? 'full']).toBeDefined();
        if (!isSlot(item) && item.shownWhen) expect(fields).toContain(item.shownWhen.field);
      }
  });
});
