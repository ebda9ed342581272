import { App, Modal, Space, Typography } from 'antd';
import { InstitutionInput, type CatalogueEntry, type Institution, type InstitutionMatch } from '../../shared/contracts/institutions.ts';
import { nameIn } from '../../shared/i18n/name-in.ts';
import { ApiError } from '../lib/api.ts';
import { errorText } from '../lib/errors.ts';
import { useI18n } from '../lib/i18n.tsx';
import { institutionsApi } from '../features/institutions/api.ts';
import { prefillFrom } from '../features/institutions/catalogue-prefill.ts';
import { CataloguePicker } from '../features/institutions/catalogue-picker.tsx';

/** An institution chosen from the catalogue: its id and the name to show for it. */
export interface PickedInstitution {
  institutionId: number;
  label: string;
}

/** The texts of the catalogue dialog; `added` takes the institution's name. */
export interface CatalogueTexts {
  title: string;
  hint: string;
  added: (name: string) => string;
}

/** The institution a catalogue entry makes; a website or PIC the contract refuses is left out rather than the pick. */
function institutionFrom(entry: CatalogueEntry): InstitutionInput {
  const values = prefillFrom(entry);
  const parsed = InstitutionInput.safeParse(values);
  return parsed.success ? parsed.data : { ...values, kind: 'university', nameEn: entry.name, countryCode: entry.countryCode, website: null, pic: null };
}

interface InstitutionFromCatalogueProps {
  texts: CatalogueTexts;
  onPicked: (picked: PickedInstitution) => void;
  onClose: () => void;
}

/**
 * A dialog to take an institution from the reference catalogue: an entry already recorded is used as
 * it is, a new one is first added to the institutions (with its catalogue reference), unless the
 * server finds it on file already (409 institution_exists), when the one on file is used.
 */
export function InstitutionFromCatalogue({ texts, onPicked, onClose }: InstitutionFromCatalogueProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const create = institutionsApi.useCreate();

  const pick = async (entry: CatalogueEntry) => {
    try {
      if (entry.institutionId) {
        onPicked({ institutionId: entry.institutionId, label: entry.name });
        void message.success(texts.added(entry.name));
      } else {
        const created: Institution = await create.mutateAsync(institutionFrom(entry));
        onPicked({ institutionId: created.id, label: created.nameEn });
        void message.success(`${t('agr.catalogueCreated', { name: created.nameEn })} ${texts.added(created.nameEn)}`);
      }
      onClose();
    } catch (err) {
      // The same institution is on file under another catalogue entry (same website, same code): that one is used.
      if (err instanceof ApiError && err.code === 'institution_exists') {
        const existing = err.current as InstitutionMatch;
        const name = nameIn(locale, existing.nameEn, existing.nameZh, existing.nameFr);
        onPicked({ institutionId: existing.id, label: name });
        void message.success(texts.added(name));
        onClose();
        return;
      }
      void message.error(errorText(err, locale));
    }
  };

  return (
    <Modal open title={texts.title} footer={null} onCancel={onClose} width={760} destroyOnHidden>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{texts.hint}</Typography.Text>
        <CataloguePicker onPick={(entry) => void pick(entry)} />
        {create.isPending ? <Typography.Text type="secondary">{t('common.loading')}</Typography.Text> : null}
      </Space>
    </Modal>
  );
}
