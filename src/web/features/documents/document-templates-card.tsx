import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography, Upload } from 'antd';
import { LOCALES, type Locale } from '../../../shared/contracts/common.ts';
import { DOCUMENT_KINDS, DOCUMENT_PLACEHOLDERS, type DocumentKind, type Placeholder } from '../../../shared/contracts/documents.ts';
import { errorText } from '../../lib/errors.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { templateUrl, useDeleteTemplate, useDocumentTemplates, useUploadTemplate } from './api.ts';

/** A kind's placeholders, loops with their items' fields: what a template of the kind may say. */
function PlaceholderList({ kind }: { kind: DocumentKind }) {
  const { t, locale } = useI18n();
  const rows = DOCUMENT_PLACEHOLDERS[kind].flatMap((p) => [{ ...p, key: p.name, inLoop: false }, ...(p.items ?? []).map((item: Placeholder) => ({ ...item, key: `${p.name}.${item.name}`, inLoop: true }))]);
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { key: 'name', title: t('templates.placeholder'), render: (_, p) => <Typography.Text code style={{ marginLeft: p.inLoop ? 24 : 0 }}>{`{${p.name}}`}</Typography.Text> },
        { key: 'meaning', title: t('templates.meaning'), render: (_, p) => `${p.inLoop ? `${t('templates.loopItems')} ` : ''}${p[locale]}` },
        { key: 'example', title: t('templates.example'), render: (_, p) => <Typography.Text type="secondary">{p.example}</Typography.Text> },
      ]}
    />
  );
}

/**
 * The settings page's "Document templates": each kind in each language, the office's template
 * or the built-in one, to download; upload, replace and delete for the administrator; each
 * kind's placeholders on unfolding its row.
 */
export function DocumentTemplatesCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const admin = user.role === 'admin';
  const { data } = useDocumentTemplates();
  const upload = useUploadTemplate();
  const remove = useDeleteTemplate();
  const templateOf = (kind: DocumentKind, lang: Locale) => data?.items.find((i) => i.kind === kind && i.lang === lang)?.template ?? null;

  const cell = (kind: DocumentKind, lang: Locale) => {
    const own = templateOf(kind, lang);
    return (
      <Flex gap={4} wrap align="center" data-testid={`template-${kind}-${lang}`}>
        {own ? <Tag color="blue">{own.fileName}</Tag> : <Tag>{t('templates.builtin')}</Tag>}
        <Button size="small" type="link" icon={<DownloadOutlined />} href={templateUrl(kind, lang)} aria-label={`${t('documents.download')} ${t(`documents.kind.${kind}` as MessageKey)} ${t(`documents.lang.${lang}` as MessageKey)}`} />
        {admin ? (
          <Upload
            accept=".docx"
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              upload.mutateAsync({ kind, lang, file: file as File }).then(
                () => {
                  void message.success(t('templates.uploaded', { name: (file as File).name }));
                  onSuccess?.(null);
                },
                (err: unknown) => {
                  void message.error(errorText(err, locale));
                  onError?.(err as Error);
                },
              );
            }}
          >
            <Button size="small" icon={<UploadOutlined />} data-testid={`template-upload-${kind}-${lang}`}>
              {own ? t('templates.replace') : t('templates.upload')}
            </Button>
          </Upload>
        ) : null}
        {admin && own ? (
          <Popconfirm title={t('templates.deleteConfirm')} onConfirm={() => remove.mutateAsync({ kind, lang }).catch((err: unknown) => void message.error(errorText(err, locale)))}>
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('templates.delete')} />
          </Popconfirm>
        ) : null}
      </Flex>
    );
  };

  return (
    <Card title={t('templates.title')} data-testid="document-templates">
      <Typography.Paragraph type="secondary">{t('templates.help')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{data ? (data.pdfAvailable ? t('templates.pdfOn') : t('templates.pdfOff')) : null}</Typography.Paragraph>
      {admin ? null : <Typography.Paragraph type="secondary">{t('templates.adminOnly')}</Typography.Paragraph>}
      <Table
        size="small"
        pagination={false}
        rowKey={(kind) => kind}
        dataSource={[...DOCUMENT_KINDS]}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (kind) => <PlaceholderList kind={kind} /> }}
        columns={[
          { key: 'kind', title: t('documents.kind'), render: (_, kind) => t(`documents.kind.${kind}` as MessageKey) },
          ...LOCALES.map((lang) => ({ key: lang, title: t(`documents.lang.${lang}` as MessageKey), render: (_: unknown, kind: DocumentKind) => cell(kind, lang) })),
        ]}
      />
    </Card>
  );
}
