import { SaveOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import type { Setting } from '../../../shared/contracts/settings.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { useSettingSave } from './api.ts';
import { deadlineLabels } from './deadline-labels.ts';

/** Settings whose range is not the usual 1 and up: the digest's hour of the day. The server checks it too. */
const BOUNDS: Record<string, { min: number; max: number }> = { 'digest.hour': { min: 0, max: 23 } };

/** One numeric setting (a threshold, a deadline's lead time): what it decides, its value, and (for the office) a field to change it at its version. */
export function SettingRow({ setting, editable }: { setting: Setting; editable: boolean }) {
  const { t, locale, formatNumber, formatDateTime } = useI18n();
  const current = typeof setting.value === 'number' ? setting.value : null;
  const [value, setValue] = useState<number | null>(current);
  const [problem, setProblem] = useState<string | null>(null);
  const words = deadlineLabels(setting.key, t, locale);
  const label = (suffix: 'title' | 'help' | 'unit') => (words ? words[suffix] : t(`settings.${setting.key}.${suffix}` as MessageKey));

  const { save, saving } = useSettingSave(setting, (fields) => setProblem(fields.length ? fields.map((f) => f.message.replace(/^value: /, '')).join('; ') : null));

  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      title={label('title')}
      items={[
        { key: 'what', label: t('settings.what'), children: label('help') },
        {
          key: 'value',
          label: t('settings.value'),
          children: editable ? (
            <Form.Item validateStatus={problem ? 'error' : undefined} help={problem} style={{ marginBottom: 0 }}>
              <Flex gap={8} align="center" wrap>
                <InputNumber aria-label={label('title')} min={BOUNDS[setting.key]?.min ?? 1} max={words?.max ?? BOUNDS[setting.key]?.max ?? 1_000_000} precision={0} value={value} onChange={setValue} data-testid={`setting-${setting.key}`} />
                <Typography.Text type="secondary">{label('unit')}</Typography.Text>
                <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={value === current} onClick={() => void save(value)} data-testid={`setting-save-${setting.key}`}>
                  {t('action.save')}
                </Button>
              </Flex>
            </Form.Item>
          ) : (
            <span data-testid={`setting-${setting.key}`}>
              {current === null ? t('common.empty') : formatNumber(current)} {label('unit')}
            </span>
          ),
        },
        { key: 'updatedAt', label: t('common.updatedAt'), children: `${formatDateTime(setting.updatedAt)} · ${t('common.version')} ${setting.version}` },
      ]}
    />
  );
}
