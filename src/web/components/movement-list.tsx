import { Link } from '@tanstack/react-router';
import { Typography } from 'antd';
import type { Locale } from '../../shared/contracts/common.ts';
import { PersonFilterTag } from '../features/people/person-filter-tag.tsx';
import type { Translate } from '../lib/i18n.tsx';
import type { ListColumn } from '../lib/list-url-state.ts';
import { DateSpan } from './date-span.tsx';
import type { ListFilter } from './list-filters.tsx';

/** What a movement's list row shows first: its dates, its titles and its purpose. */
interface ListedMovement {
  id: number;
  titleEn: string;
  titleZh: string | null;
  startDate: string;
  endDate: string;
  purpose: string;
}

/** The filters a visit's and a mission's list share, as their URLs carry them. */
interface MovementSearch {
  personId?: number;
  status?: string;
  purpose?: string;
  unitId?: number;
  country?: string;
  from?: string;
  to?: string;
}

/** A movement's kind as its list reads it: its messages (`visit.…`, `mission.…`), statuses, purposes and their labels. */
interface ListKind<S extends string, P extends string> {
  kind: 'visit' | 'mission';
  statuses: readonly S[];
  purposes: readonly P[];
  labels: { status: (value: S) => string; purpose: (value: P) => string };
  t: Translate;
}

/** A movement's title in the interface language; French falls back to English, which every movement has. */
export function movementTitle(m: Pick<ListedMovement, 'titleEn' | 'titleZh'>, locale: Locale): string {
  return (locale === 'zh' ? m.titleZh : null) || m.titleEn;
}

/** The filters a movement list begins with: the person it is narrowed to, status, purpose, unit, country or region, dates. */
export function movementFilters<Search extends MovementSearch, S extends string, P extends string>(k: ListKind<S, P>): ListFilter<Search>[] {
  const { kind, t } = k;
  return [
    {
      type: 'custom',
      render: (s, update) =>
        s.personId ? <PersonFilterTag personId={s.personId} role={t(`${kind}.member.person`)} onClose={() => update({ personId: undefined } as Partial<Search>)} testId={`${kind}s-person-filter`} /> : null,
    },
    { type: 'select', key: 'status', options: k.statuses.map((s) => ({ value: s, label: k.labels.status(s) })), placeholder: t(`${kind}.allStatuses`), width: 170, testId: `${kind}s-status-filter` },
    { type: 'select', key: 'purpose', options: k.purposes.map((p) => ({ value: p, label: k.labels.purpose(p) })), placeholder: t(`${kind}.allPurposes`), width: 170, testId: `${kind}s-purpose-filter` },
    { type: 'unit', key: 'unitId', placeholder: t(`${kind}.allUnits`), width: 220 },
    { type: 'country', key: 'country', placeholder: t(`${kind}.allCountries`), width: 200 },
    { type: 'dates', from: 'from', to: 'to', width: 260 },
  ];
}

/** The columns a movement list begins with: its dates (newest first), and its title, linked to its page, above its purpose. */
export function movementColumns<R extends ListedMovement, S extends string, P extends string>(k: ListKind<S, P>, locale: Locale): ListColumn<R, 'startDate' | 'titleEn'>[] {
  const { kind, t } = k;
  return [
    { key: 'startDate', sortable: true, sortDirections: ['descend', 'ascend'], title: t(`${kind}.dates`), width: 125, render: (_, m) => <DateSpan start={m.startDate} end={m.endDate} stacked /> },
    {
      key: 'titleEn',
      sortable: true,
      title: t(`${kind}.title`),
      minWidth: 260,
      render: (_, m) => (
        <div style={{ lineHeight: 1.35 }}>
          <Link to={kind === 'visit' ? '/visits/$id' : '/missions/$id'} params={{ id: String(m.id) }}>
            {movementTitle(m, locale)}
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {k.labels.purpose(m.purpose as P)}
          </Typography.Text>
        </div>
      ),
    },
  ];
}
