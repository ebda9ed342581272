import { Form, Input, InputNumber, Select, Switch, type FormItemProps } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { FieldSpec, OptionLabels } from '../lib/field-spec.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import { useCurrentUser } from '../lib/session.ts';
import { CountrySelect } from './country-select.tsx';
import { DateInput } from './date-input.tsx';
import { InstitutionSelect } from './institution-select.tsx';
import { PersonSelect } from './person-select.tsx';
import { UnitSelect } from './unit-select.tsx';

type ItemProps = Pick<FormItemProps, 'name' | 'label' | 'rules' | 'required'>;

interface FormFieldProps {
  spec: FieldSpec;
  /** The contract's item props for the field: name, label, inline rule, required mark. */
  item: ItemProps;
  disabled: boolean;
  /** Replaces the spec's hint (a hint that depends on a setting or a state); null for none. */
  extra?: ReactNode;
  /** The chosen person's or institution's name, shown before any search. */
  currentLabel?: string | null;
}

// A cleared InputNumber gives null; the contract's defaults apply to an absent value only.
const absentIfNull = (value: unknown) => value ?? undefined;

interface InputContext {
  t: (key: MessageKey) => string;
  optionLabel: (labels: OptionLabels, value: string) => string;
  /** A coordinator's own unit, within which they choose units; undefined for the office. */
  ownUnit: number | null | undefined;
}

/** The input of one described field: an element, so that the Form.Item around it hands it its value, change handler and id. */
function fieldInput({ spec, disabled, currentLabel }: Omit<FormFieldProps, 'item' | 'extra'>, { t, optionLabel, ownUnit }: InputContext) {
  const testId = spec.testId;
  switch (spec.kind) {
    case 'text':
      return (
        <Input
          maxLength={spec.maxLength}
          lang={spec.lang}
          type={spec.email ? 'email' : undefined}
          placeholder={spec.placeholder}
          style={spec.upperCase ? { textTransform: 'uppercase' } : undefined}
          autoComplete={spec.noAutocomplete ? 'off' : undefined}
          autoFocus={spec.autoFocus}
          disabled={disabled || spec.readOnly}
          data-testid={testId}
        />
      );
    case 'longText': {
      const [minRows, maxRows] = spec.rows ?? [2, 10];
      return <Input.TextArea autoSize={{ minRows, maxRows }} maxLength={spec.maxLength} disabled={disabled} data-testid={testId} />;
    }
    case 'date':
      return <DateInput style={{ width: '100%' }} disabled={disabled} disabledDate={spec.noFuture ? (day) => day.isAfter(dayjs(), 'day') : undefined} data-testid={testId} />;
    case 'select':
      return (
        <Select
          allowClear={spec.clearable}
          popupMatchSelectWidth={spec.wideMenu ? false : undefined}
          options={spec.values.map((value) => ({ value, label: optionLabel(spec.labels, value) }))}
          disabled={disabled}
          data-testid={testId}
        />
      );
    case 'tags':
      return <Select mode="tags" open={false} tokenSeparators={[';']} placeholder={spec.placeholder ? t(spec.placeholder) : undefined} disabled={disabled} data-testid={testId} />;
    case 'number':
      return <InputNumber<number> min={spec.min} max={spec.max} step={spec.step} precision={spec.integer ? 0 : undefined} style={{ width: '100%' }} disabled={disabled} data-testid={testId} />;
    case 'yesNo':
      return <Switch disabled={disabled} data-testid={testId} />;
    case 'unit':
      return <UnitSelect within={spec.anyUnit ? undefined : ownUnit} allowClear={spec.clearable} disabled={disabled} data-testid={testId} />;
    case 'country':
      return <CountrySelect allowClear={spec.clearable} disabled={disabled} data-testid={testId} />;
    case 'institution':
      return <InstitutionSelect currentLabel={currentLabel} allowClear={spec.clearable} disabled={disabled} data-testid={testId} />;
    case 'person':
      return <PersonSelect currentLabel={currentLabel} disabled={disabled} data-testid={testId} />;
  }
}

/**
 * One described field as a form item: the contract's label, rule and required mark, the kind's
 * input, its hint. Shared by every kind's form, so that a date or a unit is entered the same way everywhere.
 */
export function FormField({ spec, item, disabled, extra, currentLabel }: FormFieldProps) {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const context: InputContext = {
    t,
    optionLabel: (labels, value) => ('messages' in labels ? t(`${labels.messages}.${value}` as MessageKey) : (labels.table[value]?.[locale] ?? value)),
    ownUnit: user.role === 'coordinator' ? user.unitId : undefined,
  };
  const hint = extra !== undefined ? extra : spec.hint ? t(spec.hint) : undefined;
  return (
    <Form.Item
      {...item}
      {...(spec.label ? { label: t(spec.label) } : {})}
      {...(spec.required ? { required: true } : {})}
      {...(hint !== undefined ? { extra: hint } : {})}
      {...(spec.kind === 'tags' && spec.placeholder ? { tooltip: t(spec.placeholder) } : {})}
      {...(spec.kind === 'yesNo' ? { valuePropName: 'checked' } : {})}
      {...(spec.kind === 'number' && spec.absentWhenCleared ? { normalize: absentIfNull } : {})}
    >
      {fieldInput({ spec, disabled, currentLabel }, context)}
    </Form.Item>
  );
}
