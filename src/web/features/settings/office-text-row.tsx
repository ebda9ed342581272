import { SaveOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import type { OfficeText, Setting } from '../../../shared/contracts/settings.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { useSettingSave } from './api.ts';

const LANGUAGES = ['en', 'zh', 'fr'] as const;
const EMPTY: OfficeText = { en: '', zh: '', fr: '' };

/** A text setting the office writes in each language (the fact sheet's closing paragraph), with a field per language and its own problems beside it. */
export function OfficeTextRow({ setting, editable }: { setting: Setting; editable: boolean }) {
  const { t, formatDateTime } = useI18n();
  const current = (setting.value as OfficeText | null) ?? EMPTY;
  const [value, setValue] = useState<OfficeText>(current);
  const [problems, setProblems] = useState<Partial<Record<keyof OfficeText, string>>>({});
  const label = (suffix: string) => t(`settings.${setting.key}.${suffix}` as MessageKey);
  const changed = LANGUAGES.some((l) => value[l] !== current[l]);

  const { save, saving } = useSettingSave(setting, (fields) => setProblems(Object.fromEntries(fields.map((f) => [f.field.replace(/^value\./, ''), f.message.replace(/^value\.\w+: /, '')]))));

  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      title={label('title')}
      items={[
        { key: 'what', label: t('settings.what'), children: label('help') },
        ...LANGUAGES.map((l) => ({
          key: l,
          label: label(l),
          children: editable ? (
            <Form.Item validateStatus={problems[l] ? 'error' : undefined} help={problems[l]} style={{ marginBottom: 0 }}>
              <Input.TextArea aria-label={`${label('title')} · ${label(l)}`} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} value={value[l]} onChange={(e) => setValue({ ...value, [l]: e.target.value })} data-testid={`setting-${setting.key}-${l}`} />
            </Form.Item>
          ) : (
            <span data-testid={`setting-${setting.key}-${l}`}>{current[l]}</span>
          ),
        })),
        ...(editable
          ? [{ key: 'save', label: '', children: (
              <Flex justify="end">
                <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!changed} onClick={() => void save(value)} data-testid={`setting-save-${setting.key}`}>
                  {t('action.save')}
                </Button>
              </Flex>
            ) }]
          : []),
        { key: 'updatedAt', label: t('common.updatedAt'), children: `${formatDateTime(setting.updatedAt)} · ${t('common.version')} ${setting.version}` },
      ]}
    />
  );
}
