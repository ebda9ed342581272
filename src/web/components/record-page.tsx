import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useNavigate, useParams, type LinkProps } from '@tanstack/react-router';
import { Button, Card, Col, Flex, Popconfirm, Row, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import type { Entity } from '../../shared/policies.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import { can, canSeeAudit } from '../lib/permissions.ts';
import { useCurrentUser } from '../lib/session.ts';
import type { ContractForm, ObjectSchema } from '../lib/use-contract-form.ts';
import { useRecordEditing, type RecordEditingOptions } from '../lib/use-record-editing.ts';
import { BackLink } from './back-link.tsx';
import { PageHeader } from './page-header.tsx';
import { RecordHistory } from './record-history.tsx';
import { ErrorPage, LoadingPage } from './status-pages.tsx';

/** What the record page hands a module's form. */
export interface RecordFormProps<S extends ObjectSchema, V> {
  form: FormInstance<V>;
  contract: ContractForm<S>;
  initialValues: V;
  saving: boolean;
  onSubmit: (values: V) => void;
  onCancel: () => void;
}

/**
 * What a kind of record's page is made of, as data: who may change it (the policy table's
 * subject), its hooks, its contract, its messages and its list.
 */
export interface RecordKind<T, S extends ObjectSchema, V> {
  /** Decides the edit and delete buttons (the shared policy table) and names the history. */
  entity: Entity;
  resource: RecordEditingOptions<T, S, V>['resource'];
  schema: S;
  /** Message prefix: `<messages>.field.*` label the form, `<messages>.deleteConfirm` asks before deleting. */
  messages: string;
  toFormValues: (record: T) => V;
  /** The list the back button and a deletion lead to. */
  listPath: NonNullable<LinkProps['to']>;
}

interface RecordPageProps<T, S extends ObjectSchema, V> {
  kind: RecordKind<T, S, V>;
  /** What to send of a valid input, given the record as loaded (FIELD_RULES). */
  prepare?: RecordEditingOptions<T, S, V>['prepare'];
  header: (record: T) => { title: ReactNode; subtitle?: ReactNode };
  details: (record: T) => ReactNode;
  editForm: (props: RecordFormProps<S, V>, record: T) => ReactNode;
  /** Cards under the details (an agreement's lifecycle and documents, an institution's timeline). */
  below?: (record: T) => ReactNode;
  /** More buttons in the header, before edit and delete. */
  actions?: (record: T) => ReactNode;
  /** Narrows the policy table for one record (an agreement is deleted only before signature). */
  mayEdit?: (record: T) => boolean;
  mayDelete?: (record: T) => boolean;
}

/**
 * The page of one record: header with back, edit and delete (each only where the user may), the
 * details or the edit form, and the history for those who may see the audit log. A module declares
 * its header, its details and its form; its rights come from the policy table.
 */
export function RecordPage<T extends { id: number; version: number }, S extends ObjectSchema, V extends object>(props: RecordPageProps<T, S, V>) {
  // the record's id is the route's `$id`; a new id is a new page (its form and state start afresh)
  const id = Number(useParams({ strict: false }).id);
  return <OneRecord key={id} id={id} {...props} />;
}

function OneRecord<T extends { id: number; version: number }, S extends ObjectSchema, V extends object>({ id, ...props }: RecordPageProps<T, S, V> & { id: number }) {
  const { kind, prepare, header, details, editForm, below, actions, mayEdit = () => true, mayDelete = () => true } = props;
  const { entity, listPath, messages } = kind;
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const rec = useRecordEditing({ ...kind, id, prepare, labelPrefix: `${messages}.field`, onDeleted: () => navigate({ to: listPath }) });
  const record = rec.record;

  if (rec.isLoading) return <LoadingPage />;
  if (rec.error || !record) return <ErrorPage error={rec.error} />;

  const { title, subtitle } = header(record);
  const formProps: RecordFormProps<S, V> = {
    form: rec.form,
    contract: rec.contract,
    initialValues: kind.toFormValues(record),
    saving: rec.saving,
    onSubmit: (values) => void rec.save(record, values),
    onCancel: () => rec.setEditing(false),
  };

  return (
    <>
      <PageHeader
        title={title}
        subtitle={subtitle}
        extra={
          <>
            <BackLink to={listPath} />
            {actions?.(record)}
            {can(user, 'edit', entity) && mayEdit(record) && !rec.editing ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => rec.setEditing(true)}>
                {t('action.edit')}
              </Button>
            ) : null}
            {can(user, 'delete', entity) && mayDelete(record) ? (
              <Popconfirm title={t(`${messages}.deleteConfirm` as MessageKey)} description={t('common.deleteConfirm')} onConfirm={() => rec.destroy(record)}>
                <Button danger icon={<DeleteOutlined />} loading={rec.deleting}>
                  {t('action.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={canSeeAudit(user) ? 15 : 24}>
          <Card title={rec.editing ? t('action.edit') : t('common.details')}>{rec.editing ? editForm(formProps, record) : details(record)}</Card>
          {below ? <Flex vertical gap={16} style={{ marginTop: 16 }}>{below(record)}</Flex> : null}
        </Col>
        {canSeeAudit(user) ? (
          <Col xs={24} xl={9}>
            <Card title={t('common.history')}>
              <RecordHistory entity={entity} entityId={record.id} />
            </Card>
          </Col>
        ) : null}
      </Row>
    </>
  );
}
