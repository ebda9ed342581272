import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
import { historyKey } from '../../components/record-history.tsx';
import { api, toQuery } from '../../lib/api.ts';
import { createResourceHooks } from '../../lib/resource-api.ts';
import type { ExpertsSearch } from './experts-search.ts';

/** Everything derived from appointments and documents: the figure, the renewal list, documents, inbound records. */
const EXPERTS_KEY = ['experts'] as const;

/** Appointments over the API; any write also refreshes the figure, the renewal list and the experts' records. */
export const appointmentsApi = createResourceHooks<Appointment, AppointmentInput, AppointmentUpdate, ExpertsSearch>({
  key: 'appointments',
  path: '/appointments',
  entity: 'appointment',
  filters: (search) => ({
    title: search.title,
    status: search.status,
    unitId: search.unitId,
    country: search.country,
    inForce: search.inForce,
    asOf: search.asOf,
  }),
  alsoOnWrite: [EXPERTS_KEY],
});

/** "Experts engaged" on a date (today when absent). */
export function useExpertsEngaged(asOf: string | undefined) {
  return useQuery({
    queryKey: [...EXPERTS_KEY, 'engaged', asOf ?? null],
    queryFn: ({ signal }) => api.get<ExpertsEngaged>(`/experts/engaged${toQuery({ asOf })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** Terms and expert documents ending within `months`, soonest first. */
export function useRenewalList(months: number) {
  return useQuery({
    queryKey: [...EXPERTS_KEY, 'renewals', months],
    queryFn: ({ signal }) => api.get<{ asOf: string; months: number; items: RenewalItem[] }>(`/appointments/renewals${toQuery({ months })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** The renewal list as a file to download (the server writes it in the user's language). */
export const renewalListUrl = (months: number, format: 'csv' | 'xlsx') => `/api/appointments/renewals${toQuery({ months, format })}`;

/** A person's appointments, documents, visits and conferences together. */
export function useInboundRecord(personId: number) {
  return useQuery({
    queryKey: [...EXPERTS_KEY, 'inbound-record', personId],
    queryFn: ({ signal }) => api.get<InboundRecord>(`/people/${personId}/inbound-record`, signal),
  });
}

/** After a write that answered with the appointment: cache it, refresh what depends on it. */
function useAfterWrite() {
  const client = useQueryClient();
  return (saved: Appointment) => {
    client.setQueryData(appointmentsApi.keys.one(saved.id), saved);
    void client.invalidateQueries({ queryKey: appointmentsApi.keys.lists });
    void client.invalidateQueries({ queryKey: historyKey('appointment', saved.id) });
    void client.invalidateQueries({ queryKey: EXPERTS_KEY });
  };
}

/** Move an appointment one step along its lifecycle. */
export function useAppointmentTransition(id: number) {
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: (step: AppointmentTransition) => api.post<Appointment>(`/appointments/${id}/transitions`, step),
    onSuccess: afterWrite,
  });
}

/** Propose the successor of an appointment (same person, title and unit; the next term); answers it. */
export function useAppointmentRenewal(id: number) {
  const client = useQueryClient();
  const afterWrite = useAfterWrite();
  return useMutation({
    mutationFn: (version: number) => api.post<Appointment>(`/appointments/${id}/renewal`, { version }),
    onSuccess: (successor) => {
      afterWrite(successor);
      // the predecessor now names its successor
      void client.invalidateQueries({ queryKey: appointmentsApi.keys.one(id) });
      void client.invalidateQueries({ queryKey: historyKey('appointment', id) });
    },
  });
}

/** A person's expert documents (numbers only for roles that may see them). */
export function useExpertDocuments(personId: number) {
  return useQuery({
    queryKey: [...EXPERTS_KEY, 'documents', personId],
    queryFn: ({ signal }) => api.get<ExpertDocument[]>(`/people/${personId}/expert-documents`, signal),
  });
}

/** Add, change and delete a person's expert documents; the renewal list and the records follow. */
export function useExpertDocumentWrites(personId: number) {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: EXPERTS_KEY });
  const path = `/people/${personId}/expert-documents`;
  return {
    create: useMutation({
      mutationFn: (input: ExpertDocumentInput) => api.post<ExpertDocument>(path, input),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, update }: { id: number; update: ExpertDocumentUpdate }) => api.patch<ExpertDocument>(`${path}/${id}`, update),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: ({ id, version }: { id: number; version: number }) => api.del(`${path}/${id}${toQuery({ version })}`),
      onSuccess: refresh,
    }),
  };
}
