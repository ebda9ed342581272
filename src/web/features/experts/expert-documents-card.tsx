import { DeleteOutlined, EditOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Button, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { TableCard } from '../../components/table-card.tsx';
import type { Appointment, ExpertDocument } from '../../../shared/contracts/appointments.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useDeleteAction } from '../../lib/use-delete-action.ts';
import { useExpertDocuments, useExpertDocumentWrites } from './api.ts';
import { useAppointmentLabels } from './appointment-labels.tsx';
import { ExpertDocumentDialog } from './expert-document-dialog.tsx';
import { ExpiryDate } from './expiry-tag.tsx';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * The documents a foreign expert needs (contract, work permit, residence permit, visa) with their
 * expiry dates: this appointment's and the person's own. Numbers appear only when the API sends them.
 */
export function ExpertDocumentsCard({ appointment: a }: { appointment: Appointment }) {
  const { t } = useI18n();
  const labels = useAppointmentLabels();
  const deleting = useDeleteAction();
  const user = useCurrentUser();
  const { data, isLoading } = useExpertDocuments(a.personId);
  const { remove } = useExpertDocumentWrites(a.personId);
  const [dialog, setDialog] = useState<{ document?: ExpertDocument } | null>(null);
  const editable = can(user, 'edit', 'appointment');
  const documents = data ?? [];
  const withNumbers = documents.some((d) => d.number !== undefined);

  const drop = (d: ExpertDocument) => deleting(() => remove.mutateAsync({ id: d.id, version: d.version }));

  return (
    <TableCard
      title={t('exp.doc.title')}
      testId="expert-documents"
      extra={
        editable ? (
          <Button icon={<PlusOutlined />} onClick={() => setDialog({})} data-testid="expert-document-add">
            {t('exp.doc.add')}
          </Button>
        ) : null
      }
      empty={isLoading ? t('common.loading') : t('exp.doc.none')}
      rows={documents}
      columns={[
        { key: 'kind', title: t('exp.doc.field.kind'), render: (_, d) => <span style={NOWRAP}>{labels.documentKind(d.kind)}</span> },
        ...(withNumbers
          ? [
              {
                key: 'number',
                title: (
                  <span>
                    <LockOutlined /> {t('exp.doc.field.number')}
                  </span>
                ),
                render: (_: unknown, d: ExpertDocument) => <span style={NOWRAP}>{d.number ?? t('common.empty')}</span>,
              },
            ]
          : []),
        { key: 'issuedOn', title: t('exp.doc.field.issuedOn'), render: (_, d) => <span style={NOWRAP}>{d.issuedOn ?? t('common.empty')}</span> },
        { key: 'expiresOn', title: t('exp.doc.field.expiresOn'), render: (_, d) => <ExpiryDate date={d.expiresOn} /> },
        {
          key: 'appointment',
          title: t('exp.doc.field.appointmentId'),
          render: (_, d) =>
            d.appointmentId === null ? (
              <Typography.Text type="secondary">{t('exp.doc.personOnly')}</Typography.Text>
            ) : d.appointmentId === a.id ? (
              t('exp.doc.thisOne')
            ) : (
              <Link to="/experts/appointments/$id" params={{ id: String(d.appointmentId) }}>
                #{d.appointmentId}
              </Link>
            ),
        },
        ...(documents.some((d) => d.notes) ? [{ key: 'notes', title: t('exp.doc.field.notes'), render: (_: unknown, d: ExpertDocument) => d.notes ?? '' }] : []),
        ...(editable
          ? [
              {
                key: 'actions',
                title: '',
                width: 90,
                render: (_: unknown, d: ExpertDocument) => (
                  <Flex gap={4}>
                    <Button type="text" icon={<EditOutlined />} aria-label={t('action.edit')} onClick={() => setDialog({ document: d })} />
                    <Popconfirm title={t('exp.doc.deleteConfirm')} onConfirm={() => drop(d)}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} />
                    </Popconfirm>
                  </Flex>
                ),
              },
            ]
          : []),
      ]}
    >
      {dialog ? <ExpertDocumentDialog personId={a.personId} appointmentId={a.id} document={dialog.document} onClose={() => setDialog(null)} /> : null}
    </TableCard>
  );
}
