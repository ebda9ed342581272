import { LockOutlined } from '@ant-design/icons';
import { Col, Divider, Form, Row, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import type { FieldKind as RightsKind } from '../../shared/field-policies.ts';
import { COLUMNS, isSlot, type FieldSpec, type FormLayout, type SlotSpec } from '../lib/field-spec.ts';
import { useI18n } from '../lib/i18n.tsx';
import { canWriteField } from '../lib/permissions.ts';
import { useCurrentUser } from '../lib/session.ts';
import type { ContractForm, ObjectSchema } from '../lib/use-contract-form.ts';
import { FormField } from './form-field.tsx';

/** What a kind's form hands the layout besides its description. */
export interface FormFieldsOptions {
  /** The field rights to apply (FIELD_RULES): a field the user may not write is disabled. */
  rights?: { kind: RightsKind; state?: string };
  /** Fields and sections (by key) to leave out: what this record or this user has not. */
  omit?: readonly string[];
  /** Fields shown but not to be changed here (the holder of a recorded honour). */
  disabled?: readonly string[];
  /** Hints that depend on the moment, by field name (they replace the described hint; null for none). */
  extras?: Readonly<Record<string, ReactNode>>;
  /** Names of the chosen people and institutions, by field name, shown before any search. */
  currentLabels?: Readonly<Record<string, string | null | undefined>>;
  /** What the kind has of its own, by slot name. */
  slots?: Readonly<Record<string, ReactNode>>;
}

interface FormFieldsProps<S extends ObjectSchema> extends FormFieldsOptions {
  layout: FormLayout;
  contract: ContractForm<S>;
}

type Item = FieldSpec | SlotSpec;

/** Consecutive fields (and slots with a width) share a row; a slot without a width stands alone. */
function rowsOf(items: readonly Item[]): Array<Item[] | SlotSpec> {
  const groups: Array<Item[] | SlotSpec> = [];
  for (const item of items) {
    if (isSlot(item) && !item.width) {
      groups.push(item);
      continue;
    }
    const last = groups.at(-1);
    if (Array.isArray(last)) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

/**
 * Lay out a kind's described form: its sections with their titles, its fields in rows with the
 * contract's labels and rules, the user's field rights, and the kind's own parts in their slots.
 * The one renderer of every create and edit form.
 */
export function FormFields<S extends ObjectSchema>({ layout, contract, rights, omit = [], disabled = [], extras = {}, currentLabels = {}, slots = {} }: FormFieldsProps<S>) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const mayNotWrite = (name: string) => disabled.includes(name) || (rights !== undefined && !canWriteField(user, rights.kind, name, rights.state));

  const field = (spec: FieldSpec) => {
    const element = (
      <FormField
        spec={spec}
        item={contract.item(spec.name as keyof S['shape'] & string)}
        disabled={mayNotWrite(spec.name)}
        extra={extras[spec.name]}
        currentLabel={currentLabels[spec.name]}
      />
    );
    const shownWhen = spec.shownWhen;
    if (!shownWhen) return element;
    return (
      <Form.Item noStyle shouldUpdate={(before, after) => before[shownWhen.field] !== after[shownWhen.field]}>
        {({ getFieldValue }) => (shownWhen.is.includes(getFieldValue(shownWhen.field)) ? element : null)}
      </Form.Item>
    );
  };
  const cell = (item: Item) => (
    <Col key={isSlot(item) ? `slot:${item.slot}` : item.name} {...COLUMNS[item.width ?? 'full']}>
      {isSlot(item) ? slots[item.slot] : field(item)}
    </Col>
  );

  return layout
    .filter((section) => !section.key || !omit.includes(section.key))
    .map((section, s) => {
      const items = section.items.filter((item) => isSlot(item) || !omit.includes(item.name));
      return (
        <Fragment key={section.key ?? s}>
          {section.title ? (
            <Divider titlePlacement="start" plain>
              {section.locked ? <LockOutlined /> : null}
              {section.locked ? ' ' : null}
              {t(section.title)}
            </Divider>
          ) : null}
          {section.hint ? <Typography.Paragraph type="secondary">{t(section.hint)}</Typography.Paragraph> : null}
          {rowsOf(items).map((group, g) =>
            Array.isArray(group) ? (
              <Row gutter={16} key={g}>
                {group.map(cell)}
              </Row>
            ) : (
              <Fragment key={`slot:${group.slot}`}>{slots[group.slot]}</Fragment>
            ),
          )}
        </Fragment>
      );
    });
}
