import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { EwpFactsheet, EwpFactsheetInput } from '../../../shared/contracts/ewp-factsheet.ts';
import type { Setting } from '../../../shared/contracts/settings.ts';
import type { ApiFieldError } from '../../lib/api.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { useSettings, useSettingSave } from './api.ts';

const CONTACTS = ['applicationInfo', 'housing', 'visa', 'insurance'] as const;
const TERMS = ['nominations', 'applications'] as const;
const EMPTY_CONTACT = { email: '', phone: '', url: '' };

/** What the form edits: the factsheet as saved (or blank), and the logo's address. */
type FormValues = EwpFactsheetInput & { logoUrl: string };

function initialValues(factsheet: EwpFactsheet | null, logoUrl: string | null): FormValues {
  return {
    nominations: { autumn: '', spring: '' },
    applications: { autumn: '', spring: '' },
    applicationInfo: EMPTY_CONTACT,
    housing: EMPTY_CONTACT,
    visa: EMPTY_CONTACT,
    insurance: EMPTY_CONTACT,
    decisionWeeks: undefined as unknown as number,
    torWeeks: undefined as unknown as number,
    ...factsheet,
    logoUrl: logoUrl ?? '',
  };
}

/**
 * The office's EWP factsheet (`ewp.factsheet`) and logo (`ewp.logoUrl`), which the Factsheet
 * and Institutions APIs give partners: deadlines per term, whom to ask about applying, housing,
 * visas and insurance, accessibility services and other information. The server checks every
 * field; what it refuses is shown beside the field.
 */
export function EwpFactsheetCard({ editable }: { editable: boolean }) {
  const { t } = useI18n();
  const { data } = useSettings();
  const factsheet = data?.find((s) => s.key === 'ewp.factsheet');
  const logo = data?.find((s) => s.key === 'ewp.logoUrl');
  if (!factsheet || !logo) return null;
  return (
    <Card title={t('settings.ewpFactsheet.title')} data-testid="ewp-factsheet-card">
      <Typography.Paragraph type="secondary">{t('settings.ewpFactsheet.help')}</Typography.Paragraph>
      <FactsheetForm key={`${factsheet.version}-${logo.version}`} factsheet={factsheet} logo={logo} editable={editable} />
    </Card>
  );
}

function FactsheetForm({ factsheet, logo, editable }: { factsheet: Setting; logo: Setting; editable: boolean }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const label = (key: string) => t(`settings.ewpFactsheet.${key}` as MessageKey);
  // the server names a refused field `value.housing.phone`: the form's field is ['housing', 'phone']
  const showProblems = (prefix: string[]) => (fields: ApiFieldError[]) =>
    form.setFields(fields.map((f) => ({ name: [...prefix, ...f.field.replace(/^value\.?/, '').split('.').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p))] as never, errors: [f.message.replace(/^[\w.]+: /, '')] })));
  const factsheetSave = useSettingSave(factsheet, showProblems([]));
  const logoSave = useSettingSave(logo, showProblems(['logoUrl']));
  const initial = initialValues(factsheet.value as EwpFactsheet | null, logo.value as string | null);
  // only what was changed is saved: changing the logo alone does not send a blank factsheet
  const [factsheetChanged, setFactsheetChanged] = useState(false);

  const submit = async ({ logoUrl, ...value }: FormValues) => {
    const trimmedLogo = logoUrl.trim() || null;
    if (trimmedLogo !== logo.value) await logoSave.save(trimmedLogo);
    if (factsheetChanged) await factsheetSave.save(value);
  };

  return (
    <Form
      form={form}
      layout="vertical"
      size="small"
      initialValues={initial}
      disabled={!editable}
      onValuesChange={(changed: Partial<FormValues>) => Object.keys(changed).some((k) => k !== 'logoUrl') && setFactsheetChanged(true)}
      onFinish={(values) => void submit(values)}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="logoUrl" label={label('logoUrl')}>
            <Input placeholder="https://" data-testid="ewp-logo-url" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="decisionWeeks" label={label('decisionWeeks')}>
            <InputNumber min={1} max={52} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="torWeeks" label={label('torWeeks')}>
            <InputNumber min={1} max={52} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        {TERMS.flatMap((term) =>
          (['autumn', 'spring'] as const).map((season) => (
            <Col xs={12} md={6} key={`${term}-${season}`}>
              <Form.Item name={[term, season]} label={`${label(term)} · ${label(season)}`}>
                <Input placeholder="04-15" maxLength={5} />
              </Form.Item>
            </Col>
          )),
        )}
      </Row>
      {CONTACTS.map((topic) => (
        <Row gutter={12} key={topic}>
          <Col xs={24} md={4}>
            <Typography.Text strong>{label(topic)}</Typography.Text>
          </Col>
          {(['email', 'phone', 'url'] as const).map((part) => (
            <Col xs={24} md={part === 'url' ? 8 : 6} key={part}>
              <Form.Item name={[topic, part]}>
                <Input placeholder={label(part)} aria-label={`${label(topic)} · ${label(part)}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      ))}
      <ContactList name="accessibility" title={label('accessibility')} editable={editable} first={(field) => (
        <>
          <Col xs={24} md={4}>
            <Form.Item name={[field, 'type']} initialValue="service">
              <Select options={(['service', 'infrastructure'] as const).map((v) => ({ value: v, label: label(`accessibility.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name={[field, 'name']}>
              <Input placeholder={label('name')} />
            </Form.Item>
          </Col>
        </>
      )} />
      <ContactList name="additionalInfo" title={label('additionalInfo')} editable={editable} first={(field) => (
        <Col xs={24} md={8}>
          <Form.Item name={[field, 'type']}>
            <Input placeholder={label('topic')} />
          </Form.Item>
        </Col>
      )} />
      {editable ? (
        <Flex justify="end">
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={factsheetSave.saving || logoSave.saving} data-testid="ewp-factsheet-save">
            {t('action.save')}
          </Button>
        </Flex>
      ) : null}
    </Form>
  );
}

/** A list of entries that each end with whom to ask (email, phone, web page): accessibility services, other information. */
function ContactList({ name, title, editable, first }: { name: 'accessibility' | 'additionalInfo'; title: string; editable: boolean; first: (field: number) => ReactNode }) {
  const { t } = useI18n();
  const label = (key: string) => t(`settings.ewpFactsheet.${key}` as MessageKey);
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{title}</Typography.Text>
            {editable ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => add({ contact: EMPTY_CONTACT })}>
                {label('add')}
              </Button>
            ) : null}
          </Flex>
          {fields.map((field) => (
            <Row gutter={12} key={field.key}>
              {first(field.name)}
              {(['email', 'phone', 'url'] as const).map((part) => (
                <Col xs={24} md={part === 'url' ? 5 : 4} key={part}>
                  <Form.Item name={[field.name, 'contact', part]}>
                    <Input placeholder={label(part)} aria-label={`${title} · ${label(part)}`} />
                  </Form.Item>
                </Col>
              ))}
              {editable ? (
                <Col xs={24} md={2}>
                  <Button icon={<DeleteOutlined />} aria-label={label('remove')} onClick={() => remove(field.name)} />
                </Col>
              ) : null}
            </Row>
          ))}
        </>
      )}
    </Form.List>
  );
}
