import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Table, Typography, Upload } from 'antd';
import { AGREEMENT_DOCUMENT_TYPES } from '../../../shared/contracts/agreements.ts';
import { VISIT_FILE_MAX_BYTES, type Visit, type VisitFile } from '../../../shared/contracts/visits.ts';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useVisitFiles, visitFileUrl } from './api.ts';

// The server reads a visit file's type from its first bytes with the agreements' reader, so the
// same types are accepted; some systems give TIFF scans no media type, hence the extensions.
const EXTENSIONS = ['.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff'];
const acceptable = (file: File) => (AGREEMENT_DOCUMENT_TYPES as readonly string[]).includes(file.type) || EXTENSIONS.some((ext) => file.name.toLowerCase().endsWith(ext));

/** A size in KB or MB, in the interface language's digits. */
function formatSize(bytes: number, formatNumber: (n: number) => string): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** The photos and signed minutes of a visit: upload (type and size checked first), download, delete. */
export function VisitFilesCard({ visit: v, editable }: { visit: Visit; editable: boolean }) {
  const { t, locale, formatNumber, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const { upload, remove } = useVisitFiles(v.id);

  const send = async (file: File) => {
    try {
      await upload.mutateAsync(file);
      void message.success(t('visit.uploaded', { name: file.name }));
    } catch (err) {
      void message.error(errorText(err, locale));
      throw err;
    }
  };

  const drop = async (file: VisitFile) => {
    try {
      await remove.mutateAsync(file.id);
      void message.success(t('common.deleted'));
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  return (
    <Card
      title={t('visit.files')}
      data-testid="visit-files"
      extra={
        editable ? (
          <Upload
            accept={[...AGREEMENT_DOCUMENT_TYPES, ...EXTENSIONS].join(',')}
            showUploadList={false}
            multiple
            beforeUpload={(file) => {
              if (!acceptable(file)) {
                void message.error(t('visit.fileType', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              if (file.size > VISIT_FILE_MAX_BYTES) {
                void message.error(t('visit.fileTooBig', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              void send(file as File).then(() => onSuccess?.(null), (err: unknown) => onError?.(err as Error));
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="visit-upload">
              {t('visit.upload')}
            </Button>
          </Upload>
        ) : null
      }
    >
      {editable ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('visit.uploadHint')}
        </Typography.Paragraph>
      ) : null}
      {v.files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visit.noFiles')} />
      ) : (
        <Table<VisitFile>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={v.files}
          columns={[
            {
              key: 'fileName',
              title: t('visit.file'),
              render: (_, file) => (
                <a href={visitFileUrl(v.id, file.id)} download={file.fileName}>
                  <DownloadOutlined /> {file.fileName}
                </a>
              ),
            },
            { key: 'size', title: t('visit.size'), width: 100, render: (_, file) => formatSize(file.sizeBytes, formatNumber) },
            { key: 'createdAt', title: t('common.createdAt'), width: 170, render: (_, file) => formatDateTime(file.createdAt) },
            ...(editable
              ? [
                  {
                    key: 'actions',
                    title: '',
                    width: 56,
                    render: (_: unknown, file: VisitFile) => (
                      <Popconfirm title={t('visit.fileDeleteConfirm')} onConfirm={() => drop(file)}>
                        <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} />
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
