import { BookOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Row, type FormInstance, type FormItemProps } from 'antd';
import { useState } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { InstitutionFromCatalogue, type CatalogueTexts, type PickedInstitution } from './institution-from-catalogue.tsx';
import { InstitutionSelect } from './institution-select.tsx';

/** The free-text field beside each institution (a partner's unit, a co-organizer's role). */
export interface SecondField {
  name: string;
  label: string;
  maxLength: number;
}

export interface InstitutionListFieldProps {
  /** Any form whose `name` list holds institution rows. */
  form: FormInstance;
  /** The list's form name, label and contract rules (from `contract.item`). */
  name: string;
  label: FormItemProps['label'];
  rules?: FormItemProps['rules'];
  required?: boolean;
  second: SecondField;
  /** The institution select's aria label and the row remove button's. */
  selectLabel: string;
  removeLabel: string;
  catalogue: CatalogueTexts;
  /** Test id prefix: `<testId>-row` on each row, `<testId>-catalogue` on the catalogue button. */
  testId: string;
  /** Names of the institutions already chosen (an edited record's), shown before any search. */
  initialLabels?: ReadonlyMap<number, string>;
}

interface InstitutionRow {
  institutionId?: number | null;
}

/**
 * A list of institutions, one row each (a recorded institution and a free-text field), plus one taken
 * from the reference catalogue, which adds the institution first when it is new.
 */
export function InstitutionListField(props: InstitutionListFieldProps) {
  const { form, name, label, rules, required, second, selectLabel, removeLabel, catalogue, testId, initialLabels } = props;
  const { t } = useI18n();
  const [labels, setLabels] = useState<ReadonlyMap<number, string>>(() => new Map(initialLabels));
  const [catalogueOpen, setCatalogueOpen] = useState(false);

  const addPicked = ({ institutionId, label: picked }: PickedInstitution) => {
    setLabels((prev) => new Map(prev).set(institutionId, picked));
    const rows = (form.getFieldValue(name) as InstitutionRow[] | undefined) ?? [];
    if (rows.some((r) => r.institutionId === institutionId)) return;
    // fill the first empty row, or add one
    const empty = rows.findIndex((r) => r.institutionId == null);
    form.setFieldValue(name, empty >= 0 ? rows.map((r, i) => (i === empty ? { ...r, institutionId } : r)) : [...rows, { institutionId }]);
    if (rules) void form.validateFields([name]);
  };

  return (
    <Form.Item label={label} required={required}>
      <Form.List name={name} rules={rules as never}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field) => (
              <Row key={field.key} gutter={8} align="top" data-testid={`${testId}-row`}>
                <Col xs={24} md={14}>
                  <Form.Item shouldUpdate noStyle>
                    {() => {
                      const id = form.getFieldValue([name, field.name, 'institutionId']) as number | undefined;
                      return (
                        <Form.Item name={[field.name, 'institutionId']} style={{ marginBottom: 8 }}>
                          <InstitutionSelect currentLabel={id == null ? null : labels.get(id)} aria-label={selectLabel} />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                </Col>
                <Col xs={20} md={9}>
                  <Form.Item name={[field.name, second.name]} style={{ marginBottom: 8 }}>
                    <Input placeholder={second.label} aria-label={second.label} maxLength={second.maxLength} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1}>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={removeLabel} title={removeLabel} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Flex gap={8} wrap>
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                {t('agr.addPartner')}
              </Button>
              <Button icon={<BookOutlined />} onClick={() => setCatalogueOpen(true)} data-testid={`${testId}-catalogue`}>
                {t('agr.fromCatalogue')}
              </Button>
            </Flex>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      {catalogueOpen ? <InstitutionFromCatalogue texts={catalogue} onPicked={addPicked} onClose={() => setCatalogueOpen(false)} /> : null}
    </Form.Item>
  );
}
