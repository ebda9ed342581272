import { SaveOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Row, Select, type FormInstance } from 'antd';
import { INSTRUCTION_LANGUAGES, STUDENT_FUNDING, STUDENT_LEVELS, type StudentEnrolmentInput } from '../../../shared/contracts/students.ts';
import { CountrySelect } from '../../components/country-select.tsx';
import { DateInput } from '../../components/date-input.tsx';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import type { ContractForm } from '../../lib/use-contract-form.ts';
import { PersonSelect } from '../visits/person-select.tsx';
import type { StudentFormValues } from './student-values.ts';

interface StudentFormProps {
  form: FormInstance<StudentFormValues>;
  contract: ContractForm<typeof StudentEnrolmentInput>;
  initialValues: StudentFormValues;
  /** The student's name (who cannot change once enrolled). */
  studentLabel?: string | null;
  editing?: boolean;
  saving: boolean;
  onSubmit: (values: StudentFormValues) => void;
  onCancel?: () => void;
}

/** The enrolment form: the student, the programme and who teaches it, funding and language, the country counted, the dates. */
export function StudentForm({ form, contract, initialValues, studentLabel, editing, saving, onSubmit, onCancel }: StudentFormProps) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const half = { xs: 24, md: 12 };
  const third = { xs: 24, md: 8 };
  const options = <K extends string>(prefix: string, keys: readonly K[]) => keys.map((k) => ({ value: k, label: t(`${prefix}.${k}` as MessageKey) }));

  return (
    <Form<StudentFormValues> form={form} layout="vertical" clearOnDestroy initialValues={initialValues} onFinish={onSubmit} scrollToFirstError>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item {...contract.item('personId')}>
            <PersonSelect currentLabel={studentLabel} disabled={editing} data-testid="student-person" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item {...contract.item('countryCode')} extra={t('stu.countryHint')}>
            <CountrySelect allowClear />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item {...contract.item('level')}>
            <Select options={options('student.level', STUDENT_LEVELS)} data-testid="student-level" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('programmeEn')}>
            <Input maxLength={300} data-testid="student-programme-en" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('programmeZh')}>
            <Input maxLength={300} lang="zh" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item {...contract.item('unitId')}>
            <UnitSelect within={user.role === 'coordinator' ? user.unitId : undefined} data-testid="student-unit" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('funding')}>
            <Select options={options('student.funding', STUDENT_FUNDING)} popupMatchSelectWidth={false} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('instructionLanguage')}>
            <Select options={options('student.language', INSTRUCTION_LANGUAGES)} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col {...third}>
          <Form.Item {...contract.item('studentNumber')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('admittedOn')}>
            <DateInput style={{ width: '100%' }} data-testid="student-admitted" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item {...contract.item('expectedCompletionOn')}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item {...contract.item('notes')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10000} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="student-save">
          {t('action.save')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('action.cancel')}</Button> : null}
      </Flex>
    </Form>
  );
}
