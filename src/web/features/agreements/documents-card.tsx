import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Table, Typography, Upload } from 'antd';
import { AGREEMENT_DOCUMENT_MAX_BYTES, AGREEMENT_DOCUMENT_TYPES, type Agreement, type AgreementDocument } from '../../../shared/contracts/agreements.ts';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { documentUrl, useDocuments } from './api.ts';

// Some systems give TIFF scans no media type; the server checks the content anyway.
const EXTENSIONS = ['.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff'];
const acceptable = (file: File) => (AGREEMENT_DOCUMENT_TYPES as readonly string[]).includes(file.type) || EXTENSIONS.some((ext) => file.name.toLowerCase().endsWith(ext));

/** A size in KB or MB, in the interface language's digits. */
function formatSize(bytes: number, formatNumber: (n: number) => string): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** The signed documents of an agreement: upload a scan (type and size checked first), download, delete. */
export function DocumentsCard({ agreement: a, editable }: { agreement: Agreement; editable: boolean }) {
  const { t, locale, formatNumber, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const { upload, remove } = useDocuments(a.id);

  const send = async (file: File) => {
    try {
      await upload.mutateAsync(file);
      void message.success(t('agr.uploaded', { name: file.name }));
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  const drop = async (doc: AgreementDocument) => {
    try {
      await remove.mutateAsync(doc.id);
      void message.success(t('common.deleted'));
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  return (
    <Card
      title={t('agr.documents')}
      data-testid="agreement-documents"
      extra={
        editable ? (
          <Upload
            accept={[...AGREEMENT_DOCUMENT_TYPES, ...EXTENSIONS].join(',')}
            showUploadList={false}
            multiple
            beforeUpload={(file) => {
              if (!acceptable(file)) {
                void message.error(t('agr.fileType', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              if (file.size > AGREEMENT_DOCUMENT_MAX_BYTES) {
                void message.error(t('agr.fileTooBig', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              void send(file as File).then(() => onSuccess?.(null), (err: unknown) => onError?.(err as Error));
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="agreement-upload">
              {t('agr.upload')}
            </Button>
          </Upload>
        ) : null
      }
    >
      {editable ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('agr.uploadHint')}
        </Typography.Paragraph>
      ) : null}
      {a.documents.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agr.noDocuments')} />
      ) : (
        <Table<AgreementDocument>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={a.documents}
          columns={[
            {
              key: 'fileName',
              title: t('agr.documents'),
              render: (_, doc) => (
                <a href={documentUrl(a.id, doc.id)} download={doc.fileName}>
                  <DownloadOutlined /> {doc.fileName}
                </a>
              ),
            },
            { key: 'size', title: t('agr.size'), width: 100, render: (_, doc) => formatSize(doc.sizeBytes, formatNumber) },
            { key: 'createdAt', title: t('common.createdAt'), width: 170, render: (_, doc) => formatDateTime(doc.createdAt) },
            ...(editable
              ? [
                  {
                    key: 'actions',
                    title: '',
                    width: 56,
                    render: (_: unknown, doc: AgreementDocument) => (
                      <Popconfirm title={t('agr.documentDeleteConfirm')} onConfirm={() => drop(doc)}>
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
