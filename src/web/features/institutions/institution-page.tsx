import { InstitutionInput } from '../../../shared/contracts/institutions.ts';
import { RecordPage } from '../../components/record-page.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { displayNames } from '../../lib/names.ts';
import { institutionsApi } from './api.ts';
import { toFormValues } from './form-values.ts';
import { InstitutionDetails } from './institution-details.tsx';
import { InstitutionAgreements } from './institution-agreements.tsx';
import { InstitutionForm } from './institution-form.tsx';
import { InstitutionTimeline } from './institution-timeline.tsx';

/** One institution: details or the edit form, its agreements, everything done with it, and its history. */
export function InstitutionPage() {
  const { locale } = useI18n();

  return (
    <RecordPage
      kind={{ entity: 'institution', resource: institutionsApi, schema: InstitutionInput, messages: 'inst', toFormValues: toFormValues, listPath: '/institutions' }}
      header={(inst) => {
        const { primary, secondary } = displayNames(inst, locale);
        return { title: primary, subtitle: secondary };
      }}
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
