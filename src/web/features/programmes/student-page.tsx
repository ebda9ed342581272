import { getRouteApi, Link } from '@tanstack/react-router';
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import {
  ASSESSMENT_STAGES,
  PLACEMENT_TRANSITIONS,
  type AssessmentInput,
  type Placement,
  type PlacementInput,
  type ProgrammeStudentRecord,
} from '../../../shared/contracts/programmes.ts';
import { BackLink } from '../../components/back-link.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { InstitutionSelect } from '../../components/institution-select.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RecordHistory } from '../../components/record-history.tsx';
import { ErrorPage, LoadingPage, NotFoundPage } from '../../components/status-pages.tsx';
import { errorText, isNotFound } from '../../lib/errors.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useStudentRecord, useStudentWrites } from './api.ts';

const route = getRouteApi('/app/programmes/students/$id');

/** The student's examinations and evaluations, with a form to record one. */
function AssessmentsCard({ student, editable }: { student: ProgrammeStudentRecord; editable: boolean }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const writes = useStudentWrites(student.id);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<AssessmentInput>();
  const save = async () => {
    try {
      const values = await form.validateFields();
      await writes.addAssessment.mutateAsync({ ...values, meetsStandard: values.meetsStandard ?? false });
      setOpen(false);
      form.resetFields();
    } catch (err) {
      if (err instanceof Error) void message.error(errorText(err, locale));
    }
  };
  return (
    <Card title={t('prg.assessments')} extra={editable ? <Button onClick={() => setOpen(true)} data-testid="assessment-add">{t('prg.addAssessment')}</Button> : null}>
      <Alert type={student.meetsStandard ? 'success' : 'warning'} showIcon message={t(student.meetsStandard ? 'prg.standardMet' : 'prg.standardNotMet')} style={{ marginBottom: 12 }} data-testid="standard-state" />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={student.assessments}
        columns={[
          { key: 'assessedOn', title: t('prg.assessedOn'), dataIndex: 'assessedOn', width: 120 },
          { key: 'stage', title: t('prg.stage'), render: (_, a) => t(`programme.stage.${a.stage}` as MessageKey) },
          { key: 'result', title: t('prg.result'), dataIndex: 'result' },
          { key: 'meets', title: t('prg.meetsStandard'), render: (_, a) => <Tag color={a.meetsStandard ? 'green' : 'red'}>{t(a.meetsStandard ? 'common.yes' : 'common.no')}</Tag> },
          { key: 'notes', title: t('prg.notes'), dataIndex: 'evaluatorNotes' },
          ...(editable
            ? [{
                key: 'delete',
                title: '',
                width: 90,
                render: (_: unknown, a: ProgrammeStudentRecord['assessments'][number]) => (
                  <Popconfirm title={t('prg.delete')} onConfirm={() => writes.deleteAssessment.mutateAsync({ id: a.id, version: a.version }).catch((err: Error) => void message.error(errorText(err, locale)))}>
                    <Button size="small" danger>{t('prg.delete')}</Button>
                  </Popconfirm>
                ),
              }]
            : []),
        ]}
      />
      <Modal open={open} title={t('prg.addAssessment')} onCancel={() => setOpen(false)} onOk={() => void save()} confirmLoading={writes.addAssessment.isPending}>
        <Form form={form} layout="vertical" initialValues={{ meetsStandard: false }}>
          <Form.Item name="stage" label={t('prg.stage')} rules={[{ required: true }]}>
            <Select options={ASSESSMENT_STAGES.map((s) => ({ value: s, label: t(`programme.stage.${s}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="assessedOn" label={t('prg.assessedOn')} rules={[{ required: true }]}>
            <DateInput />
          </Form.Item>
          <Form.Item name="result" label={t('prg.result')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="meetsStandard" label={t('prg.meetsStandard')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="evaluatorNotes" label={t('prg.notes')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** The student's residency placements with their workflow steps, and a form to propose one. */
function PlacementsCard({ student, editable }: { student: ProgrammeStudentRecord; editable: boolean }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const writes = useStudentWrites(student.id);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PlacementInput>();
  const propose = async () => {
    try {
      await writes.propose.mutateAsync(await form.validateFields());
      setOpen(false);
      form.resetFields();
    } catch (err) {
      if (err instanceof Error) void message.error(errorText(err, locale));
    }
  };
  const step = (p: Placement, to: Placement['status']) =>
    writes.step.mutateAsync({ id: p.id, to, version: p.version }).catch((err: Error) => void message.error(errorText(err, locale)));
  return (
    <Card title={t('prg.placements')} extra={editable ? <Button onClick={() => setOpen(true)} data-testid="placement-propose">{t('prg.propose')}</Button> : null}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={student.placements}
        columns={[
          { key: 'host', title: t('prg.host'), render: (_, p) => <Link to="/institutions/$id" params={{ id: String(p.hostInstitutionId) }}>{(locale === 'zh' ? p.hostInstitution.nameZh : locale === 'fr' ? p.hostInstitution.nameFr : null) ?? p.hostInstitution.nameEn}</Link> },
          { key: 'department', title: t('prg.department'), dataIndex: 'department' },
          { key: 'dates', title: t('prg.dates'), render: (_, p) => `${p.startDate} – ${p.endDate}` },
          { key: 'status', title: t('prg.status'), render: (_, p) => <Tag data-testid="placement-status">{t(`programme.placementStatus.${p.status}` as MessageKey)}</Tag> },
          {
            key: 'steps',
            title: '',
            render: (_, p) =>
              editable ? (
                <Space>
                  {PLACEMENT_TRANSITIONS[p.status].map((to) => (
                    <Button key={to} size="small" danger={to === 'withdrawn'} loading={writes.step.isPending} onClick={() => void step(p, to)} data-testid={`placement-${to}`}>
                      {t(`prg.step.${to}` as MessageKey)}
                    </Button>
                  ))}
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal open={open} title={t('prg.propose')} onCancel={() => setOpen(false)} onOk={() => void propose()} confirmLoading={writes.propose.isPending}>
        <Form form={form} layout="vertical">
          <Form.Item name="hostInstitutionId" label={t('prg.host')} rules={[{ required: true }]}>
            <InstitutionSelect />
          </Form.Item>
          <Form.Item name="department" label={t('prg.department')}>
            <Input maxLength={300} />
          </Form.Item>
          <Space>
            <Form.Item name="startDate" label={t('prg.startDate')} rules={[{ required: true }]}>
              <DateInput />
            </Form.Item>
            <Form.Item name="endDate" label={t('prg.endDate')} rules={[{ required: true }]}>
              <DateInput />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}

/** A programme student's record: who, which cohort, the examinations and evaluations, the residency placement and its workflow. */
export function StudentPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const id = Number(route.useParams().id);
  const { data: student, error } = useStudentRecord(id);
  if (error) return isNotFound(error) ? <NotFoundPage /> : <ErrorPage error={error} />;
  if (!student) return <LoadingPage />;
  const editable = can(user, 'edit', 'programme');
  const name = `${student.person.nameZh ?? ''} ${[student.person.familyName, student.person.givenName].filter(Boolean).join(' ')}`.trim();
  return (
    <>
      <PageHeader title={`${student.studentNumber} · ${name}`} extra={<BackLink to="/programmes/students" />} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Card>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('prg.name')}>
              <Link to="/people/$id" params={{ id: String(student.personId) }}>{name}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('prg.cohort')}>{student.entryYear}</Descriptions.Item>
            <Descriptions.Item label={t('prg.status')}>{t(`programme.studentStatus.${student.status}` as MessageKey)}</Descriptions.Item>
          </Descriptions>
        </Card>
        <AssessmentsCard student={student} editable={editable} />
        <PlacementsCard student={student} editable={editable} />
        <RecordHistory entity="programme_student" entityId={student.id} />
      </Space>
    </>
  );
}
