import { BookOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Row, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import type { MissionInput } from '../../../shared/contracts/missions.ts';
import { CountrySelect } from '../../components/country-select.tsx';
import { InstitutionFromCatalogue, type PickedInstitution } from '../../components/institution-from-catalogue.tsx';
import { InstitutionSelect } from '../../components/institution-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { ContractForm } from '../../lib/use-contract-form.ts';
import type { DestinationRow, MissionFormValues } from './mission-values.ts';

interface DestinationsFieldProps {
  form: FormInstance<MissionFormValues>;
  contract: ContractForm<typeof MissionInput>;
  /** Names of the host institutions already on the mission, shown before any search. */
  initialInstitutions?: ReadonlyMap<number, string>;
}

/**
 * The itinerary, in order: one row per stop (a host institution, recorded or taken from the
 * reference catalogue, and the country or region, which defaults to the host's).
 */
export function DestinationsField({ form, contract, initialInstitutions }: DestinationsFieldProps) {
  const { t } = useI18n();
  const [labels, setLabels] = useState<ReadonlyMap<number, string>>(() => new Map(initialInstitutions));
  const [catalogueOpen, setCatalogueOpen] = useState(false);
  const { name, label, rules, required } = contract.item('destinations');

  const addPicked = ({ institutionId, label: picked }: PickedInstitution) => {
    setLabels((prev) => new Map(prev).set(institutionId, picked));
    const rows: DestinationRow[] = form.getFieldValue('destinations') ?? [];
    if (rows.some((r) => r.institutionId === institutionId)) return;
    // fill the first empty row, or add one; the country follows the host unless given
    const empty = rows.findIndex((r) => r.institutionId == null && !r.countryCode);
    form.setFieldValue('destinations', empty >= 0 ? rows.map((r, i) => (i === empty ? { institutionId } : r)) : [...rows, { institutionId }]);
    void form.validateFields(['destinations']);
  };

  return (
    <Form.Item label={label} required={required}>
      <Form.List name={name as string} rules={rules as never}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.length > 0 ? (
              <Row gutter={8} style={{ marginBottom: 4 }}>
                <Col xs={24} md={13}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('mission.destination.institution')}
                  </Typography.Text>
                </Col>
                <Col xs={24} md={9}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('mission.destination.country')}
                  </Typography.Text>
                </Col>
              </Row>
            ) : null}
            {fields.map((field) => (
              <Row key={field.key} gutter={8} align="top" data-testid="mission-destination-row">
                <Col xs={24} md={13}>
                  <Form.Item shouldUpdate noStyle>
                    {() => {
                      const id = form.getFieldValue(['destinations', field.name, 'institutionId']) as number | null | undefined;
                      return (
                        <Form.Item name={[field.name, 'institutionId']} style={{ marginBottom: 8 }}>
                          <InstitutionSelect currentLabel={id == null ? null : labels.get(id)} aria-label={t('mission.destination.institution')} />
                        </Form.Item>
                      );
                    }}
                  </Form.Item>
                </Col>
                <Col xs={20} md={9}>
                  <Form.Item name={[field.name, 'countryCode']} style={{ marginBottom: 8 }}>
                    <CountrySelect allowClear placeholder={t('mission.destination.countryPlaceholder')} aria-label={t('mission.destination.country')} data-testid="mission-destination-country" />
                  </Form.Item>
                </Col>
                <Col xs={4} md={2}>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('mission.destination.remove')} title={t('mission.destination.remove')} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Flex gap={8} wrap>
              <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="mission-add-destination">
                {t('mission.destination.add')}
              </Button>
              <Button icon={<BookOutlined />} onClick={() => setCatalogueOpen(true)} data-testid="mission-destination-catalogue">
                {t('mission.destination.fromCatalogue')}
              </Button>
            </Flex>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      {catalogueOpen ? (
        <InstitutionFromCatalogue
          texts={{ title: t('mission.destination.catalogueTitle'), hint: t('mission.destination.catalogueHint'), added: (n) => t('mission.destination.added', { name: n }) }}
          onPicked={addPicked}
          onClose={() => setCatalogueOpen(false)}
        />
      ) : null}
    </Form.Item>
  );
}
