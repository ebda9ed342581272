import { Alert, Form, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { DateInput } from './date-input.tsx';

interface WorkflowStepDialogProps {
  /** The step's name: the dialog's title and its button. */
  title: string;
  /** Refusing or cancelling: the button says so in red. */
  danger?: boolean;
  /** What taking the step means, above the fields. */
  hint?: ReactNode;
  dateLabel: string;
  on: string;
  onDateChange: (on: string) => void;
  /** The server's refusal of the date, in words. */
  dateError?: string;
  /** Refusals about the step itself rather than one of its fields. */
  problems?: readonly string[];
  saving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** The step's own fields (a report, an approval number), below its date. */
  children?: ReactNode;
  wide?: boolean;
  /** `<testId>-ok` on the button, `<testId>-date` on the date. */
  testId: string;
}

/**
 * Confirms one workflow step of a record with the day it was taken, and whatever else the step
 * carries: the same dialog for every module whose records move through approval steps.
 */
export function WorkflowStepDialog(props: WorkflowStepDialogProps) {
  const { title, danger = false, hint, dateLabel, on, onDateChange, dateError, problems = [], saving, onConfirm, onCancel, children, wide = false, testId } = props;
  const { t } = useI18n();
  return (
    <Modal
      open
      width={wide ? 720 : 480}
      title={title}
      okText={title}
      okButtonProps={{ danger, 'data-testid': `${testId}-ok` }}
      cancelText={t('action.cancel')}
      confirmLoading={saving}
      onOk={onConfirm}
      onCancel={onCancel}
      destroyOnHidden
    >
      {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
      {problems.length ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problems.join('; ')} data-testid={`${testId}-refused`} /> : null}
      <Form layout="vertical">
        <Form.Item label={dateLabel} required validateStatus={dateError ? 'error' : undefined} help={dateError} data-testid={`${testId}-date-item`}>
          <DateInput value={on} allowClear={false} onChange={(next) => next && onDateChange(next)} style={{ width: '100%' }} data-testid={`${testId}-date`} />
        </Form.Item>
        {children}
      </Form>
    </Modal>
  );
}
