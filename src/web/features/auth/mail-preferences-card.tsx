import { App, Card, Flex, Skeleton, Switch, Typography } from 'antd';
import { MAIL_KINDS, MAIL_KIND_LABELS } from '../../../shared/mail-kinds.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useMailPreferences, useMailPreferencesChange } from '../jobs/api.ts';

/** Each kind of message the user may receive, switched on or off. */
export function MailPreferencesCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { data } = useMailPreferences();
  const update = useMailPreferencesChange();
  return (
    <Card title={t('account.mail')}>
      <Typography.Paragraph type="secondary">{t('account.mailIntro')}</Typography.Paragraph>
      {!data ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={12}>
          {MAIL_KINDS.map((kind) => (
            <Flex key={kind} gap={12} align="start">
              <Switch
                data-testid={`mail-${kind}`}
                checked={data[kind]}
                loading={update.isPending}
                onChange={(on) => void update.mutateAsync({ [kind]: on }).then(() => message.success(t('account.mailSaved')))}
              />
              <div>
                <Typography.Text strong>{MAIL_KIND_LABELS[kind][locale].name}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{MAIL_KIND_LABELS[kind][locale].description}</Typography.Text>
              </div>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
