import { DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Popconfirm, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ATTENDEE_IMPORT_MAX_BYTES, type Attendee, type Conference } from '../../../shared/contracts/conferences.ts';
import { CountryName } from '../../components/country-select.tsx';
import { ApiError, type ApiFieldError } from '../../lib/api.ts';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useDeleteAction } from '../../lib/use-delete-action.ts';
import { DocumentsButton } from '../documents/documents-button.tsx';
import { useAttendees, useAttendeeWrites } from './api.ts';
import { AttendeeDialog } from './attendee-dialog.tsx';
import { attendeeTemplateUrl } from './attendee-template.ts';
import { useConferenceLabels } from './conference-labels.tsx';
import { ImportProblems } from './import-problems.tsx';

const SPREADSHEETS = ['.xlsx', '.csv'];
const isSpreadsheet = (file: File) => SPREADSHEETS.some((ext) => file.name.toLowerCase().endsWith(ext));

/**
 * The attendee list: the table, an import from a spreadsheet (all or nothing: a refused file is
 * explained row by row), a template to fill in, and one attendee added or removed by hand.
 */
export function AttendeesCard({ conference: c, editable }: { conference: Conference; editable: boolean }) {
  const { t, locale, formatNumber } = useI18n();
  const labels = useConferenceLabels();
  const { message, modal } = App.useApp();
  const deleting = useDeleteAction();
  const { data, isLoading } = useAttendees(c.id);
  const { importFile, remove } = useAttendeeWrites(c.id);
  const [problems, setProblems] = useState<{ fileName: string; fields: ApiFieldError[] } | null>(null);
  const [adding, setAdding] = useState(false);

  const send = async (file: File) => {
    setProblems(null);
    try {
      const result = await importFile.mutateAsync({ file, version: c.version });
      void message.success(t('conf.import.done', { n: formatNumber(result.attendees), foreign: formatNumber(result.foreign), places: formatNumber(result.countries) }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.fields.length) setProblems({ fileName: file.name, fields: err.fields });
      else void message.error(errorText(err, locale));
    }
  };

  // the import replaces the list: say so before a list that is there goes
  const confirmReplace = (file: File) =>
    c.attendeeCount === 0
      ? Promise.resolve(file)
      : new Promise<File>((resolve, reject) =>
          modal.confirm({
            title: t('conf.import.replaceTitle'),
            content: t('conf.import.replaceText', { n: formatNumber(c.attendeeCount) }),
            okText: t('conf.import.replaceOk'),
            cancelText: t('action.cancel'),
            onOk: () => resolve(file),
            onCancel: () => reject(new Error('cancelled')),
          }),
        );

  const drop = (a: Attendee) => deleting(() => remove.mutateAsync({ attendeeId: a.id, version: c.version }));

  return (
    <Card
      title={t('conf.attendees')}
      data-testid="conference-attendees"
      extra={
        <Flex gap={8} wrap>
          <a href={attendeeTemplateUrl(locale)} download={t('conf.import.templateFile')} data-testid="attendee-template">
            <Button icon={<DownloadOutlined />}>{t('conf.import.template')}</Button>
          </a>
          {editable ? (
            <>
              <Upload
                accept={SPREADSHEETS.join(',')}
                showUploadList={false}
                beforeUpload={(file) => {
                  if (!isSpreadsheet(file)) {
                    void message.error(t('conf.import.fileType', { name: file.name }));
                    return Upload.LIST_IGNORE;
                  }
                  if (file.size > ATTENDEE_IMPORT_MAX_BYTES) {
                    void message.error(t('conf.import.fileTooBig', { name: file.name }));
                    return Upload.LIST_IGNORE;
                  }
                  return confirmReplace(file);
                }}
                customRequest={({ file, onSuccess }) => {
                  void send(file as File).then(() => onSuccess?.(null));
                }}
              >
                <Button icon={<UploadOutlined />} loading={importFile.isPending} data-testid="attendee-import">
                  {t('conf.import.button')}
                </Button>
              </Upload>
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
      {problems ? <ImportProblems fileName={problems.fileName} problems={problems.fields} onClose={() => setProblems(null)} /> : null}
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
