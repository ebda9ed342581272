import { VISIT_FILE_MAX_BYTES, type Visit } from '../../../shared/contracts/visits.ts';
import { AttachmentsCard } from '../../components/attachments-card.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useVisitFiles, visitFileUrl } from './api.ts';

/** The photos and signed minutes of a visit: upload (type and size checked first), download, delete. */
export function VisitFilesCard({ visit: v, editable }: { visit: Visit; editable: boolean }) {
  const { t } = useI18n();
  const { upload, remove } = useVisitFiles(v.id);
  return (
    <AttachmentsCard
      files={v.files}
      upload={upload}
      remove={remove}
      fileUrl={(fileId) => visitFileUrl(v.id, fileId)}
      editable={editable}
      maxBytes={VISIT_FILE_MAX_BYTES}
      testId="visit-files"
      uploadTestId="visit-upload"
      texts={{
        title: t('visit.files'),
        fileColumn: t('visit.file'),
        size: t('visit.size'),
        upload: t('visit.upload'),
        uploadHint: t('visit.uploadHint'),
        empty: t('visit.noFiles'),
        deleteConfirm: t('visit.fileDeleteConfirm'),
        uploaded: (name) => t('visit.uploaded', { name }),
        fileType: (name) => t('visit.fileType', { name }),
        fileTooBig: (name) => t('visit.fileTooBig', { name }),
      }}
    />
  );
}
