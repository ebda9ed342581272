import { FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Modal, Select, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorText } from '../../lib/errors.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { LOCALES, type Locale } from '../../../shared/contracts/common.ts';
import type { DocumentKind } from '../../../shared/contracts/documents.ts';
import { DateInput } from '../../components/date-input.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { downloadDocument } from './api.ts';
import { dateNote, type DocumentPeriod } from './document-date-note.ts';

/** Someone a document may be addressed to: a visitor of the delegation. */
export interface Addressee {
  id: number;
  label: string;
}

interface DocumentsButtonProps {
  kinds: DocumentKind[];
  /** The record the document is filled from: a visit, an enrolment, a conference and its attendee, a partner and academic year. */
  record: { recordId?: number; memberId?: number; institutionId?: number; academicYear?: number };
  /** Whom a visit's letter may be addressed to; the first is chosen at first (the head of the delegation). */
  addressees?: Addressee[];
  /** The days the record covers: a date that reads wrongly beside them (a visit invited after it began) is pointed out. */
  period?: DocumentPeriod;
  /** The button's text (default "Documents"), and whether it is a small link in a table's row. */
  label?: ReactNode;
  small?: boolean;
  testId?: string;
}

/**
 * "Documents" on a record's page: the kinds of document that apply to the record, addressed to
 * the visitor chosen, in the language and with the date chosen (the office's today at first), as
 * .docx or PDF, filled by the server from the record. A date the server would print without
 * complaint but that reads wrongly (an invitation dated after the visit began) is said under it.
 */
export function DocumentsButton({ kinds, record, addressees, period, label, small, testId = 'documents-button' }: DocumentsButtonProps) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<DocumentKind>(kinds[0]!);
  const [lang, setLang] = useState<Locale>(locale);
  const [date, setDate] = useState(officeToday);
  const [format, setFormat] = useState<'docx' | 'pdf'>('docx');
  const [memberId, setMemberId] = useState<number | undefined>(addressees?.[0]?.id ?? record.memberId);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const note = dateNote(kind, date, period);
  const download = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await downloadDocument(kind, { ...record, memberId, lang, date, format });
    } catch (err) {
      setRefusal(errorText(err, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<FileWordOutlined />} size={small ? 'small' : undefined} onClick={() => setOpen(true)} data-testid={testId}>
        {label ?? t('documents.button')}
      </Button>
      <Modal open={open} title={t('documents.title')} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <Form layout="vertical">
          <Form.Item label={t('documents.kind')} htmlFor="documents-kind">
            <Select id="documents-kind" value={kind} onChange={setKind} options={kinds.map((k) => ({ value: k, label: t(`documents.kind.${k}` as MessageKey) }))} data-testid="documents-kind" />
          </Form.Item>
          {addressees && addressees.length > 0 ? (
            <Form.Item label={t('documents.addressee')} htmlFor="documents-addressee" extra={t('documents.addresseeHint')}>
              <Select id="documents-addressee" value={memberId} onChange={setMemberId} options={addressees.map((a) => ({ value: a.id, label: a.label }))} data-testid="documents-addressee" />
            </Form.Item>
          ) : null}
          <Flex gap={12} wrap>
            <Form.Item label={t('documents.lang')} htmlFor="documents-lang">
              <Select id="documents-lang" value={lang} onChange={setLang} style={{ minWidth: 120 }} options={LOCALES.map((l) => ({ value: l, label: t(`documents.lang.${l}` as MessageKey) }))} data-testid="documents-lang" />
            </Form.Item>
            <Form.Item label={t('documents.date')} htmlFor="documents-date">
              <DateInput id="documents-date" value={date} allowClear={false} onChange={(day) => day && setDate(day)} data-testid="documents-date" />
            </Form.Item>
            <Form.Item label={t('documents.format')} htmlFor="documents-format">
              <Select id="documents-format" value={format} onChange={setFormat} style={{ minWidth: 100 }} options={[{ value: 'docx', label: '.docx' }, { value: 'pdf', label: 'PDF' }]} data-testid="documents-format" />
            </Form.Item>
          </Flex>
          {note ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t(note.key, note.values)} data-testid="documents-date-note" /> : null}
          <Typography.Paragraph type="secondary">{t('documents.pdfHint')}</Typography.Paragraph>
          {refusal ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={refusal} data-testid="documents-refusal" /> : null}
          <Button type="primary" loading={busy} onClick={() => void download()} data-testid="documents-download">
            {t('documents.download')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
