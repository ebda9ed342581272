import { App, Modal, Space, Typography } from 'antd';
import { InstitutionInput, type CatalogueEntry, type Institution } from '../../../shared/contracts/institutions.ts';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { institutionsApi } from '../institutions/api.ts';
import { prefillFrom } from '../institutions/catalogue-prefill.ts';
import { CataloguePicker } from '../institutions/catalogue-picker.tsx';

/** A co-organizer chosen from the catalogue: its institution's id and the name to show for it. */
export interface PickedInstitution {
  institutionId: number;
  label: string;
}

/** The institution a catalogue entry makes; a website or PIC the contract refuses is left out rather than the co-organizer. */
function institutionFrom(entry: CatalogueEntry): InstitutionInput {
  const values = prefillFrom(entry);
  const parsed = InstitutionInput.safeParse(values);
  return parsed.success ? parsed.data : { ...values, kind: 'university', nameEn: entry.name, countryCode: entry.countryCode, website: null, pic: null };
}

/**
 * A dialog to take a co-organizer from the reference catalogue: an entry already recorded is used as
 * it is, a new one is first added to the institutions (with its catalogue reference).
 */
export function CoOrganizerFromCatalogue({ onPicked, onClose }: { onPicked: (picked: PickedInstitution) => void; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const create = institutionsApi.useCreate();

  const pick = async (entry: CatalogueEntry) => {
    try {
      if (entry.institutionId) {
        onPicked({ institutionId: entry.institutionId, label: entry.name });
        void message.success(t('conf.partnerAdded', { name: entry.name }));
      } else {
        const created: Institution = await create.mutateAsync(institutionFrom(entry));
        onPicked({ institutionId: created.id, label: created.nameEn });
        void message.success(`${t('agr.catalogueCreated', { name: created.nameEn })} ${t('conf.partnerAdded', { name: created.nameEn })}`);
      }
      onClose();
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  return (
    <Modal open title={t('conf.catalogueTitle')} footer={null} onCancel={onClose} width={760} destroyOnHidden>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('conf.catalogueHint')}</Typography.Text>
        <CataloguePicker onPick={(entry) => void pick(entry)} />
        {create.isPending ? <Typography.Text type="secondary">{t('common.loading')}</Typography.Text> : null}
      </Space>
    </Modal>
  );
}
