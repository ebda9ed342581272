import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Table, Typography, Upload } from 'antd';
import { AGREEMENT_DOCUMENT_TYPES } from '../../shared/contracts/agreements.ts';
import { errorText } from '../lib/errors.ts';
import { useI18n } from '../lib/i18n.tsx';

// The server reads a stored file's type from its first bytes (PDF or image); some systems give
// TIFF scans no media type, hence the extensions.
const EXTENSIONS = ['.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff'];
const acceptable = (file: File) => (AGREEMENT_DOCUMENT_TYPES as readonly string[]).includes(file.type) || EXTENSIONS.some((ext) => file.name.toLowerCase().endsWith(ext));

/** One stored file as the card lists it. */
export interface Attachment {
  id: number;
  fileName: string;
  sizeBytes: number;
  createdAt: string;
}

/** The texts of an attachments card; the `(name)` ones take the file's name. */
export interface AttachmentTexts {
  title: string;
  fileColumn: string;
  size: string;
  upload: string;
  uploadHint: string;
  empty: string;
  deleteConfirm: string;
  uploaded: (name: string) => string;
  fileType: (name: string) => string;
  fileTooBig: (name: string) => string;
}

export interface AttachmentsCardProps {
  files: readonly Attachment[];
  /** Sends one file (its query keys refreshed by the mutation itself). */
  upload: { mutateAsync: (file: File) => Promise<unknown>; isPending: boolean };
  /** Deletes one file by its id. */
  remove: { mutateAsync: (fileId: number) => Promise<unknown> };
  /** The download address of one file. */
  fileUrl: (fileId: number) => string;
  /** Whether the user may upload and delete. */
  editable: boolean;
  maxBytes: number;
  texts: AttachmentTexts;
  testId: string;
  uploadTestId: string;
}

/** A size in KB or MB, in the interface language's digits. */
function formatSize(bytes: number, formatNumber: (n: number) => string): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** The PDF or image files of a record: upload (type and size checked first), download, delete. */
export function AttachmentsCard({ files, upload, remove, fileUrl, editable, maxBytes, texts, testId, uploadTestId }: AttachmentsCardProps) {
  const { t, locale, formatNumber, formatDateTime } = useI18n();
  const { message } = App.useApp();

  const send = async (file: File) => {
    try {
      await upload.mutateAsync(file);
      void message.success(texts.uploaded(file.name));
    } catch (err) {
      void message.error(errorText(err, locale));
      throw err;
    }
  };

  const drop = async (file: Attachment) => {
    try {
      await remove.mutateAsync(file.id);
      void message.success(t('common.deleted'));
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  const uploadButton = (
    <Upload
      accept={[...AGREEMENT_DOCUMENT_TYPES, ...EXTENSIONS].join(',')}
      showUploadList={false}
      multiple
      beforeUpload={(file) => {
        if (!acceptable(file)) {
          void message.error(texts.fileType(file.name));
          return Upload.LIST_IGNORE;
        }
        if (file.size > maxBytes) {
          void message.error(texts.fileTooBig(file.name));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        void send(file as File).then(() => onSuccess?.(null), (err: unknown) => onError?.(err as Error));
      }}
    >
      <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid={uploadTestId}>
        {texts.upload}
      </Button>
    </Upload>
  );

  return (
    <Card title={texts.title} data-testid={testId} extra={editable ? uploadButton : null}>
      {editable ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {texts.uploadHint}
        </Typography.Paragraph>
      ) : null}
      {files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={texts.empty} />
      ) : (
        <Table<Attachment>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={files}
          columns={[
            {
              key: 'fileName',
              title: texts.fileColumn,
              render: (_, file) => (
                <a href={fileUrl(file.id)} download={file.fileName}>
                  <DownloadOutlined /> {file.fileName}
                </a>
              ),
            },
            { key: 'size', title: texts.size, width: 100, render: (_, file) => formatSize(file.sizeBytes, formatNumber) },
            { key: 'createdAt', title: t('common.createdAt'), width: 170, render: (_, file) => formatDateTime(file.createdAt) },
            ...(editable
              ? [
                  {
                    key: 'actions',
                    title: '',
                    width: 56,
                    render: (_: unknown, file: Attachment) => (
                      <Popconfirm title={texts.deleteConfirm} onConfirm={() => drop(file)}>
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
