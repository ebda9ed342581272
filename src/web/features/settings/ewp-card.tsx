import { DeleteOutlined, PlusOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Descriptions, Flex, Form, Input, Popconfirm, Switch, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { Setting } from '../../../shared/contracts/settings.ts';
import { EWP_DATA_APIS, type EwpDataApi } from '../../../shared/contracts/ewp.ts';
import { ApiError } from '../../lib/api.ts';
import { errorText, fieldReason } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { canChangeSettings } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useSettings, useSettingSave } from './api.ts';
import { useAddPartnerKey, useLoadCatalogue, useOwnKey, usePartnerKeys, useRemovePartnerKey } from './ewp-api.ts';

/** Our SCHAC code: a field and its save button for the office, the code alone for the others. */
function HeiIdRow({ setting, editable }: { setting: Setting; editable: boolean }) {
  const { t } = useI18n();
  const current = typeof setting.value === 'string' ? setting.value : '';
  const [value, setValue] = useState(current);
  const [problem, setProblem] = useState<string | null>(null);
  const { save, saving } = useSettingSave(setting, (fields) => setProblem(fields.length ? fields.map((f) => fieldReason('value', f.message)).join('; ') : null));
  if (!editable) return <span data-testid="ewp-hei-id">{current || t('common.empty')}</span>;
  return (
    <Form.Item validateStatus={problem ? 'error' : undefined} help={problem ?? t('ewp.heiIdHelp')} style={{ marginBottom: 0 }}>
      <Flex gap={8} wrap>
        <Input aria-label={t('ewp.heiId')} value={value} onChange={(e) => setValue(e.target.value)} placeholder="shsmu.edu.cn" style={{ maxWidth: 280 }} data-testid="ewp-hei-id" />
        <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={value.trim() === current} onClick={() => void save(value.trim() === '' ? null : value.trim())} data-testid="ewp-hei-id-save">
          {t('action.save')}
        </Button>
      </Flex>
    </Form.Item>
  );
}

/** Whether /ewp answers: a switch for the office, saved at once. */
function EnabledRow({ setting, editable }: { setting: Setting; editable: boolean }) {
  const { t } = useI18n();
  const { save, saving } = useSettingSave(setting, () => undefined);
  const on = setting.value === true;
  return (
    <Flex gap={8} align="center">
      <Switch checked={on} loading={saving} disabled={!editable} onChange={(checked) => void save(checked)} aria-label={t('ewp.enabled')} data-testid="ewp-enabled" />
      <Typography.Text type="secondary">{t('ewp.enabledHelp')}</Typography.Text>
    </Flex>
  );
}

/** Which data APIs answer once EWP is on: a box each for the office, saved at once. */
function ApisRow({ setting, editable }: { setting: Setting; editable: boolean }) {
  const { t } = useI18n();
  const { save, saving } = useSettingSave(setting, () => undefined);
  const on = Array.isArray(setting.value) ? (setting.value as EwpDataApi[]) : [];
  return (
    <Flex vertical gap={4}>
      <Checkbox.Group
        value={on}
        disabled={!editable || saving}
        onChange={(checked) => void save(EWP_DATA_APIS.filter((api) => checked.includes(api)))}
        options={EWP_DATA_APIS.map((api) => ({ value: api, label: t(`ewp.api.${api}`) }))}
        data-testid="ewp-apis"
      />
      <Typography.Text type="secondary">{t('ewp.apisHelp')}</Typography.Text>
    </Flex>
  );
}

/** The keys: ours to publish, the partners' to trust, added one by one or from the Registry's catalogue. The administrator's. */
function EwpKeys() {
  const { t, locale, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const own = useOwnKey(true);
  const partners = usePartnerKeys(true);
  const add = useAddPartnerKey();
  const remove = useRemovePartnerKey();
  const load = useLoadCatalogue();
  const [form] = Form.useForm<{ heiId: string; publicKey: string }>();

  /** The refused fields beside their inputs, any other refusal as a message. */
  const refused = (err: unknown, fields: string[]) => {
    if (err instanceof ApiError && err.fields.length) {
      const known = err.fields.filter((f) => fields.includes(f.field));
      if (known.length) form.setFields(known.map((f) => ({ name: f.field as 'heiId' | 'publicKey', errors: [fieldReason(f.field, f.message)] })));
      else void message.error(err.fields.map((f) => fieldReason(f.field, f.message)).join('; '));
    } else void message.error(errorText(err, locale));
  };

  return (
    <Flex vertical gap={16}>
      <Descriptions
        bordered
        size="small"
        column={1}
        title={t('ewp.ownKey')}
        items={[
          { key: 'help', label: t('settings.what'), children: t('ewp.ownKeyHelp') },
          {
            key: 'fingerprint',
            label: t('ewp.fingerprint'),
            children: own.data ? (
              <Typography.Text code copyable data-testid="ewp-own-key-id">
                {own.data.keyId}
              </Typography.Text>
            ) : (
              '…'
            ),
          },
          {
            key: 'pem',
            label: 'PEM',
            children: own.data ? (
              <Typography.Paragraph copyable={{ text: own.data.publicKeyPem }} style={{ marginBottom: 0 }}>
                <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{own.data.publicKeyPem}</pre>
              </Typography.Paragraph>
            ) : (
              '…'
            ),
          },
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('ewp.partnerKeys')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('ewp.partnerKeysHelp')}</Typography.Paragraph>
        <Table
          size="small"
          rowKey="id"
          loading={partners.isLoading}
          dataSource={partners.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('ewp.noKeys') }}
          scroll={{ x: 'max-content' }}
          data-testid="ewp-partner-keys"
          columns={[
            { key: 'hei', title: t('ewp.partnerHei'), dataIndex: 'heiId' },
            { key: 'keyId', title: t('ewp.fingerprint'), render: (_, k) => <Typography.Text code copyable={{ text: k.keyId }}>{`${k.keyId.slice(0, 16)}…`}</Typography.Text> },
            { key: 'createdAt', title: t('common.updatedAt'), render: (_, k) => formatDateTime(k.createdAt) },
            {
              key: 'remove',
              title: '',
              render: (_, k) => (
                <Popconfirm title={t('ewp.removeConfirm')} onConfirm={() => remove.mutateAsync(k.id).catch((err: unknown) => void message.error(errorText(err, locale)))}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${t('ewp.removeKey')} ${k.heiId}`} />
                </Popconfirm>
              ),
            },
          ]}
        />
      </div>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          add.mutateAsync(values).then(
            () => {
              form.resetFields();
              void message.success(t('ewp.keyAdded'));
            },
            (err: unknown) => refused(err, ['heiId', 'publicKey']),
          )
        }
      >
        <Form.Item name="heiId" label={t('ewp.partnerHei')} rules={[{ required: true, message: t('ewp.partnerHei') }]} style={{ maxWidth: 360 }}>
          <Input placeholder="uw.edu.pl" data-testid="ewp-partner-hei" />
        </Form.Item>
        <Form.Item name="publicKey" label={t('ewp.publicKey')} rules={[{ required: true, message: t('ewp.publicKey') }]}>
          <Input.TextArea rows={4} placeholder="-----BEGIN PUBLIC KEY-----" style={{ fontFamily: 'monospace' }} data-testid="ewp-partner-key" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="ewp-partner-add">
          {t('ewp.addKey')}
        </Button>
      </Form>
      <div>
        <Typography.Title level={5}>{t('ewp.catalogue')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('ewp.catalogueHelp')}</Typography.Paragraph>
        <Upload
          accept=".xml,application/xml,text/xml"
          showUploadList={false}
          customRequest={({ file, onSuccess, onError }) => {
            load.mutateAsync(file as File).then(
              (result) => {
                void message.success(t('ewp.catalogueLoaded', { added: result.added.length, known: result.alreadyRegistered, institutions: result.institutions }));
                onSuccess?.(null);
              },
              (err: unknown) => {
                refused(err, []);
                onError?.(err as Error);
              },
            );
          }}
        >
          <Button icon={<UploadOutlined />} loading={load.isPending} data-testid="ewp-catalogue-upload">
            {t('ewp.catalogue')}
          </Button>
        </Upload>
      </div>
    </Flex>
  );
}

/**
 * The settings page's "Erasmus Without Paper": our SCHAC code and whether /ewp answers (the
 * office's, as any setting), and for the administrator our public key with its fingerprint,
 * the partners' keys with add and remove, and the Registry catalogue's upload.
 */
export function EwpCard() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const editable = canChangeSettings(user);
  const { data } = useSettings();
  const heiId = data?.find((s) => s.key === 'ewp.heiId');
  const enabled = data?.find((s) => s.key === 'ewp.enabled');
  const apis = data?.find((s) => s.key === 'ewp.apis');
  const admin = user.role === 'admin';
  return (
    <Card title={t('ewp.title')} data-testid="ewp-settings">
      <Typography.Paragraph type="secondary">{t('ewp.help')}</Typography.Paragraph>
      <Flex vertical gap={24}>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            ...(heiId ? [{ key: 'heiId', label: t('ewp.heiId'), children: <HeiIdRow key={`${heiId.version}`} setting={heiId} editable={editable} /> }] : []),
            ...(enabled ? [{ key: 'enabled', label: t('ewp.enabled'), children: <EnabledRow setting={enabled} editable={editable} /> }] : []),
            ...(apis ? [{ key: 'apis', label: t('ewp.apis'), children: <ApisRow key={`${apis.version}`} setting={apis} editable={editable} /> }] : []),
          ]}
        />
        {admin ? <EwpKeys /> : <Typography.Text type="secondary">{t('ewp.adminOnly')}</Typography.Text>}
      </Flex>
    </Card>
  );
}
