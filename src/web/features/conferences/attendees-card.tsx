import { DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { Attendee, Conference } from '../../../shared/contracts/conferences.ts';
import { CountryName } from '../../components/country-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useDeleteAction } from '../../lib/use-delete-action.ts';
import { DocumentsButton } from '../documents/documents-button.tsx';
import { useAttendees, useAttendeeWrites } from './api.ts';
import { AttendeeDialog } from './attendee-dialog.tsx';
import { useConferenceLabels } from './conference-labels.tsx';

/**
 * The attendee list: the table, a link to the import page for this conference (the `attendees`
 * kind of import), its template, and one attendee added or removed by hand.
 */
export function AttendeesCard({ conference: c, editable }: { conference: Conference; editable: boolean }) {
  const { t, formatNumber } = useI18n();
  const labels = useConferenceLabels();
  const deleting = useDeleteAction();
  const { data, isLoading } = useAttendees(c.id);
  const { remove } = useAttendeeWrites(c.id);
  const [adding, setAdding] = useState(false);

  const drop = (a: Attendee) => deleting(() => remove.mutateAsync({ attendeeId: a.id, version: c.version }));

  return (
    <Card
      title={t('conf.attendees')}
      data-testid="conference-attendees"
      extra={
        <Flex gap={8} wrap>
          <a href="/api/imports/attendees/template" download data-testid="attendee-template">
            <Button icon={<DownloadOutlined />}>{t('conf.import.template')}</Button>
          </a>
          {editable ? (
            <>
              {/* A file of attendees goes through the import page, for this conference: upload, columns, preview, commit. */}
              <Link to="/imports" search={{ kind: 'attendees', conference: c.id }}>
                <Button icon={<UploadOutlined />} data-testid="attendee-import">
                  {t('conf.import.button')}
                </Button>
              </Link>
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="attendee-add">
                {t('conf.attendee.add')}
              </Button>
            </>
          ) : null}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('conf.attendeeCounts', { n: formatNumber(c.attendeeCount), foreign: formatNumber(c.foreignAttendeeCount), places: formatNumber(c.attendeeCountries) })}
        {editable ? ` ${t('conf.import.hint')}` : ''}
      </Typography.Paragraph>
      <Table<Attendee>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data ?? []}
        pagination={(data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        data-testid="attendee-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('conf.noAttendees')} /> }}
        columns={[
          { key: 'fullName', title: t('conf.attendee.fullName'), render: (_, a) => a.fullName },
          {
            key: 'country',
            title: t('conf.attendee.countryCode'),
            width: 200,
            render: (_, a) => (
              <span>
                <CountryName code={a.countryCode} /> {a.isForeign ? <Tag color="blue">{t('conf.foreign')}</Tag> : null}
              </span>
            ),
          },
          { key: 'institution', title: t('conf.attendee.institutionName'), render: (_, a) => a.institutionName ?? t('common.empty') },
          { key: 'role', title: t('conf.attendee.role'), width: 140, render: (_, a) => labels.role(a.role) },
          {
            key: 'certificate',
            title: t('documents.kind.attendance_certificate'),
            width: 150,
            render: (_, a) => (
              <DocumentsButton
                kinds={['attendance_certificate']}
                record={{ recordId: c.id, memberId: a.id }}
                period={{ start: c.startDate, end: c.endDate }}
                label={t('documents.certificateButton')}
                small
                testId={`attendee-certificate-${a.id}`}
              />
            ),
          },
          ...(editable
            ? [
                {
                  key: 'actions',
                  title: '',
                  width: 56,
                  render: (_: unknown, a: Attendee) => (
                    <Popconfirm title={t('conf.attendee.deleteConfirm')} onConfirm={() => drop(a)}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding ? <AttendeeDialog conference={c} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}
