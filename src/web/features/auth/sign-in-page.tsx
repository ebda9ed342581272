import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { SignInInput } from '../../../shared/contracts/auth.ts';
import { LangSwitch } from '../../components/lang-switch.tsx';
import { ApiError } from '../../lib/api.ts';
import { errorText } from '../../lib/errors.ts';
import { storedLocale, useI18n } from '../../lib/i18n.tsx';
import { signIn } from '../../lib/session.ts';
import { useContractForm } from '../../lib/use-contract-form.ts';

const route = getRouteApi('/sign-in');

/** The sign-in page: email and password; goes back to the page that asked for sign-in, else to the to-do list. */
export function SignInPage() {
  const { t, locale, setLocale } = useI18n();
  const { redirect } = route.useSearch();
  const router = useRouter();
  const [form] = Form.useForm();
  const contract = useContractForm(SignInInput, 'signIn');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: unknown) => {
    setError(null);
    const input = contract.validate(form, values);
    if (!input) return;
    setBusy(true);
    try {
      const session = await signIn(input);
      if (!storedLocale() && session.user.locale !== locale) setLocale(session.user.locale);
      router.history.push(redirect ?? '/todo');
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.fields.length > 0) contract.handleError(form, err);
      else setError(errorText(err, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 24, background: 'linear-gradient(160deg, #0f2944 0%, #1f5fa8 100%)' }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LangSwitch signedIn={false} />
      </div>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('signIn.intro')}</Typography.Text>
        </Flex>
        <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} validateTrigger="onBlur">
          <Form.Item {...contract.item('email')}>
            <Input name="email" type="email" autoComplete="username" prefix={<MailOutlined />} autoFocus />
          </Form.Item>
          <Form.Item {...contract.item('password')}>
            <Input.Password name="password" autoComplete="current-password" prefix={<LockOutlined />} />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
