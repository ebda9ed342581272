import { App, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { LOCALES } from '../../../shared/contracts/common.ts';
import { UserInput, type User } from '../../../shared/contracts/users.ts';
import { ROLES } from '../../../shared/roles.ts';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useContractForm } from '../../lib/use-contract-form.ts';
import { useCreateUser, useUpdateUser } from './api.ts';

interface UserFormValues {
  email?: string;
  displayName?: string;
  role?: User['role'];
  unitId?: number;
  locale?: User['locale'];
  password?: string;
  disabled?: boolean;
}

/** Create a user (the generated password is shown once) or change one, in a dialog. */
export function UserFormModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const contract = useContractForm(UserInput, 'user.field');
  const create = useCreateUser();
  const update = useUpdateUser();
  const role = Form.useWatch('role', form);

  const submit = async () => {
    const { disabled, password, ...values } = form.getFieldsValue(true) as UserFormValues;
    const input = contract.validate(form, password ? { ...values, password } : values);
    if (!input) return;
    try {
      if (user) {
        const { password: _ignored, ...fields } = input;
        await update.mutateAsync({ id: user.id, update: { ...fields, disabled: Boolean(disabled), version: user.version } });
        void message.success(t('common.saved'));
      } else {
        const created = await create.mutateAsync(input);
        if (created.password) {
          modal.success({
            title: t('user.passwordTitle'),
            content: (
              <>
                <Typography.Paragraph>{t('user.passwordOnce', { name: created.displayName })}</Typography.Paragraph>
                <Typography.Text code copyable data-testid="generated-password">
                  {created.password}
                </Typography.Text>
              </>
            ),
          });
        } else {
          void message.success(t('common.created'));
        }
      }
      onClose();
    } catch (err) {
      contract.handleError(form, err, (current) => {
        const fresh = current as User;
        form.setFieldsValue({ ...fresh, unitId: fresh.unitId ?? undefined });
      });
    }
  };

  return (
    <Modal
      open
      title={user ? t('user.editTitle') : t('user.createTitle')}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={submit}
      onCancel={onClose}
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        initialValues={user ? { ...user, unitId: user.unitId ?? undefined } : { role: 'viewer', locale: 'zh' }}
        onValuesChange={(changed: UserFormValues) => {
          if (changed.role && changed.role !== 'coordinator') form.setFieldValue('unitId', undefined);
        }}
      >
        <Form.Item {...contract.item('email')}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item {...contract.item('displayName')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item {...contract.item('role')}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item {...contract.item('unitId')} required={role === 'coordinator'}>
          <UnitSelect disabled={role !== 'coordinator'} />
        </Form.Item>
        <Form.Item {...contract.item('locale')}>
          <Select options={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))} />
        </Form.Item>
        {user ? (
          <Form.Item name="disabled" label={t('user.field.disabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : (
          <Form.Item {...contract.item('password')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
