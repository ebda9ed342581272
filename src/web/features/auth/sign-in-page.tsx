import { LockOutlined, LoginOutlined, MailOutlined, UserOutlined } from '@ant-design/icons';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { Alert, Button, Card, Divider, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { LdapSignInInput, SignInInput, type SignInMethods } from '../../../shared/contracts/auth.ts';
import { errorMessage } from '../../../shared/i18n/errors.ts';
import { LangSwitch } from '../../components/lang-switch.tsx';
import { ApiError } from '../../lib/api.ts';
import { useApiGet } from '../../lib/api-query.ts';
import { errorText } from '../../lib/errors.ts';
import { storedLocale, useI18n } from '../../lib/i18n.tsx';
import { signIn } from '../../lib/session.ts';
import { useContractForm } from '../../lib/use-contract-form.ts';

const route = getRouteApi('/sign-in');

/**
 * The sign-in page: what the server offers (GET /api/auth/methods) — the identity provider's
 * button, the directory's form, email and password — and goes back to the page that asked for
 * sign-in. With passwords off, the password form stays behind a link for the break-glass admin.
 */
export function SignInPage() {
  const { t, locale } = useI18n();
  const { redirect, error: refused } = route.useSearch();
  const methods = useApiGet<SignInMethods>(['auth', 'methods'], '/auth/methods').data;
  const [breakGlass, setBreakGlass] = useState(false);
  const oidcStart = `/api/auth/oidc/start${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''}`;
  const showPassword = !methods || methods.password || breakGlass;

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
        {refused ? <Alert type="error" showIcon title={errorMessage(refused, locale)} style={{ marginBottom: 16 }} data-testid="sign-in-refused" /> : null}
        {methods?.oidc ? (
          <Button type="primary" block icon={<LoginOutlined />} href={oidcStart} data-testid="oidc-sign-in">
            {t('signIn.with', { name: methods.oidc.name })}
          </Button>
        ) : null}
        {methods?.oidc && (methods.ldap || showPassword) ? <Divider plain>{t('signIn.or')}</Divider> : null}
        {methods?.ldap ? (
          <>
            <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
              {methods.ldap.name}
            </Typography.Text>
            <CredentialsForm schema={LdapSignInInput} prefix="ldapSignIn" redirect={redirect} />
          </>
        ) : null}
        {methods?.ldap && showPassword ? <Divider plain>{t('signIn.or')}</Divider> : null}
        {showPassword ? (
          <CredentialsForm schema={SignInInput} prefix="signIn" redirect={redirect} />
        ) : (
          <Button type="link" block onClick={() => setBreakGlass(true)}>
            {t('signIn.breakGlass')}
          </Button>
        )}
      </Card>
    </Flex>
  );
}

/** One sign-in form: email and password (local), or user name and password (the directory). */
function CredentialsForm(props: { schema: typeof SignInInput | typeof LdapSignInInput; prefix: 'signIn' | 'ldapSignIn'; redirect: string | undefined }) {
  const { t, locale, setLocale } = useI18n();
  const router = useRouter();
  const [form] = Form.useForm();
  const contract = useContractForm(props.schema, props.prefix);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const directory = props.prefix === 'ldapSignIn';
  // The two schemas share the password; the other field is the one this form's schema names.
  const item = contract.item as (field: 'email' | 'username' | 'password') => ReturnType<typeof contract.item>;

  const submit = async (values: unknown) => {
    setError(null);
    const input = contract.validate(form, values) as z.output<typeof SignInInput> | z.output<typeof LdapSignInInput> | undefined;
    if (!input) return;
    setBusy(true);
    try {
      const session = await signIn(input);
      if (!storedLocale() && session.user.locale !== locale) setLocale(session.user.locale);
      router.history.push(props.redirect ?? '/todo');
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.fields.length > 0) contract.handleError(form, err);
      else setError(errorText(err, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} validateTrigger="onBlur">
      {directory ? (
        <Form.Item {...item('username')}>
          <Input name="username" autoComplete="username" prefix={<UserOutlined />} />
        </Form.Item>
      ) : (
        <Form.Item {...item('email')}>
          <Input name="email" type="email" autoComplete="username" prefix={<MailOutlined />} autoFocus />
        </Form.Item>
      )}
      <Form.Item {...item('password')}>
        <Input.Password name="password" autoComplete="current-password" prefix={<LockOutlined />} />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Button type={directory ? 'default' : 'primary'} htmlType="submit" block loading={busy}>
        {t('signIn.submit')}
      </Button>
    </Form>
  );
}
