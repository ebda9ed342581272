import { App, Alert, Button, Card, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiTokenInput, TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS, TOKEN_SCOPES, type ApiToken } from '../../../shared/contracts/auth.ts';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useContractForm } from '../../lib/use-contract-form.ts';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './api.ts';

/** How long a new token may live, in days: the choices offered (the server allows 1 to TOKEN_MAX_DAYS). */
const EXPIRY_CHOICES = [30, TOKEN_DEFAULT_DAYS, 180, TOKEN_MAX_DAYS];

/** The user's API tokens: list, create with a scope and an expiry (the secret shown once), revoke. */
export function ApiTokensCard() {
  const { t, locale, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const contract = useContractForm(ApiTokenInput, 'account');
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [secret, setSecret] = useState<string | null>(null);

  const submit = async (values: unknown) => {
    const input = contract.validate(form, values);
    if (!input) return;
    try {
      const created = await create.mutateAsync({ name: input.name, scope: input.scope, expiresInDays: input.expiresInDays });
      setSecret(created.token);
      form.resetFields();
    } catch (err) {
      contract.handleError(form, err);
    }
  };

  const revokeToken = async (id: number) => {
    try {
      await revoke.mutateAsync(id);
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  return (
    <Card title={t('account.tokens')}>
      <Typography.Paragraph type="secondary">{t('account.tokensIntro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        onFinish={submit}
        initialValues={{ scope: 'read_only', expiresInDays: TOKEN_DEFAULT_DAYS }}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="name" label={t('account.name')} rules={contract.item('name').rules}>
          <Input style={{ width: 240 }} maxLength={100} />
        </Form.Item>
        <Form.Item name="scope" label={t('account.scope')} rules={contract.item('scope').rules}>
          <Select style={{ width: 160 }} options={TOKEN_SCOPES.map((s) => ({ value: s, label: t(`account.scope.${s}`) }))} />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('account.expiresInDays')} rules={contract.item('expiresInDays').rules}>
          <Select style={{ width: 120 }} options={EXPIRY_CHOICES.map((n) => ({ value: n, label: t('account.days', { n }) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('account.createToken')}
        </Button>
      </Form>
      {secret ? (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setSecret(null) }}
          style={{ marginBottom: 16 }}
          title={t('account.tokenCreated')}
          description={<Typography.Text code copyable>{secret}</Typography.Text>}
        />
      ) : null}
      <Table<ApiToken>
        rowKey="id"
        size="small"
        loading={tokens.isLoading}
        dataSource={tokens.data ?? []}
        pagination={false}
        columns={[
          { title: t('account.name'), dataIndex: 'name' },
          { title: t('account.scope'), dataIndex: 'scope', render: (v: ApiToken['scope']) => t(`account.scope.${v}`) },
          {
            title: t('account.modules'),
            dataIndex: 'modules',
            render: (v: string[] | null) => (v ? v.map((m) => <Tag key={m}>{m}</Tag>) : t('account.allModules')),
          },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: t('account.expiresAt'), dataIndex: 'expiresAt', render: (v: string) => formatDateTime(v) },
          { title: t('account.lastUsed'), dataIndex: 'lastUsedAt', render: (v: string | null) => formatDateTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, token) =>
              token.revokedAt ? (
                <Tag>{t('account.revoked')}</Tag>
              ) : new Date(token.expiresAt).getTime() <= Date.now() ? (
                <Tag>{t('account.expired')}</Tag>
              ) : (
                <Popconfirm title={t('account.revokeConfirm')} onConfirm={() => revokeToken(token.id)}>
                  <Button size="small" danger>
                    {t('action.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
