import { BellOutlined, FileProtectOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Card, Col, Empty, Flex, Row, Table, Typography } from 'antd';
import type { Partner } from '../../../shared/contracts/agreements.ts';
import { INSTITUTION_KINDS } from '../../../shared/contracts/institutions.ts';
import { CountryName } from '../../components/country-select.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { FilterSelect } from '../../components/filter-select.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { SearchInput } from '../../components/search-input.tsx';
import { ErrorPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useCountryMap } from '../../lib/lookups.ts';
import { countryName } from '../../lib/names.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-search.ts';
import { kindLabel } from '../institutions/institution-kind.ts';
import { usePartnerFigures, usePartnerList } from './api.ts';
import { OrganizationsCard } from './organizations-card.tsx';
import { PartnersHeadline } from './partners-headline.tsx';
import type { PartnersSearch } from './partners-search.ts';
import { PlacesList } from './places-list.tsx';
import { WorldMap } from './world-map.tsx';

const route = getRouteApi('/app/partners');

/** A partner's name as recorded (its own script), the Chinese name for a Chinese interface. */
function PartnerName({ partner: p }: { partner: Partner }) {
  const { locale } = useI18n();
  const primary = (locale === 'zh' ? p.nameZh : null) ?? p.nameEn;
  const secondary = [p.nameLocal, locale === 'zh' ? null : p.nameZh].filter((n) => n && n !== primary).join(' · ');
  return (
    <div style={{ lineHeight: 1.35 }}>
      <div>{primary}</div>
      {secondary ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{secondary}</Typography.Text> : null}
    </div>
  );
}

/** Partners: the headline figure on a date, the world map, the organizations, and the partners behind them. */
export function PartnersPage() {
  const { t, locale } = useI18n();
  const countries = useCountryMap();
  const placeName = (code: string) => {
    const country = countries.get(code);
    return country ? countryName(country, locale) : code;
  };
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const figures = usePartnerFigures(search.asOf);
  const list = usePartnerList(search);
  const update = (patch: Partial<PartnersSearch>) => void navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }) });
  const select = (country: string | undefined) => update({ country: country === search.country ? undefined : country });

  if (figures.error) return <ErrorPage error={figures.error} />;

  return (
    <>
      <PageHeader
        title={t('nav.partners')}
        extra={
          <>
            <Flex align="center" gap={8}>
              <Typography.Text>{t('partner.asOf')}</Typography.Text>
              <DateInput value={search.asOf ?? figures.data?.asOf} onChange={(asOf) => update({ asOf })} allowClear data-testid="partner-as-of" />
            </Flex>
            <Link to="/agreements">
              <Button icon={<FileProtectOutlined />}>{t('nav.agreements')}</Button>
            </Link>
            <Link to="/agreements/renewal-watch">
              <Button icon={<BellOutlined />}>{t('agr.renewalWatch')}</Button>
            </Link>
          </>
        }
      />
      <Flex vertical gap={16}>
        <PartnersHeadline figures={figures.data} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={17}>
            <Card title={t('partner.map')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('partner.mapHint')}</Typography.Text>}>
              <WorldMap byCountry={figures.data?.byCountry ?? []} selected={search.country} onSelect={select} />
              <div style={{ marginTop: 12 }}>
                <PlacesList byCountry={figures.data?.byCountry ?? []} selected={search.country} onSelect={select} />
              </div>
            </Card>
          </Col>
          <Col xs={24} xxl={7}>
            <OrganizationsCard organizations={figures.data?.organizations} />
          </Col>
        </Row>
        <Card
          title={<span data-testid="partner-list-title">{search.country ? t('partner.listIn', { country: placeName(search.country) }) : t('partner.list')}</span>}
          extra={search.country ? <Button onClick={() => update({ country: undefined })}>{t('partner.allPlaces')}</Button> : null}
        >
          <Flex gap={12} wrap style={{ marginBottom: 16 }}>
            <SearchInput
              key={search.q ?? ''}
              testId="partners-search"
              defaultValue={search.q}
              placeholder={t('partner.searchPlaceholder')}
              onSearch={(q) => update({ q: q || undefined })}
              width={320}
            />
            <FilterSelect value={search.kind} onChange={(kind) => update({ kind })} placeholder={t('inst.allKinds')} width={220} options={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`inst.kind.${k}`) }))} />
          </Flex>
          <Table<Partner>
            rowKey="institutionId"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            data-testid="partner-list"
            onChange={(pagination) => void navigate({ search: (prev) => ({ ...prev, page: pagination.current, pageSize: pagination.pageSize }) })}
            pagination={{
              current: search.page ?? 1,
              pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 25, 50, 100],
              showTotal: (total) => t('common.total', { total }),
            }}
            columns={[
              {
                key: 'name',
                title: t('partner.name'),
                render: (_, p) => (
                  <Link to="/institutions/$id" params={{ id: String(p.institutionId) }}>
                    <PartnerName partner={p} />
                  </Link>
                ),
              },
              { key: 'kind', title: t('inst.field.kind'), width: 190, render: (_, p) => kindLabel(p.kind, t) },
              { key: 'country', title: t('common.country'), width: 190, render: (_, p) => <CountryName code={p.countryCode} /> },
              {
                key: 'agreementsInForce',
                title: t('partner.agreementsInForce'),
                width: 160,
                render: (_, p) => (
                  <Link to="/agreements" search={{ q: p.nameEn }}>
                    {p.agreementsInForce}
                  </Link>
                ),
              },
              { key: 'firstSignedOn', title: t('partner.firstSignedOn'), width: 150, render: (_, p) => p.firstSignedOn ?? t('common.empty') },
            ]}
          />
        </Card>
      </Flex>
    </>
  );
}
