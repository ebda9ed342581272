import { useNavigate } from '@tanstack/react-router';
import { Segmented } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';

type Tab = 'all' | 'overdue';

/** The two ways into the missions: all of them, and the overdue reports per unit. */
export function MissionsTabs({ active }: { active: Tab }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Segmented<Tab>
      value={active}
      onChange={(tab) => void navigate({ to: tab === 'overdue' ? '/missions/overdue-reports' : '/missions' })}
      data-testid="missions-tabs"
      options={[
        { value: 'all', label: t('mission.tab.all') },
        { value: 'overdue', label: t('mission.tab.overdue') },
      ]}
    />
  );
}
