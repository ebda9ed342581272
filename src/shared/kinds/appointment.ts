import { APPOINTMENT_STATUSES, APPOINTMENT_TRANSITIONS, DELETABLE_APPOINTMENT_STATUSES, OFFICE_APPOINTMENT_STEPS } from '../contracts/appointments.ts';
import { APPOINTMENT_STATUS_LABELS } from '../i18n/inbound-labels.ts';
import { describeKind } from './kind.ts';

/**
 * A foreign expert's title (honorary professor, consultant …): a unit proposes, the office
 * confers it and may revoke it. A term that ends needs no step ("in force" reads the dates);
 * renewal proposes a successor.
 */
export const APPOINTMENT_KIND = describeKind({
  policy: 'appointment',
  audit: 'appointment',
  labelKey: 'appointments',
  statusLabels: APPOINTMENT_STATUS_LABELS,
  states: APPOINTMENT_STATUSES,
  initial: 'proposed',
  transitions: APPOINTMENT_TRANSITIONS,
  officeOnly: OFFICE_APPOINTMENT_STEPS,
  steps: { appointed: { decision: true }, revoked: { records: ['revokedOn'] } },
  illegalStep: 'not_a_step',
  frozen: [],
  deletable: DELETABLE_APPOINTMENT_STATUSES,
  counted: [],
  // A term that ends: renewing it (proposing the successor) comes three months before its end.
  // and each document the expert works under (contract, work or residence permit, visa) is renewed from 60 days before it expires
  deadlines: [
    { what: 'renewal', from: 'endDate', after: { months: -3 }, owedIn: ['appointed'], metBySuccessor: true },
    { what: 'documentExpiry', from: 'expiresOn', after: { days: -60 }, owedIn: ['appointed'], part: 'documents' },
  ],
});
