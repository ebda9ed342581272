import { Typography } from 'antd';
import type { ConferenceInput, ConferenceStatus } from '../../../shared/contracts/conferences.ts';
import { RecordForm, type FormBinding } from '../../components/record-form.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useSettingValue } from '../settings/api.ts';
import { CoOrganizersField } from './co-organizers-field.tsx';
import { CONFERENCE_FIELDS } from './conference-fields.ts';
import type { ConferenceFormValues } from './conference-values.ts';

interface ConferenceFormProps extends FormBinding<typeof ConferenceInput, ConferenceFormValues> {
  /** The conference's status when editing; absent for a new one. */
  status?: ConferenceStatus;
  /** Names of the co-organizers already chosen. */
  partnerLabels?: ReadonlyMap<number, string>;
}

/**
 * The conference form (CONFERENCE_FIELDS) with its co-organizers; the summary once the conference
 * is held (closing submits it), and what makes a conference major as the office has set it.
 */
export function ConferenceForm({ status, partnerLabels, onSubmit, ...binding }: ConferenceFormProps) {
  const { t, formatNumber } = useI18n();
  const threshold = useSettingValue('conference.majorForeignParticipants');
  const { form, contract } = binding;
  const held = status === 'held' || status === 'closed';
  return (
    <RecordForm
      {...binding}
      // a co-organizer row left empty is no co-organizer
      onSubmit={(values) => onSubmit({ ...values, partners: (values.partners ?? []).filter((p) => p.institutionId != null) })}
      layout={CONFERENCE_FIELDS}
      saveTestId="conference-save"
      coordinatorNote="conf.coordinatorNote"
      omit={held ? [] : ['summary']}
      extras={{
        foreignParticipants: threshold === undefined ? null : t('conf.majorHint', { n: formatNumber(threshold) }),
        summary: status === 'held' ? t('conf.summaryDraftHint') : null,
      }}
      slots={{ coOrganizers: <CoOrganizersField form={form} contract={contract} initialLabels={partnerLabels} /> }}
      after={status === undefined ? <Typography.Paragraph type="secondary">{t('conf.newHint')}</Typography.Paragraph> : null}
    />
  );
}
