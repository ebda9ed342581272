import { AgreementInput, DELETABLE_STATUSES, RENEWABLE_STATUSES, type Agreement } from '../../../shared/contracts/agreements.ts';
import type { CurrentUser } from '../../../shared/contracts/auth.ts';
import { RecordPage } from '../../components/record-page.tsx';
import { RenewButton } from '../../components/renew-button.tsx';
import { WorkflowCard } from '../../components/workflow-card.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { actsForOffice, can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { AgreementDetails } from './agreement-details.tsx';
import { AgreementForm } from './agreement-form.tsx';
import { agreementTitle, partnerName } from './agreement-labels.tsx';
import { toAgreementFormValues } from './agreement-values.ts';
import { agreementsApi, useRenewal, useTransition } from './api.ts';
import { AGREEMENT_WORKFLOW } from './agreement-workflow.ts';
import { DocumentsCard } from './documents-card.tsx';
import { AgreementEwpCard } from './ewp-card.tsx';

/** Whether this user may change this agreement: institutional agreements are the office's, not a coordinator's. */
function mayChange(user: CurrentUser, a: Agreement): boolean {
  return can(user, 'edit', 'agreement') && (user.role !== 'coordinator' || a.level === 'collegiate');
}

/** One agreement: details or the edit form, its lifecycle and renewal, its signed documents, its EWP standing, its history. */
export function AgreementPage() {
  const { locale } = useI18n();
  const user = useCurrentUser();

  return (
    <RecordPage
      kind={{ entity: 'agreement', resource: agreementsApi, schema: AgreementInput, messages: 'agr', toFormValues: toAgreementFormValues, listPath: '/agreements' }}
      header={(a) => {
        const title = agreementTitle(a, locale);
        const other = locale === 'zh' ? a.titleEn : a.titleZh;
        return { title, subtitle: [other, a.partners.map((p) => partnerName(p, locale)).join(' · ')].filter(Boolean).join(' — ') };
      }}
      mayEdit={(a) => mayChange(user, a)}
      mayDelete={(a) => mayChange(user, a) && DELETABLE_STATUSES.includes(a.status)}
      details={(a) => <AgreementDetails agreement={a} />}
      editForm={(props, a) => (
        <AgreementForm {...props} partnerLabels={new Map(a.partners.map((p) => [p.institutionId, partnerName(p, locale)]))} />
      )}
      below={(a) => (
        <>
          <WorkflowCard
            record={a}
            workflow={AGREEMENT_WORKFLOW}
            useTransition={useTransition}
            editable={mayChange(user, a)}
            extra={RENEWABLE_STATUSES.includes(a.status) && a.successorId == null ? <RenewButton record={a} useRenewal={useRenewal} messages="agr" to="/agreements/$id" testId="agreement-renew" /> : null}
          />
          <DocumentsCard agreement={a} editable={mayChange(user, a)} />
          {/* Accepting a partner's value is the office's to offer (the server lets whoever may change the agreement). */}
          <AgreementEwpCard agreement={a} mayAccept={actsForOffice(user) && mayChange(user, a)} office={actsForOffice(user)} />
        </>
      )}
    />
  );
}
