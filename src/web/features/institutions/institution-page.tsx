import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Popconfirm, Row } from 'antd';
import { useState } from 'react';
import { InstitutionInput, type Institution } from '../../../shared/contracts/institutions.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RecordHistory } from '../../components/record-history.tsx';
import { ErrorPage, LoadingPage } from '../../components/status-pages.tsx';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { displayNames } from '../../lib/names.ts';
import { can, canSeeAudit } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useContractForm } from '../../lib/use-contract-form.ts';
import { institutionKeys, useDeleteInstitution, useInstitution, useUpdateInstitution } from './api.ts';
import { toFormValues, type InstitutionFormValues } from './form-values.ts';
import { InstitutionDetails } from './institution-details.tsx';
import { InstitutionForm } from './institution-form.tsx';

const route = getRouteApi('/app/institutions/$id');

/** One institution: details or the edit form, and its history. */
export function InstitutionPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const id = Number(route.useParams().id);
  const { data: inst, error, isLoading } = useInstitution(id);
  const update = useUpdateInstitution(id);
  const remove = useDeleteInstitution();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<InstitutionFormValues>();
  const contract = useContractForm(InstitutionInput, 'inst.field');

  if (isLoading) return <LoadingPage />;
  if (error || !inst) return <ErrorPage error={error} />;

  const save = async (values: InstitutionFormValues) => {
    const input = contract.validate(form, values);
    if (!input) return;
    try {
      await update.mutateAsync({ ...input, version: inst.version });
      void message.success(t('common.saved'));
      setEditing(false);
    } catch (err) {
      contract.handleError(form, err, (current) => {
        const fresh = current as Institution;
        client.setQueryData(institutionKeys.one(id), fresh);
        form.setFieldsValue(toFormValues(fresh));
      });
    }
  };

  const destroy = async () => {
    try {
      await remove.mutateAsync({ id, version: inst.version });
      void message.success(t('common.deleted'));
      await navigate({ to: '/institutions' });
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  const { primary, secondary } = displayNames(inst, locale);
  const mayEdit = can(user, 'edit', 'institution');

  return (
    <>
      <PageHeader
        title={primary}
        subtitle={secondary}
        extra={
          <>
            <Link to="/institutions">
              <Button>{t('action.back')}</Button>
            </Link>
            {mayEdit && !editing ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('action.edit')}
              </Button>
            ) : null}
            {can(user, 'delete', 'institution') ? (
              <Popconfirm title={t('inst.deleteConfirm')} description={t('common.deleteConfirm')} onConfirm={destroy}>
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                  {t('action.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={canSeeAudit(user) ? 15 : 24}>
          <Card title={editing ? t('action.edit') : t('common.details')}>
            {editing ? (
              <InstitutionForm form={form} contract={contract} initialValues={toFormValues(inst)} saving={update.isPending} onSubmit={save} onCancel={() => setEditing(false)} />
            ) : (
              <InstitutionDetails institution={inst} />
            )}
          </Card>
        </Col>
        {canSeeAudit(user) ? (
          <Col xs={24} xl={9}>
            <Card title={t('common.history')}>
              <RecordHistory entity="institution" entityId={inst.id} />
            </Card>
          </Col>
        ) : null}
      </Row>
    </>
  );
}
