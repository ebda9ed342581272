import { InstitutionInput } from '../../../shared/contracts/institutions.ts';
import { useNavigate } from '@tanstack/react-router';
import { InstitutionSelect } from '../../components/institution-select.tsx';
import { MergeAction } from '../../components/merge-dialog.tsx';
import { RecordPage } from '../../components/record-page.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { displayNames } from '../../lib/names.ts';
import { institutionsApi } from './api.ts';
import { toFormValues } from './form-values.ts';
import { InstitutionDetails } from './institution-details.tsx';
import { InstitutionAgreements } from './institution-agreements.tsx';
import { InstitutionForm } from './institution-form.tsx';
import { InstitutionTimeline } from './institution-timeline.tsx';

/** One institution: details or the edit form, its agreements, everything done with it, its history, and the office's merge into another. */
export function InstitutionPage() {
  const { locale } = useI18n();
  const navigate = useNavigate();

  return (
    <RecordPage
      kind={{ entity: 'institution', resource: institutionsApi, schema: InstitutionInput, messages: 'inst', toFormValues: toFormValues, listPath: '/institutions' }}
      header={(inst) => {
        const { primary, secondary } = displayNames(inst, locale);
        return { title: primary, subtitle: secondary };
      }}
      actions={(inst) => (
        <MergeAction
          entity="institution"
          resource="institutions"
          record={inst}
          name={displayNames(inst, locale).primary}
          picker={({ value, onChange, id }) => <InstitutionSelect id={id} value={value} onChange={(v) => onChange(v ?? undefined)} style={{ width: '100%' }} data-testid="merge-into" />}
          onMerged={(into) => void navigate({ to: '/institutions/$id', params: { id: String(into) } })}
        />
      )}
      details={(inst) => <InstitutionDetails institution={inst} />}
      editForm={(props) => <InstitutionForm {...props} />}
      below={(inst) => (
        <>
          <InstitutionAgreements institutionId={inst.id} />
          <InstitutionTimeline institutionId={inst.id} />
        </>
      )}
    />
  );
}
