import { useNavigate } from '@tanstack/react-router';
import { Segmented } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';

type Tab = 'applications' | 'opportunities';

/** The two ways into the exchanges: the students' applications, and the partners' opportunities. */
export function ExchangesTabs({ active }: { active: Tab }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Segmented<Tab>
      value={active}
      onChange={(tab) => void navigate({ to: tab === 'opportunities' ? '/exchanges/opportunities' : '/exchanges/applications' })}
      data-testid="exchanges-tabs"
      options={[
        { value: 'applications', label: t('xchg.tab.applications') },
        { value: 'opportunities', label: t('xchg.tab.opportunities') },
      ]}
    />
  );
}
