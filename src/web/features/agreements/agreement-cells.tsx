import { Link } from '@tanstack/react-router';
import type { TableColumnType } from 'antd';
import type { Agreement } from '../../../shared/contracts/agreements.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { agreementTitle, AgreementTags, useAgreementLabels } from './agreement-labels.tsx';
import { AgreementPartners } from './agreement-partners.tsx';
import { TermEnd } from './term-end.tsx';

type Cell = Pick<TableColumnType<Agreement>, 'title' | 'render'>;

/**
 * The columns every list of agreements shows, by name (title linked to the agreement, partners,
 * kind, status, term end): a list picks them, gives each its key and width, and adds its own.
 */
export function useAgreementCells(): Record<'title' | 'partners' | 'kind' | 'status' | 'termEndsOn', Cell> {
  const { t, locale } = useI18n();
  const labels = useAgreementLabels();
  return {
    title: {
      title: t('agr.title'),
      render: (_, a) => (
        <Link to="/agreements/$id" params={{ id: String(a.id) }}>
          {agreementTitle(a, locale)}
        </Link>
      ),
    },
    partners: { title: t('agr.partners'), render: (_, a) => <AgreementPartners partners={a.partners} links={false} /> },
    kind: { title: t('agr.field.kind'), render: (_, a) => labels.kind(a.kind) },
    status: { title: t('agr.field.status'), render: (_, a) => <AgreementTags agreement={a} /> },
    termEndsOn: { title: t('agr.field.termEndsOn'), render: (_, a) => <TermEnd agreement={a} /> },
  };
}
