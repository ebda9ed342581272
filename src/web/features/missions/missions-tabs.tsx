import { PageTabs, type PageTab } from '../../components/page-tabs.tsx';

type Tab = 'all' | 'overdue';

const TABS: PageTab<Tab>[] = [
  { value: 'all', label: 'mission.tab.all', to: '/missions' },
  { value: 'overdue', label: 'mission.tab.overdue', to: '/missions/overdue-reports' },
];

/** The two ways into the missions: all of them, and the overdue reports per unit. */
export function MissionsTabs({ active }: { active: Tab }) {
  return <PageTabs tabs={TABS} active={active} testId="missions-tabs" />;
}
