import { Link } from '@tanstack/react-router';
import { Card, Table } from 'antd';
import type { Agreement } from '../../../shared/contracts/agreements.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { agreementTitle, AgreementTags, useAgreementLabels } from '../agreements/agreement-labels.tsx';
import { useAgreementsWhere } from '../agreements/api.ts';
import { TermEnd } from '../agreements/term-end.tsx';

/** The agreements an institution is a partner of, whatever their status. */
export function InstitutionAgreements({ institutionId }: { institutionId: number }) {
  const { t, locale } = useI18n();
  const labels = useAgreementLabels();
  const { data, isLoading } = useAgreementsWhere({ institutionId });
  return (
    <Card title={t('timeline.agreements')} data-testid="institution-agreements">
      <Table<Agreement>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('timeline.noAgreements') }}
        columns={[
          {
            key: 'title',
            title: t('agr.title'),
            render: (_, a) => (
              <Link to="/agreements/$id" params={{ id: String(a.id) }}>
                {agreementTitle(a, locale)}
              </Link>
            ),
          },
          { key: 'kind', title: t('agr.field.kind'), width: 160, render: (_, a) => labels.kind(a.kind) },
          { key: 'status', title: t('agr.field.status'), width: 150, render: (_, a) => <AgreementTags agreement={a} /> },
          { key: 'termEndsOn', title: t('agr.field.termEndsOn'), width: 120, render: (_, a) => <TermEnd agreement={a} /> },
        ]}
      />
    </Card>
  );
}
