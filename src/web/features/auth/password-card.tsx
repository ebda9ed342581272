import { App, Button, Card, Form, Input } from 'antd';
import { PasswordChange } from '../../../shared/contracts/auth.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useContractForm } from '../../lib/use-contract-form.ts';
import { useChangePassword } from './api.ts';

/** Change one's own password: current and new (at least 12 characters). */
export function PasswordCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const contract = useContractForm(PasswordChange, 'account');
  const change = useChangePassword();

  const submit = async (values: unknown) => {
    const input = contract.validate(form, values);
    if (!input) return;
    try {
      await change.mutateAsync(input);
      form.resetFields();
      void message.success(t('account.passwordChanged'));
    } catch (err) {
      contract.handleError(form, err);
    }
  };

  return (
    <Card title={t('account.password')}>
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }}>
        <Form.Item {...contract.item('currentPassword')}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item {...contract.item('newPassword')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('action.save')}
        </Button>
      </Form>
    </Card>
  );
}
