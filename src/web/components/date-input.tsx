import { DatePicker, type DatePickerProps, type GetProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/** How dates are written everywhere: in the contracts, the URL, and the pickers' text fields. */
export const ISO_DATE = 'YYYY-MM-DD';

/** A contract date ('YYYY-MM-DD') as a picker value; empty or malformed gives null. */
export function toDay(iso: string | null | undefined): Dayjs | null {
  if (!iso) return null;
  const day = dayjs(iso);
  return day.isValid() ? day : null;
}

/** A picker value as a contract date ('YYYY-MM-DD'); a cleared picker gives undefined. */
export function fromDay(day: Dayjs | null | undefined): string | undefined {
  return day ? day.format(ISO_DATE) : undefined;
}

type DateInputProps = Omit<DatePickerProps<Dayjs, false>, 'value' | 'defaultValue' | 'onChange' | 'multiple' | 'picker'> & {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
};

/**
 * A date picker whose value is a 'YYYY-MM-DD' string, as the contracts take it: a Form.Item around it
 * holds the string, so contract validation and server field errors apply unchanged.
 */
export function DateInput({ value, onChange, ...rest }: DateInputProps) {
  return <DatePicker format={ISO_DATE} {...rest} value={toDay(value)} onChange={(day: Dayjs | null) => onChange?.(fromDay(day))} />;
}

type RangePickerProps = GetProps<typeof DatePicker.RangePicker>;
/** A period as two contract dates; either end may be open. */
export type DateRange = readonly [from: string | undefined, to: string | undefined];

type DateRangeInputProps = Omit<RangePickerProps, 'value' | 'defaultValue' | 'onChange' | 'picker' | 'allowEmpty'> & {
  value?: DateRange;
  onChange?: (value: DateRange) => void;
};

/** A from–to pair of 'YYYY-MM-DD' strings; either end may be left empty (an open period). */
export function DateRangeInput({ value, onChange, ...rest }: DateRangeInputProps) {
  return (
    <DatePicker.RangePicker
      format={ISO_DATE}
      allowEmpty={[true, true]}
      {...rest}
      value={[toDay(value?.[0]), toDay(value?.[1])]}
      onChange={(days) => onChange?.([fromDay(days?.[0]), fromDay(days?.[1])])}
    />
  );
}
