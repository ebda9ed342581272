import { PageTabs, type PageTab } from '../../components/page-tabs.tsx';

type Tab = 'applications' | 'opportunities';

const TABS: PageTab<Tab>[] = [
  { value: 'applications', label: 'xchg.tab.applications', to: '/exchanges/applications' },
  { value: 'opportunities', label: 'xchg.tab.opportunities', to: '/exchanges/opportunities' },
];

/** The two ways into the exchanges: the students' applications, and the partners' opportunities. */
export function ExchangesTabs({ active }: { active: Tab }) {
  return <PageTabs tabs={TABS} active={active} testId="exchanges-tabs" />;
}
