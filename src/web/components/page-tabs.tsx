import { useNavigate, type LinkProps } from '@tanstack/react-router';
import { Segmented } from 'antd';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';

/** One way into a module: its label, and the page (and preset filters) it opens. */
export interface PageTab<V extends string> {
  value: V;
  label: MessageKey;
  to: NonNullable<LinkProps['to']>;
  /** A preset of the list (the visits' "notable"); none: the page as it opens. */
  search?: Record<string, string>;
}

/** The ways into a module (its list, a preset of it, its overdue or other pages), as one segmented control. */
export function PageTabs<V extends string>({ tabs, active, testId }: { tabs: readonly PageTab<V>[]; active: V; testId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const go = (value: V) => {
    const tab = tabs.find((candidate) => candidate.value === value);
    if (tab) void navigate({ to: tab.to, search: tab.search ?? {} });
  };
  return <Segmented<V> value={active} onChange={go} data-testid={testId} options={tabs.map((tab) => ({ value: tab.value, label: t(tab.label) }))} />;
}
