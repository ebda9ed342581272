import { Card, Table, Typography } from 'antd';
import type { LateUnit } from '../../../shared/contracts/todo.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { primaryName } from '../../lib/names.ts';
import { useLateByUnit } from './api.ts';
import { kindName } from './kind-name.ts';

/** The leaders' read-only summary: how many reports and renewals are late in each unit, by kind. */
export function LateByUnitCard() {
  const { t, locale, formatNumber } = useI18n();
  const { data, isLoading } = useLateByUnit(true);
  const unitName = (u: LateUnit) => (u.unitId === null ? t('todo.office') : primaryName({ nameEn: u.nameEn ?? '', nameZh: u.nameZh, nameFr: u.nameFr }, locale));
  return (
    <Card title={t('todo.lateByUnit')} data-testid="todo-late-by-unit">
      <Typography.Paragraph type="secondary">{t('todo.lateByUnit.help')}</Typography.Paragraph>
      <Table<LateUnit>
        size="small"
        loading={isLoading}
        rowKey={(u) => String(u.unitId)}
        dataSource={data?.units ?? []}
        pagination={false}
        locale={{ emptyText: t('todo.lateByUnit.none') }}
        columns={[
          { key: 'unit', title: t('todo.unit'), render: (_, u) => unitName(u) },
          {
            key: 'kinds',
            title: '',
            render: (_, u) =>
              Object.entries(u.byKind)
                .map(([kind, n]) => `${kindName(kind, t, locale)} ${formatNumber(n)}`)
                .join(' · '),
          },
          { key: 'late', title: t('todo.late'), align: 'right', render: (_, u) => <span data-testid={`todo-late-unit-${u.code ?? 'office'}`}>{formatNumber(u.late)}</span> },
        ]}
      />
    </Card>
  );
}
