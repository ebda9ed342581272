import { useQueries } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Empty, Flex, Table, Typography } from 'antd';
import { useMemo } from 'react';
import type { Agreement } from '../../../shared/contracts/agreements.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import type { Institution, InstitutionKind } from '../../../shared/contracts/institutions.ts';
import { CountryName } from '../../components/country-select.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorPage } from '../../components/status-pages.tsx';
import { api, toQuery } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { agreementTitle, AgreementTags } from '../agreements/agreement-labels.tsx';
import { useAgreementsWhere } from '../agreements/api.ts';
import { TermEnd } from '../agreements/term-end.tsx';
import { InstitutionName } from '../institutions/institution-name.tsx';
import { kindLabel } from '../institutions/institution-kind.ts';

/** The kinds of institution this page is about (DESIGN: international organization, foundation, association). */
const ORGANIZATION_KINDS: InstitutionKind[] = ['international_organization', 'foundation', 'association'];

interface OrganizationRow {
  institution: Institution;
  arrangements: Agreement[];
}

/** International organizations, foundations and associations, each with its working arrangements. */
export function OrganizationsPage() {
  const { t, locale } = useI18n();
  const kinds = useQueries({
    queries: ORGANIZATION_KINDS.map((kind) => ({
      queryKey: ['institutions', 'list', 'kind', kind],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Page<Institution>>(`/institutions${toQuery({ kind, pageSize: 200 })}`, signal),
    })),
  });
  const arrangements = useAgreementsWhere({ kind: 'working_arrangement' });
  const error = kinds.find((k) => k.error)?.error ?? arrangements.error;

  const rows = useMemo<OrganizationRow[]>(() => {
    const institutions = kinds.flatMap((k) => k.data?.items ?? []);
    const agreements = arrangements.data?.items ?? [];
    return institutions
      .map((institution) => ({ institution, arrangements: agreements.filter((a) => a.partners.some((p) => p.institutionId === institution.id)) }))
      .sort((a, b) => b.arrangements.length - a.arrangements.length || a.institution.nameEn.localeCompare(b.institution.nameEn));
  }, [kinds, arrangements.data]);

  if (error) return <ErrorPage error={error} />;

  return (
    <>
      <PageHeader title={t('nav.organizations')} subtitle={t('org.subtitle')} />
      <Card>
        <Table<OrganizationRow>
          rowKey={(r) => r.institution.id}
          size="middle"
          loading={kinds.some((k) => k.isLoading) || arrangements.isLoading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.empty')} /> }}
          data-testid="organizations-table"
          columns={[
            {
              key: 'name',
              title: t('inst.name'),
              render: (_, r) => (
                <Link to="/institutions/$id" params={{ id: String(r.institution.id) }}>
                  <InstitutionName institution={r.institution} />
                </Link>
              ),
            },
            { key: 'kind', title: t('inst.field.kind'), width: 200, render: (_, r) => kindLabel(r.institution.kind, t) },
            { key: 'country', title: t('common.country'), width: 180, render: (_, r) => <CountryName code={r.institution.countryCode} /> },
            {
              key: 'arrangements',
              title: t('org.arrangements'),
              render: (_, r) =>
                r.arrangements.length ? (
                  <Flex vertical gap={6}>
                    {r.arrangements.map((a) => (
                      <Flex key={a.id} gap={8} wrap align="center">
                        <Link to="/agreements/$id" params={{ id: String(a.id) }}>
                          {agreementTitle(a, locale)}
                        </Link>
                        <AgreementTags agreement={a} />
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          <TermEnd agreement={a} />
                        </Typography.Text>
                      </Flex>
                    ))}
                  </Flex>
                ) : (
                  <Typography.Text type="secondary">{t('org.noArrangement')}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
