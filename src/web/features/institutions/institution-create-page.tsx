import { Link } from '@tanstack/react-router';
import { Alert, Button, Card, Segmented, Space, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { InstitutionInput, type CatalogueEntry, type Institution, type InstitutionMatch } from '../../../shared/contracts/institutions.ts';
import { nameIn } from '../../../shared/i18n/name-in.ts';
import { ApiError } from '../../lib/api.ts';
import { BackLink } from '../../components/back-link.tsx';
import { CreateForm } from '../../components/create-page.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ForbiddenPage } from '../../components/status-pages.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { institutionsApi } from './api.ts';
import { prefillFrom } from './catalogue-prefill.ts';
import { CataloguePicker } from './catalogue-picker.tsx';
import type { InstitutionFormValues } from './form-values.ts';
import { InstitutionForm } from './institution-form.tsx';

type Mode = 'catalogue' | 'blank';

/** The institution on file that the server took this one for, with a link to it and the choice to create anyway. */
function ExistingInstitution({ match, onCreateAnyway }: { match: InstitutionMatch; onCreateAnyway: () => void }) {
  const { t, locale } = useI18n();
  const reasons = match.reasons.map((r) => t(`merge.reason.${r}` as MessageKey)).join(locale === 'zh' ? '、' : ', ');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="institution-exists"
      title={t('merge.existsTitle')}
      description={t('merge.existsBody', { name: nameIn(locale, match.nameEn, match.nameZh, match.nameFr), reasons })}
      action={
        <Space orientation="vertical">
          <Link to="/institutions/$id" params={{ id: String(match.id) }} data-testid="institution-exists-open">
            {t('inst.openExisting')}
          </Link>
          <Button size="small" onClick={onCreateAnyway} data-testid="institution-create-anyway">
            {t('merge.createAnyway')}
          </Button>
        </Space>
      }
    />
  );
}

/**
 * The form of a new institution; remounted (fresh) for each catalogue pick. One the server finds
 * on file already (same website domain, catalogue entry or identifier) is shown, to open it or
 * to create this one anyway (sent again with `createAnyway`).
 */
function NewInstitutionForm({ initialValues, notice }: { initialValues?: InstitutionFormValues; notice?: ReactNode }) {
  const [existing, setExisting] = useState<InstitutionMatch | null>(null);
  const anyway = useRef(false);
  const onError = (err: unknown) => {
    anyway.current = false;
    if (!(err instanceof ApiError) || err.code !== 'institution_exists') return false;
    setExisting(err.current as InstitutionMatch);
    return true;
  };
  return (
    <CreateForm<Institution, typeof InstitutionInput, InstitutionFormValues>
      entity="institution"
      messages="inst"
      record="/institutions/$id"
      resource={institutionsApi}
      schema={InstitutionInput}
      prepare={(input) => ({ ...input, ...(anyway.current ? { createAnyway: true } : {}) })}
      onError={onError}
    >
      {(binding) => {
        const createAnyway = () => {
          anyway.current = true;
          setExisting(null);
          binding.form.submit();
        };
        const shown = existing ? <ExistingInstitution match={existing} onCreateAnyway={createAnyway} /> : null;
        return <InstitutionForm {...binding} initialValues={initialValues} notice={notice || shown ? <>{notice}{shown}</> : undefined} />;
      }}
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
