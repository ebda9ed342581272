import { FileWordOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { officeToday } from '../../../shared/calendar.ts';
import { LOCALES, type Locale } from '../../../shared/contracts/common.ts';
import type { DocumentKind } from '../../../shared/contracts/documents.ts';
import { DateInput } from '../../components/date-input.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { documentUrl } from './api.ts';

/**
 * "Documents" on a record's page: the kinds of document that apply to the record, in the
 * language and with the date chosen, as .docx or PDF, filled by the server from the record.
 */
export function DocumentsButton({ kinds, recordId, memberId }: { kinds: DocumentKind[]; recordId: number; memberId?: number }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<DocumentKind>(kinds[0]!);
  const [lang, setLang] = useState<Locale>(locale);
  const [date, setDate] = useState(officeToday);
  const [format, setFormat] = useState<'docx' | 'pdf'>('docx');
  return (
    <>
      <Button icon={<FileWordOutlined />} onClick={() => setOpen(true)} data-testid="documents-button">
        {t('documents.button')}
      </Button>
      <Modal open={open} title={t('documents.title')} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <Form layout="vertical">
          <Form.Item label={t('documents.kind')}>
            <Select value={kind} onChange={setKind} options={kinds.map((k) => ({ value: k, label: t(`documents.kind.${k}` as MessageKey) }))} data-testid="documents-kind" />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item label={t('documents.lang')}>
              <Select value={lang} onChange={setLang} style={{ minWidth: 120 }} options={LOCALES.map((l) => ({ value: l, label: t(`documents.lang.${l}` as MessageKey) }))} data-testid="documents-lang" />
            </Form.Item>
            <Form.Item label={t('documents.date')}>
              <DateInput value={date} allowClear={false} onChange={(day) => day && setDate(day)} data-testid="documents-date" />
            </Form.Item>
            <Form.Item label={t('documents.format')}>
              <Select value={format} onChange={setFormat} style={{ minWidth: 100 }} options={[{ value: 'docx', label: '.docx' }, { value: 'pdf', label: 'PDF' }]} data-testid="documents-format" />
            </Form.Item>
          </Flex>
          <Typography.Paragraph type="secondary">{t('documents.pdfHint')}</Typography.Paragraph>
          <Button type="primary" href={documentUrl(kind, { recordId, memberId, lang, date, format })} target="_blank" data-testid="documents-download">
            {t('documents.download')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
