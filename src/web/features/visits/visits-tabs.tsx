import { useNavigate } from '@tanstack/react-router';
import { Segmented } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';

type Tab = 'all' | 'notable' | 'overdue';

/** The three ways into the visits: all of them, the notable ones (a preset of the list), the overdue reports per unit. */
export function VisitsTabs({ active }: { active: Tab }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const go = (tab: Tab) => {
    if (tab === 'overdue') void navigate({ to: '/visits/overdue-reports' });
    else void navigate({ to: '/visits', search: tab === 'notable' ? { notable: 'true' } : {} });
  };
  return (
    <Segmented<Tab>
      value={active}
      onChange={go}
      data-testid="visits-tabs"
      options={[
        { value: 'all', label: t('visit.tab.all') },
        { value: 'notable', label: t('visit.tab.notable') },
        { value: 'overdue', label: t('visit.tab.overdue') },
      ]}
    />
  );
}
