import { Alert, Card, Flex, Skeleton, Typography } from 'antd';
import { SETTING_KEYS } from '../../../shared/contracts/settings.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { canChangeSettings } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useSettings } from './api.ts';
import { SettingRow } from './setting-row.tsx';
import { OfficeTextRow } from './office-text-row.tsx';
import { DocumentTemplatesCard } from '../documents/document-templates-card.tsx';
import { EwpCard } from './ewp-card.tsx';
import { EwpFactsheetCard } from './ewp-factsheet-card.tsx';

/** The office's settings: the thresholds the figures use and the deadlines' lead times. Everyone may read them; the office changes them. */
export function SettingsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const { data, isLoading, error } = useSettings();
  const editable = canChangeSettings(user);

  if (error) return <ErrorPage error={error} />;

  return (
    <>
      <PageHeader title={t('nav.settings')} subtitle={t('settings.subtitle')} />
      {editable ? null : <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('settings.readOnly')} />}
      <Card>
        {isLoading ? (
          <Skeleton active />
        ) : (
          <Flex vertical gap={24}>
            {(data ?? [])
              // a key this version of the interface does not know has no words to explain it
              // EWP's settings (a code, a switch) have their own card, with the keys
              .filter((s) => SETTING_KEYS.includes(s.key) && !s.key.startsWith('deadline.') && !s.key.startsWith('ewp.'))
              .map((s) =>
                typeof s.value === 'object' ? (
                  <OfficeTextRow key={`${s.key}-${s.version}`} setting={s} editable={editable} />
                ) : (
                  <SettingRow key={`${s.key}-${s.version}`} setting={s} editable={editable} />
                ),
              )}
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('settings.deadlines.title')}
            </Typography.Title>
            {(data ?? [])
              .filter((s) => SETTING_KEYS.includes(s.key) && s.key.startsWith('deadline.'))
              .map((s) => (
                <SettingRow key={`${s.key}-${s.version}`} setting={s} editable={editable} />
              ))}
          </Flex>
        )}
      </Card>
      <div style={{ marginTop: 16 }}>
        <EwpCard />
      </div>
      <div style={{ marginTop: 16 }}>
        <DocumentTemplatesCard />
      </div>
      <div style={{ marginTop: 16 }}>
        <EwpFactsheetCard editable={editable} />
      </div>
    </>
  );
}
