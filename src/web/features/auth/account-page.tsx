import { Card, Col, Descriptions, Row } from 'antd';
import { LangSwitch } from '../../components/lang-switch.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { ApiTokensCard } from './api-tokens-card.tsx';
import { PasswordCard } from './password-card.tsx';
import { MailPreferencesCard } from './mail-preferences-card.tsx';
import { CalendarFeedCard } from './calendar-feed-card.tsx';
import { ExportsCard } from './exports-card.tsx';

/** My account: who I am, my language, my password, the messages I receive, my calendar feed, my recent exports, my API tokens. */
export function AccountPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const units = useUnitMap();
  const unit = user.unitId == null ? undefined : units.get(user.unitId);

  return (
    <>
      <PageHeader title={t('nav.account')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('account.profile')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'name', label: t('user.field.displayName'), children: user.displayName },
                { key: 'email', label: t('user.field.email'), children: user.email },
                { key: 'role', label: t('user.field.role'), children: t(`role.${user.role}`) },
                { key: 'unit', label: t('common.unit'), children: unit ? primaryName(unit, locale) : t('common.empty') },
                { key: 'lang', label: t('account.language'), children: <LangSwitch signedIn /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <PasswordCard />
        </Col>
        <Col xs={24}>
          <MailPreferencesCard />
        </Col>
        <Col xs={24}>
          <CalendarFeedCard />
        </Col>
        <Col xs={24}>
          <ExportsCard />
        </Col>
        <Col xs={24}>
          <ApiTokensCard />
        </Col>
      </Row>
    </>
  );
}
