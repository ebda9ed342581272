import { Link } from '@tanstack/react-router';
import { Alert, Button, Card, Segmented, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { InstitutionInput, type CatalogueEntry, type Institution } from '../../../shared/contracts/institutions.ts';
import { BackLink } from '../../components/back-link.tsx';
import { CreateForm } from '../../components/create-page.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ForbiddenPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { institutionsApi } from './api.ts';
import { prefillFrom } from './catalogue-prefill.ts';
import { CataloguePicker } from './catalogue-picker.tsx';
import type { InstitutionFormValues } from './form-values.ts';
import { InstitutionForm } from './institution-form.tsx';

type Mode = 'catalogue' | 'blank';

/** The form of a new institution; remounted (fresh) for each catalogue pick. */
function NewInstitutionForm({ initialValues, notice }: { initialValues?: InstitutionFormValues; notice?: ReactNode }) {
  return (
    <CreateForm<Institution, typeof InstitutionInput, InstitutionFormValues> entity="institution" messages="inst" record="/institutions/$id" resource={institutionsApi} schema={InstitutionInput}>
      {(binding) => <InstitutionForm {...binding} initialValues={initialValues} notice={notice} />}
    </CreateForm>
  );
}

/** Add an institution, from the reference catalogue (pre-filled) or from a blank form. */
export function InstitutionCreatePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [mode, setMode] = useState<Mode>('catalogue');
  const [picked, setPicked] = useState<CatalogueEntry | null>(null);

  if (!can(user, 'create', 'institution')) return <ForbiddenPage />;

  const switchMode = (next: Mode) => {
    setMode(next);
    setPicked(null);
  };
  const duplicate = picked?.institutionId ? picked : null;
  const prefilled = picked && !duplicate ? picked : null;

  return (
    <>
      <PageHeader
        title={t('inst.newTitle')}
        extra={<BackLink to="/institutions" />}
      />
      <Card>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Segmented<Mode>
            value={mode}
            onChange={switchMode}
            options={[
              { value: 'catalogue', label: t('inst.fromCatalogue') },
              { value: 'blank', label: t('inst.blankForm') },
            ]}
          />
          {mode === 'catalogue' ? (
            <>
              <Typography.Text type="secondary">{t('inst.catalogueHint')}</Typography.Text>
              <CataloguePicker onPick={setPicked} />
            </>
          ) : null}
          {duplicate ? (
            <Alert
              type="warning"
              showIcon
              title={t('inst.alreadyAddedAlert')}
              action={
                <Link to="/institutions/$id" params={{ id: String(duplicate.institutionId) }}>
                  <Button size="small">{t('inst.openExisting')}</Button>
                </Link>
              }
            />
          ) : null}
          {mode === 'blank' ? <NewInstitutionForm key="blank" /> : null}
          {prefilled ? (
            <NewInstitutionForm
              key={prefilled.ref}
              initialValues={prefillFrom(prefilled)}
              notice={<Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('inst.prefilled', { source: prefilled.source.toUpperCase(), ref: prefilled.ref })} />}
            />
          ) : null}
        </Space>
      </Card>
    </>
  );
}
