import { getRouteApi } from '@tanstack/react-router';
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

const route = getRouteApi('/app/institutions/$id');

/** One institution: details or the edit form, its agreements, everything done with it, and its history. */
export function InstitutionPage() {
  const { t, locale } = useI18n();
  const id = Number(route.useParams().id);

  return (
    <RecordPage
      key={id}
      resource={institutionsApi}
      id={id}
      schema={InstitutionInput}
      labelPrefix="inst.field"
      toFormValues={toFormValues}
      listPath="/institutions"
      entity="institution"
      header={(inst) => {
        const { primary, secondary } = displayNames(inst, locale);
        return { title: primary, subtitle: secondary };
      }}
      deleteConfirm={t('inst.deleteConfirm')}
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
