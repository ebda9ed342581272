import type {
  Appointment,
  AppointmentInput,
  AppointmentTransition,
  AppointmentUpdate,
  ExpertDocument,
  ExpertDocumentInput,
  ExpertDocumentUpdate,
  ExpertsEngaged,
  InboundRecord,
  RenewalItem,
} from '../../../shared/contracts/appointments.ts';
import { downloadUrl, useApiGet, useItemWrites } from '../../lib/api-query.ts';
import { createResourceHooks, type FileFormat } from '../../lib/resource-api.ts';
import type { ExpertsSearch } from './experts-search.ts';

/** Everything derived from appointments and documents: the figure, the renewal list, documents, inbound records. */
const EXPERTS_KEY = ['experts'] as const;

/** Appointments over the API; any write also refreshes the figure, the renewal list and the experts' records. */
export const appointmentsApi = createResourceHooks<Appointment, AppointmentInput, AppointmentUpdate, ExpertsSearch, AppointmentTransition>('appointments', 'appointment', {
  filters: ['title', 'status', 'unitId', 'country', 'inForce', 'asOf'],
  alsoOnWrite: [EXPERTS_KEY],
});

/** "Experts engaged" on a date (today when absent). */
export const useExpertsEngaged = (asOf: string | undefined) =>
  useApiGet<ExpertsEngaged>([...EXPERTS_KEY, 'engaged', asOf ?? null], '/experts/engaged', { asOf }, { keep: true });

/** Terms and expert documents ending within `months`, soonest first. */
export const useRenewalList = (months: number) =>
  useApiGet<{ asOf: string; months: number; items: RenewalItem[] }>([...EXPERTS_KEY, 'renewals', months], '/appointments/renewals', { months }, { keep: true });

/** The renewal list as a file to download (the server writes it in the user's language). */
export const renewalListUrl = (months: number, format: FileFormat) => downloadUrl('/appointments/renewals', { months }, format);

/** A person's appointments, documents, visits and conferences together. */
export const useInboundRecord = (personId: number) => useApiGet<InboundRecord>([...EXPERTS_KEY, 'inbound-record', personId], `/people/${personId}/inbound-record`);

/** Move an appointment one step along its lifecycle. */
export const useAppointmentTransition = (id: number) => appointmentsApi.useTransition(id);

/** Propose the successor of an appointment (same person, title and unit; the next term); answers it. */
export const useAppointmentRenewal = (id: number) => appointmentsApi.useRenewal(id);

/** A person's expert documents (numbers only for roles that may see them). */
export const useExpertDocuments = (personId: number) =>
  useApiGet<ExpertDocument[]>([...EXPERTS_KEY, 'documents', personId], `/people/${personId}/expert-documents`);

/** Add, change and delete a person's expert documents; the renewal list and the records follow. */
export const useExpertDocumentWrites = (personId: number) =>
  useItemWrites<ExpertDocument, ExpertDocumentInput, ExpertDocumentUpdate>(`/people/${personId}/expert-documents`, () => [EXPERTS_KEY]);
