import { BookOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Row, type FormInstance } from 'antd';
import { useState } from 'react';
import type { AgreementInput } from '../../../shared/contracts/agreements.ts';
import { InstitutionSelect } from '../../components/institution-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { ContractForm } from '../../lib/use-contract-form.ts';
import type { AgreementFormValues, PartnerRow } from './agreement-values.ts';
import { PartnerFromCatalogue, type PickedPartner } from './partner-from-catalogue.tsx';

interface PartnersFieldProps {
  form: FormInstance<AgreementFormValues>;
  contract: ContractForm<typeof AgreementInput>;
  /** Names of the partners already chosen (an edited agreement's), shown before any search. */
  initialLabels?: ReadonlyMap<number, string>;
}

/**
 * The partner institutions: one row each (a recorded institution, their own unit), plus a partner
 * taken from the reference catalogue, which adds the institution first when it is new.
 */
export function PartnersField({ form, contract, initialLabels }: PartnersFieldProps) {
  const { t } = useI18n();
  const [labels, setLabels] = useState<ReadonlyMap<number, string>>(() => new Map(initialLabels));
  const [catalogueOpen, setCatalogueOpen] = useState(false);
  const { name, label, rules, required } = contract.item('partners');

  const addPicked = ({ institutionId, label: partnerLabel }: PickedPartner) => {
    setLabels((prev) => new Map(prev).set(institutionId, partnerLabel));
    const rows: PartnerRow[] = form.getFieldValue('partners') ?? [];
    if (rows.some((r) => r.institutionId === institutionId)) return;
    // fill the first empty row, or add one
    const empty = rows.findIndex((r) => r.institutionId == null);
    const next = empty >= 0 ? rows.map((r, i) => (i === empty ? { ...r, institutionId } : r)) : [...rows, { institutionId }];
    form.setFieldValue('partners', next);
    void form.validateFields(['partners']);
  };

  return (
    <Form.Item label={label} required={required}>
      <Form.List name={name as string} rules={rules as never}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field) => (
              <Row key={field.key} gutter={8} align="top" data-testid="agreement-partner-row">
                <Col xs={24} md={14}>
                  <Form.Item shouldUpdate noStyle>
                    {() => {
                      const id = form.getFieldValue(['partners', field.name, 'institutionId']) as number | undefined;
                      return (
                        <Form.Item name={[field.name, 'institutionId']} style={{ marginBottom: 8 }}>
                          <InstitutionSelect currentLabel={id == null ? null : labels.get(id)} aria-label={t('agr.field.partners')} />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                </Col>
                <Col xs={20} md={9}>
                  <Form.Item name={[field.name, 'partnerUnit']} style={{ marginBottom: 8 }}>
                    <Input placeholder={t('agr.field.partnerUnit')} aria-label={t('agr.field.partnerUnit')} maxLength={300} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1}>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('agr.removePartner')} title={t('agr.removePartner')} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Flex gap={8} wrap>
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                {t('agr.addPartner')}
              </Button>
              <Button icon={<BookOutlined />} onClick={() => setCatalogueOpen(true)} data-testid="agreement-partner-catalogue">
                {t('agr.fromCatalogue')}
              </Button>
            </Flex>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      {catalogueOpen ? <PartnerFromCatalogue onPicked={addPicked} onClose={() => setCatalogueOpen(false)} /> : null}
    </Form.Item>
  );
}
