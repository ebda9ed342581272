import { HonourInput } from '../../../shared/contracts/honours.ts';
import { RecordPage } from '../../components/record-page.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { writableInput } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { honoursApi } from './api.ts';
import { HonourDetails } from './honour-details.tsx';
import { HonourForm } from './honour-form.tsx';
import { awardedByName, dateAsKnown, honourName, romanised } from './honour-labels.tsx';
import { toHonourFormValues } from './honour-values.ts';

/** One honour: details or the edit form, and its history. */
export function HonourPage() {
  const { locale } = useI18n();
  const user = useCurrentUser();

  return (
    <RecordPage
      kind={{ entity: 'honour', resource: honoursApi, schema: HonourInput, messages: 'hon', toFormValues: toHonourFormValues, listPath: '/honours' }}
      prepare={(input) => writableInput(user, 'honour', input)}
      header={(h) => ({
        title: honourName(h, locale),
        subtitle: [[romanised(h.person), h.person.nameZh].filter(Boolean).join(' '), awardedByName(h, locale), dateAsKnown(h)].filter(Boolean).join(' · '),
      })}
      details={(h) => <HonourDetails honour={h} />}
      editForm={(props, h) => (
        <HonourForm
          {...props}
          editing
          holderLabel={[romanised(h.person), h.person.nameZh].filter(Boolean).join(' ')}
          institutionLabel={h.awardingInstitution?.nameEn ?? null}
        />
      )}
    />
  );
}
