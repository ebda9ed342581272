import type { TableColumnType } from 'antd';
import type { Agreement } from '../../../shared/contracts/agreements.ts';
import { RenewalPage, type RenewalDescription } from '../../components/renewal-page.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { useAgreementCells } from './agreement-cells.tsx';
import { useAgreementLabels } from './agreement-labels.tsx';
import { renewalWatchUrl, useRenewalWatch } from './api.ts';
import { TermEnd } from './term-end.tsx';

/** The agreements' columns after the term's end. */
function useWatchColumns(): TableColumnType<Agreement>[] {
  const { t, locale } = useI18n();
  const labels = useAgreementLabels();
  const units = useUnitMap();
  const cells = useAgreementCells();
  return [
    { key: 'title', ...cells.title },
    { key: 'partners', ...cells.partners },
    {
      key: 'level',
      title: t('agr.field.level'),
      width: 160,
      render: (_, a) => {
        const unit = a.unitId == null ? undefined : units.get(a.unitId);
        return unit ? `${labels.levelShort(a.level)} · ${primaryName(unit, locale)}` : labels.levelShort(a.level);
      },
    },
    { key: 'kind', width: 170, ...cells.kind },
    { key: 'status', width: 160, ...cells.status },
  ];
}

/** The renewal watch: agreements whose term ends within N months (12 unless asked). */
const RENEWAL_WATCH: RenewalDescription<Agreement> = {
  title: 'agr.renewalWatch',
  subtitle: 'agr.watchSubtitle',
  emptyText: 'agr.watchEmpty',
  backTo: '/agreements',
  defaultMonths: 12,
  testId: 'renewal-watch',
  useItems: useRenewalWatch,
  fileUrl: renewalWatchUrl,
  rowKey: (a) => a.id,
  due: { key: 'termEndsOn', title: 'agr.field.termEndsOn', width: 150, date: (a) => a.termEndsOn, show: (a) => <TermEnd agreement={a} /> },
  useColumns: useWatchColumns,
};

/** What ends in the next N months (12 unless asked), soonest first, and the same as CSV or Excel. */
export function RenewalWatchPage() {
  return <RenewalPage description={RENEWAL_WATCH} />;
}
