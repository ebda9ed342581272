import { BellOutlined, PlusOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Flex, Typography } from 'antd';
import { officeToday } from '../../../shared/calendar.ts';
import { DateInput } from '../../components/date-input.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { newestFirst } from '../../lib/list-url-state.ts';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useExpertsEngaged } from './api.ts';
import { AppointmentsTable } from './appointments-table.tsx';
import { EngagedFigures } from './engaged-figures.tsx';
import type { ExpertsSearch } from './experts-search.ts';

const route = getRouteApi('/app/experts');

/** Foreign experts: "experts engaged" on a date, by title and by country or region, and the appointments behind the figure. */
export function ExpertsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const search = newestFirst(route.useSearch(), 'startDate');
  const navigate = route.useNavigate();
  const figures = useExpertsEngaged(search.asOf);
  const asOf = search.asOf ?? figures.data?.asOf ?? officeToday();
  const update = (patch: Partial<ExpertsSearch>) => void navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }) });
  // a bar of the figure lists the appointments in force behind it
  const behind = (patch: Partial<ExpertsSearch>) => update({ title: undefined, country: undefined, status: undefined, ...patch, inForce: 'true' });

  if (figures.error) return <ErrorPage error={figures.error} />;

  return (
    <>
      <PageHeader
        title={t('nav.experts')}
        subtitle={t('exp.subtitle')}
        extra={
          <>
            <Flex align="center" gap={8}>
              <Typography.Text>{t('partner.asOf')}</Typography.Text>
              <DateInput value={asOf} onChange={(value) => update({ asOf: value })} allowClear data-testid="experts-as-of" />
            </Flex>
            <Link to="/experts/renewals">
              <Button icon={<BellOutlined />}>{t('exp.renewals')}</Button>
            </Link>
            {can(user, 'create', 'appointment') ? (
              <Link to="/experts/appointments/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('exp.add')}
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      <Flex vertical gap={16}>
        <EngagedFigures figures={figures.data} onTitle={(title) => behind({ title })} onCountry={(country) => behind({ country })} />
        <AppointmentsTable search={search} navigate={(next) => void navigate({ search: next })} asOf={asOf} />
      </Flex>
    </>
  );
}
