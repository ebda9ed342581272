import { AGREEMENT_DOCUMENT_MAX_BYTES, type Agreement } from '../../../shared/contracts/agreements.ts';
import { AttachmentsCard } from '../../components/attachments-card.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { documentUrl, useDocuments } from './api.ts';

/** The signed documents of an agreement: upload a scan (type and size checked first), download, delete. */
export function DocumentsCard({ agreement: a, editable }: { agreement: Agreement; editable: boolean }) {
  const { t } = useI18n();
  const { upload, remove } = useDocuments(a.id);
  return (
    <AttachmentsCard
      files={a.documents}
      upload={upload}
      remove={remove}
      fileUrl={(docId) => documentUrl(a.id, docId)}
      editable={editable}
      maxBytes={AGREEMENT_DOCUMENT_MAX_BYTES}
      testId="agreement-documents"
      uploadTestId="agreement-upload"
      texts={{
        title: t('agr.documents'),
        fileColumn: t('agr.documents'),
        size: t('agr.size'),
        upload: t('agr.upload'),
        uploadHint: t('agr.uploadHint'),
        empty: t('agr.noDocuments'),
        deleteConfirm: t('agr.documentDeleteConfirm'),
        uploaded: (name) => t('agr.uploaded', { name }),
        fileType: (name) => t('agr.fileType', { name }),
        fileTooBig: (name) => t('agr.fileTooBig', { name }),
      }}
    />
  );
}
