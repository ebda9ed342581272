import { Link } from '@tanstack/react-router';
import { Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import type { Programme } from '../../../shared/contracts/programmes.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useProgrammes, useVisitingProfessors } from './api.ts';

/** The programme's name in the reader's language (English when it has none in theirs). */
function programmeName(p: Programme, locale: string): string {
  return (locale === 'zh' ? p.nameZh : locale === 'fr' ? p.nameFr : null) ?? p.nameEn;
}

/** The professors the partner sent, by year. */
function Professors({ programmeId }: { programmeId: number }) {
  const { t } = useI18n();
  const { data, isFetching } = useVisitingProfessors(programmeId);
  return (
    <Table
      size="small"
      rowKey="id"
      loading={isFetching}
      dataSource={data?.items ?? []}
      pagination={{ pageSize: 10 }}
      columns={[
        { key: 'year', title: t('prg.year'), dataIndex: 'year', width: 90 },
        { key: 'person', title: t('prg.professor'), render: (_, v) => <Link to="/people/$id" params={{ id: String(v.personId) }}>{[v.person.title, v.person.givenName, v.person.familyName].filter(Boolean).join(' ')}</Link> },
        { key: 'courses', title: t('prg.courses'), dataIndex: 'courses' },
        { key: 'weeks', title: t('prg.weeks'), dataIndex: 'weeks', width: 90 },
      ]}
      data-testid="programme-professors"
    />
  );
}

/** One programme: its partners, its cohorts (each a link to its students), its visiting professors. */
function ProgrammeCard({ programme }: { programme: Programme }) {
  const { t, locale } = useI18n();
  const language = programme.language === 'fr' ? t('prg.language.fr') : programme.language;
  const standing = (locale === 'zh' ? programme.standingZh : locale === 'fr' ? programme.standingFr : null) ?? programme.standingEn;
  return (
    <Card title={programmeName(programme, locale)} extra={<Link to="/programmes/students" search={{ programmeId: programme.id }}>{t('prg.students')}</Link>} data-testid="programme-card">
      <Descriptions size="small" column={1}>
        {standing ? <Descriptions.Item label={t('prg.standing')}>{standing}</Descriptions.Item> : null}
        <Descriptions.Item label={t('prg.partners')}>
          <Space wrap>
            {programme.partners.map((p) => (
              <Link key={p.institutionId} to="/institutions/$id" params={{ id: String(p.institutionId) }}>
                <Tag>{(locale === 'zh' ? p.institution.nameZh : locale === 'fr' ? p.institution.nameFr : null) ?? p.institution.nameEn}</Tag>
              </Link>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('prg.cohorts')}>{t('prg.duration', { years: programme.durationYears, language })}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('prg.cohorts')}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        dataSource={[...programme.cohorts].reverse()}
        pagination={false}
        columns={[
          { key: 'entryYear', title: t('prg.entryYear'), render: (_, c) => <Link to="/programmes/students" search={{ programmeId: programme.id, cohortId: c.id }}>{c.entryYear}</Link> },
          { key: 'intake', title: t('prg.intake'), dataIndex: 'intake' },
          { key: 'students', title: t('prg.onRecord'), dataIndex: 'students' },
          { key: 'placed', title: t('prg.placed'), render: (_, c) => <Link to="/programmes/students" search={{ programmeId: programme.id, cohortId: c.id, placed: 'true' }}>{c.placed}</Link> },
        ]}
        data-testid="programme-cohorts"
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('prg.professors')}</Typography.Title>
      <Professors programmeId={programme.id} />
    </Card>
  );
}

/** Joint programmes: each with its partners, cohorts and visiting professors. */
export function ProgrammesPage() {
  const { t } = useI18n();
  const { data, error } = useProgrammes();
  if (error) return <ErrorPage error={error} />;
  return (
    <>
      <PageHeader title={t('nav.programmes')} />
      {data && !data.items.length ? <Empty description={t('prg.none')} /> : null}
      <Space direction="vertical" style={{ width: '100%' }}>
        {(data?.items ?? []).map((p) => <ProgrammeCard key={p.id} programme={p} />)}
      </Space>
    </>
  );
}
