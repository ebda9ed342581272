import { PageTabs, type PageTab } from '../../components/page-tabs.tsx';

type Tab = 'all' | 'notable' | 'overdue';

const TABS: PageTab<Tab>[] = [
  { value: 'all', label: 'visit.tab.all', to: '/visits' },
  { value: 'notable', label: 'visit.tab.notable', to: '/visits', search: { notable: 'true' } },
  { value: 'overdue', label: 'visit.tab.overdue', to: '/visits/overdue-reports' },
];

/** The three ways into the visits: all of them, the notable ones (a preset of the list), the overdue reports per unit. */
export function VisitsTabs({ active }: { active: Tab }) {
  return <PageTabs tabs={TABS} active={active} testId="visits-tabs" />;
}
