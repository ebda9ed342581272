import { FilePdfOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Card, Flex, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { officeToday } from '../../../shared/calendar.ts';
import type { Locale } from '../../../shared/contracts/common.ts';
import { LETTER_STATUSES, type Visit, type VisitMember } from '../../../shared/contracts/visits.ts';
import { CountryName } from '../../components/country-select.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { invitationLetterUrl } from './api.ts';
import { memberName, memberOtherName } from './visit-labels.tsx';

/** The institution a visitor came from on this visit, in the interface language where it has a Chinese name. */
function institutionName(m: VisitMember, locale: Locale): string | null {
  return (locale === 'zh' ? m.institutionNameZh : null) ?? m.institutionNameEn;
}

/**
 * The delegation, head first: each visitor with their role, institution and country or region on
 * this visit, and their invitation letter in English or Chinese once the office has approved the visit,
 * dated the day the office chooses (today unless changed).
 */
export function DelegationCard({ visit: v }: { visit: Visit }) {
  const { t, locale } = useI18n();
  const letters = LETTER_STATUSES.includes(v.status);
  const [dated, setDated] = useState(officeToday);
  const letterLink = (m: VisitMember, lang: 'en' | 'zh') => {
    const label = lang === 'en' ? t('visit.letterEn') : t('visit.letterZh');
    // each language named in itself, short enough for a narrow column; the full name is for assistive technology
    const short = lang === 'en' ? 'EN' : '中文';
    return (
      <a
        href={invitationLetterUrl(v.id, m.personId, lang, dated)}
        target="_blank"
        rel="noreferrer"
        aria-label={t('visit.letterFor', { name: memberName(m, locale), lang: label })}
        data-testid={`visit-letter-${lang}`}
      >
        <FilePdfOutlined /> {short}
      </a>
    );
  };

  return (
    <Card
      title={`${t('visit.visitors')} · ${v.members.length === 1 ? t('visit.oneVisitor') : t('visit.visitorsCount', { n: v.members.length })}`}
      data-testid="visit-delegation"
      extra={
        letters ? (
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary">{t('visit.letterHint')}</Typography.Text>
            <Typography.Text type="secondary">{t('visit.letterDate')}</Typography.Text>
            <DateInput size="small" value={dated} allowClear={false} onChange={(day) => day && setDated(day)} aria-label={t('visit.letterDate')} data-testid="visit-letter-date" />
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('visit.letterNotYet')}</Typography.Text>
        )
      }
    >
      <Table<VisitMember>
        rowKey="personId"
        size="small"
        pagination={false}
        dataSource={v.members}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'name',
            title: t('visit.member.person'),
            render: (_, m) => {
              const other = memberOtherName(m, locale);
              return (
                <div style={{ lineHeight: 1.35 }}>
                  <Link to="/people/$id" params={{ id: String(m.personId) }}>
                    {memberName(m, locale)}
                  </Link>
                  {other || m.title ? (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {[other, m.title].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  ) : null}
                </div>
              );
            },
          },
          { key: 'role', title: t('visit.member.roleShort'), render: (_, m) => m.roleInDelegation ?? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text> },
          {
            key: 'from',
            title: `${t('visit.member.institution')} · ${t('visit.member.country')}`,
            render: (_, m) => (
              <div style={{ lineHeight: 1.35 }}>
                {m.institutionId ? (
                  <Link to="/institutions/$id" params={{ id: String(m.institutionId) }}>
                    {institutionName(m, locale)}
                  </Link>
                ) : null}
                <Typography.Text type={m.institutionId ? 'secondary' : undefined} style={m.institutionId ? { display: 'block', fontSize: 12 } : undefined}>
                  <CountryName code={m.countryCode} />
                </Typography.Text>
              </div>
            ),
          },
          ...(letters
            ? [
                {
                  key: 'letters',
                  title: t('visit.lettersShort'),
                  render: (_: unknown, m: VisitMember) => (
                    <Space size={8} style={{ whiteSpace: 'nowrap' }}>
                      {letterLink(m, 'en')}
                      {letterLink(m, 'zh')}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
