import { Form, Input, Modal, Typography } from 'antd';
import type { VisitStatus } from '../../../shared/contracts/visits.ts';
import { DateInput } from '../../components/date-input.tsx';
import { useI18n } from '../../lib/i18n.tsx';

/** A step about to be taken: its date, and for closing the report. */
export interface PendingStep {
  to: VisitStatus;
  on: string;
  report?: string;
}

interface StepDialogProps {
  step: PendingStep;
  saving: boolean;
  onChange: (step: PendingStep) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

const DANGEROUS: readonly VisitStatus[] = ['rejected', 'cancelled'];

/** Confirms one workflow step with its date; closing asks for the report (the minutes), as the office files it. */
export function StepDialog({ step, saving, onChange, onConfirm, onCancel }: StepDialogProps) {
  const { t } = useI18n();
  const to = step.to as Exclude<VisitStatus, 'requested'>;
  return (
    <Modal
      open
      width={step.to === 'closed' ? 720 : 480}
      title={t(`visit.to.${to}`)}
      okText={t(`visit.to.${to}`)}
      okButtonProps={{ danger: DANGEROUS.includes(step.to), 'data-testid': 'visit-step-ok' }}
      cancelText={t('action.cancel')}
      confirmLoading={saving}
      onOk={onConfirm}
      onCancel={onCancel}
      destroyOnHidden
    >
      {step.to === 'held' ? <Typography.Paragraph type="secondary">{t('visit.heldHint')}</Typography.Paragraph> : null}
      {step.to === 'cancelled' ? <Typography.Paragraph type="secondary">{t('visit.cancelConfirm')}</Typography.Paragraph> : null}
      <Form layout="vertical">
        <Form.Item label={t(`visit.on.${to}`)} required>
          <DateInput value={step.on} allowClear={false} onChange={(on) => on && onChange({ ...step, on })} style={{ width: '100%' }} data-testid="visit-step-date" />
        </Form.Item>
        {step.to === 'closed' ? (
          <Form.Item label={t('visit.field.report')} required extra={t('visit.reportHint')}>
            <Input.TextArea
              value={step.report ?? ''}
              onChange={(e) => onChange({ ...step, report: e.target.value })}
              autoSize={{ minRows: 6, maxRows: 16 }}
              maxLength={20000}
              showCount
              data-testid="visit-report-text"
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
