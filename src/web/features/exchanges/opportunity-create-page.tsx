import { OpportunityInput, type Opportunity } from '../../../shared/contracts/exchanges.ts';
import { CreatePage } from '../../components/create-page.tsx';
import { RecordForm } from '../../components/record-form.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { opportunitiesApi } from './api.ts';
import { OPPORTUNITY_FIELDS } from './exchange-fields.ts';

type OpportunityFormValues = Partial<Record<keyof OpportunityInput, unknown>>;

/** A partner's places for an academic year, offered by one of our units; then its page. */
export function OpportunityCreatePage() {
  const user = useCurrentUser();
  // an academic year is named by the year it starts: from September, the coming one is next year's
  const now = new Date();
  const initialValues: OpportunityFormValues = {
    academicYear: now.getUTCMonth() >= 8 ? now.getUTCFullYear() + 1 : now.getUTCFullYear(),
    places: 1,
    unitId: user.role === 'coordinator' ? user.unitId : undefined,
  };

  return (
    <CreatePage<Opportunity, typeof OpportunityInput, OpportunityFormValues> entity="exchange" messages="xchg" title="xchg.newOpportunity" record="/exchanges/opportunities/$id" resource={opportunitiesApi} schema={OpportunityInput}>
      {(binding) => <RecordForm {...binding} initialValues={initialValues} layout={OPPORTUNITY_FIELDS} testId="opportunity-form" saveTestId="opportunity-save" />}
    </CreatePage>
  );
}
