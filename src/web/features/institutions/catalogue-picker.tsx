import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Flex, Input, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { CatalogueEntry } from '../../../shared/contracts/institutions.ts';
import { CountryName, CountrySelect } from '../../components/country-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useDebounced } from '../../lib/use-debounced.ts';
import { useCatalogue } from './api.ts';

/** Search the reference catalogue (world universities, Erasmus charter holders) and pick one entry. */
export function CataloguePicker({ onPick }: { onPick: (entry: CatalogueEntry) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [country, setCountry] = useState<string | undefined>();
  const q = useDebounced(text.trim(), 300);
  const { data, isFetching } = useCatalogue(q, country);

  const options = useMemo(
    () =>
      (q.length >= 2 ? (data ?? []) : []).map((entry) => ({
        value: entry.ref,
        label: (
          <Flex justify="space-between" gap={12}>
            <div style={{ minWidth: 0, whiteSpace: 'normal', lineHeight: 1.35 }}>
              <div>{entry.name}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <CountryName code={entry.countryCode} />
                {entry.city ? ` · ${entry.city}` : ''}
                {entry.domains[0] ? ` · ${entry.domains[0]}` : ''}
              </Typography.Text>
            </div>
            <Flex vertical align="flex-end" gap={2}>
              {entry.erasmusCode ? <Tag color="blue">{entry.erasmusCode}</Tag> : null}
              {entry.institutionId ? <Tag color="orange">{t('inst.alreadyAdded')}</Tag> : null}
            </Flex>
          </Flex>
        ),
      })),
    [data, q, t],
  );

  const pick = (ref: string) => {
    const entry = data?.find((e) => e.ref === ref);
    if (!entry) return;
    setText(entry.name);
    onPick(entry);
  };

  return (
    <Flex gap={8} wrap>
      <AutoComplete
        value={text}
        options={options}
        onChange={(value: string) => setText(value)}
        onSelect={pick}
        popupMatchSelectWidth
        style={{ flex: '1 1 420px' }}
        notFoundContent={q.length >= 2 && !isFetching ? t('inst.catalogueEmpty') : null}
      >
        <Input data-testid="catalogue-picker" prefix={<SearchOutlined />} placeholder={t('inst.cataloguePlaceholder')} allowClear />
      </AutoComplete>
      <CountrySelect value={country} onChange={setCountry} placeholder={t('inst.allCountries')} style={{ width: 220 }} />
    </Flex>
  );
}
