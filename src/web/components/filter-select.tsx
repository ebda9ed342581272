import { Select, type SelectProps } from 'antd';
import type { ReactNode } from 'react';

interface FilterSelectProps<V extends string | number> extends Omit<SelectProps<V>, 'value' | 'onChange' | 'options' | 'style'> {
  value: V | undefined;
  /** The value chosen, undefined when the filter is cleared. */
  onChange: (value: V | undefined) => void;
  placeholder: string;
  width: number;
  options: { value: V; label: ReactNode }[];
}

/** A filter of a few values above a list: cleared to show them all, its placeholder saying what it filters by (to a screen reader too). */
export function FilterSelect<V extends string | number>({ value, onChange, width, options, ...select }: FilterSelectProps<V>) {
  return <Select<V> aria-label={select.placeholder} {...select} value={value} onChange={(v) => onChange(v)} allowClear style={{ width }} options={options} />;
}
