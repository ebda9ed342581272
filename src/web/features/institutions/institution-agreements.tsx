import { Card, Table } from 'antd';
import type { Agreement } from '../../../shared/contracts/agreements.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useAgreementCells } from '../agreements/agreement-cells.tsx';
import { useAgreementsWhere } from '../agreements/api.ts';

/** The agreements an institution is a partner of, whatever their status. */
export function InstitutionAgreements({ institutionId }: { institutionId: number }) {
  const { t } = useI18n();
  const cells = useAgreementCells();
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
          { key: 'title', ...cells.title },
          { key: 'kind', width: 160, ...cells.kind },
          { key: 'status', width: 150, ...cells.status },
          { key: 'termEndsOn', width: 120, ...cells.termEndsOn },
        ]}
      />
    </Card>
  );
}
