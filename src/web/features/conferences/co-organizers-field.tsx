import { BookOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Row, type FormInstance } from 'antd';
import { useState } from 'react';
import type { ConferenceInput } from '../../../shared/contracts/conferences.ts';
import { InstitutionSelect } from '../../components/institution-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { ContractForm } from '../../lib/use-contract-form.ts';
import { CoOrganizerFromCatalogue, type PickedInstitution } from './co-organizer-from-catalogue.tsx';
import type { ConferenceFormValues, CoOrganizerRow } from './conference-values.ts';

interface CoOrganizersFieldProps {
  form: FormInstance<ConferenceFormValues>;
  contract: ContractForm<typeof ConferenceInput>;
  /** Names of the co-organizers already chosen (an edited conference's), shown before any search. */
  initialLabels?: ReadonlyMap<number, string>;
}

/**
 * The partner co-organizers: one row each (a recorded institution, what it did), plus one taken from
 * the reference catalogue, which adds the institution first when it is new (as the agreement form does).
 */
export function CoOrganizersField({ form, contract, initialLabels }: CoOrganizersFieldProps) {
  const { t } = useI18n();
  const [labels, setLabels] = useState<ReadonlyMap<number, string>>(() => new Map(initialLabels));
  const [catalogueOpen, setCatalogueOpen] = useState(false);
  const { name, label } = contract.item('partners');

  const addPicked = ({ institutionId, label: picked }: PickedInstitution) => {
    setLabels((prev) => new Map(prev).set(institutionId, picked));
    const rows: CoOrganizerRow[] = form.getFieldValue('partners') ?? [];
    if (rows.some((r) => r.institutionId === institutionId)) return;
    const empty = rows.findIndex((r) => r.institutionId == null);
    form.setFieldValue('partners', empty >= 0 ? rows.map((r, i) => (i === empty ? { ...r, institutionId } : r)) : [...rows, { institutionId }]);
  };

  return (
    <Form.Item label={label}>
      <Form.List name={name as string}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field) => (
              <Row key={field.key} gutter={8} align="top" data-testid="conference-partner-row">
                <Col xs={24} md={14}>
                  <Form.Item shouldUpdate noStyle>
                    {() => {
                      const id = form.getFieldValue(['partners', field.name, 'institutionId']) as number | undefined;
                      return (
                        <Form.Item name={[field.name, 'institutionId']} style={{ marginBottom: 8 }}>
                          <InstitutionSelect currentLabel={id == null ? null : labels.get(id)} aria-label={t('conf.field.partners')} />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                </Col>
                <Col xs={20} md={9}>
                  <Form.Item name={[field.name, 'role']} style={{ marginBottom: 8 }}>
                    <Input placeholder={t('conf.partnerRole')} aria-label={t('conf.partnerRole')} maxLength={200} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1}>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('conf.removePartner')} title={t('conf.removePartner')} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Flex gap={8} wrap>
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                {t('agr.addPartner')}
              </Button>
              <Button icon={<BookOutlined />} onClick={() => setCatalogueOpen(true)} data-testid="conference-partner-catalogue">
                {t('agr.fromCatalogue')}
              </Button>
            </Flex>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      {catalogueOpen ? <CoOrganizerFromCatalogue onPicked={addPicked} onClose={() => setCatalogueOpen(false)} /> : null}
    </Form.Item>
  );
}
