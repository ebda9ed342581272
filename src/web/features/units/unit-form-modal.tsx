import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Select, Typography } from 'antd';
import { UNIT_KINDS, UnitInput, type Unit } from '../../../shared/contracts/units.ts';
import { UnitSelect } from '../../components/unit-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { UNITS_KEY } from '../../lib/lookups.ts';
import { useDialogForm } from '../../lib/use-dialog-form.ts';
import { useCreateUnit, useUpdateUnit } from './api.ts';

interface UnitFormValues {
  parentId?: number;
  code?: string;
  kind?: Unit['kind'];
  nameEn?: string;
  nameZh?: string;
  nameFr?: string;
  officialNameEn?: string;
  officialNameZh?: string;
  officialNameFr?: string;
}

function toValues(unit: Unit): UnitFormValues {
  return {
    parentId: unit.parentId ?? undefined,
    code: unit.code, kind: unit.kind, nameEn: unit.nameEn, nameZh: unit.nameZh, nameFr: unit.nameFr ?? undefined,
    officialNameEn: unit.officialNameEn ?? undefined,
    officialNameZh: unit.officialNameZh ?? undefined,
    officialNameFr: unit.officialNameFr ?? undefined,
  };
}

interface UnitFormModalProps {
  /** The unit to edit; absent to create one. */
  unit?: Unit;
  /** The parent of a new unit. */
  parentId?: number;
  onClose: () => void;
}

/** Create or edit a unit, in a dialog. */
export function UnitFormModal({ unit, parentId, onClose }: UnitFormModalProps) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { form, contract, modalProps } = useDialogForm({
    record: unit,
    schema: UnitInput,
    labelPrefix: 'unit.field',
    create: useCreateUnit(),
    update: useUpdateUnit(),
    toFormValues: toValues,
    afterReload: () => void client.invalidateQueries({ queryKey: UNITS_KEY }),
    onClose,
  });

  return (
    <Modal {...modalProps} title={unit ? t('unit.editTitle') : t('unit.createTitle')} destroyOnHidden width={640}>
      <Form<UnitFormValues> form={form} layout="vertical" initialValues={unit ? toValues(unit) : { parentId, kind: 'department' }}>
        <Form.Item {...contract.item('parentId')}>
          <UnitSelect exclude={unit?.id} placeholder={t('unit.noParent')} />
        </Form.Item>
        <Form.Item {...contract.item('code')}>
          <Input maxLength={40} placeholder="ruijin-hospital" />
        </Form.Item>
        <Form.Item {...contract.item('kind')}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unit.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item {...contract.item('nameEn')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item {...contract.item('nameZh')}>
          <Input maxLength={300} lang="zh" />
        </Form.Item>
        <Form.Item {...contract.item('nameFr')}>
          <Input maxLength={300} lang="fr" />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('unit.officialHint')}</Typography.Paragraph>
        <Form.Item {...contract.item('officialNameEn')}>
          <Input maxLength={500} data-testid="unit-official-en" />
        </Form.Item>
        <Form.Item {...contract.item('officialNameZh')}>
          <Input maxLength={500} lang="zh" placeholder="上海交通大学医学院附属瑞金医院" data-testid="unit-official-zh" />
        </Form.Item>
        <Form.Item {...contract.item('officialNameFr')}>
          <Input maxLength={500} lang="fr" data-testid="unit-official-fr" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
