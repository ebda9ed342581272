import { Link } from '@tanstack/react-router';
import { Card, Empty, Flex, Typography } from 'antd';
import type { PartnerFigures } from '../../../shared/contracts/agreements.ts';
import { CountryName } from '../../components/country-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { kindLabel } from '../institutions/institution-kind.ts';

/** The organizations with a working arrangement in force: the seed's "WHO, Project HOPE, Alliance Française". */
export function OrganizationsCard({ organizations }: { organizations?: PartnerFigures['organizations'] }) {
  const { t, locale } = useI18n();
  return (
    <Card title={t('partner.organizations')} loading={!organizations} data-testid="partner-organizations" style={{ height: '100%' }}>
      {organizations?.length ? (
        <Flex vertical gap={10}>
          {organizations.map((o) => (
            <div key={o.id} style={{ lineHeight: 1.35 }}>
              <Link to="/institutions/$id" params={{ id: String(o.id) }}>
                {(locale === 'zh' ? o.nameZh : null) ?? o.nameEn}
              </Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {kindLabel(o.kind, t)} · <CountryName code={o.countryCode} />
              </Typography.Text>
            </div>
          ))}
          <Link to="/organizations">{t('nav.organizations')} →</Link>
        </Flex>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partner.noOrganizations')} />
      )}
    </Card>
  );
}
