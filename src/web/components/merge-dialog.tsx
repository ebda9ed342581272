import { MergeCellsOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { MERGE_KINDS, type MergePreview } from '../../shared/contracts/merges.ts';
import { roleMay } from '../../shared/policies.ts';
import { api } from '../lib/api.ts';
import { useApiGet } from '../lib/api-query.ts';
import { errorText } from '../lib/errors.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import { useCurrentUser } from '../lib/session.ts';

interface MergeActionProps {
  /** What is merged: its policy (who may merge) and its API path (`institutions`, `people`). */
  entity: 'institution' | 'person';
  resource: 'institutions' | 'people';
  record: { id: number; version: number };
  /** The record's name, for the dialog's title. */
  name: string;
  /** The picker of the record that stays. */
  picker: (props: { value: number | undefined; onChange: (id: number | undefined) => void; id: string }) => ReactNode;
  /** After the merge: the survivor's page. */
  onMerged: (intoId: number) => void;
}

/**
 * "Merge into…" on a record's card (for whoever the policy table lets merge): pick the record
 * that stays, see what moves kind by kind (and where both are on one record already), confirm.
 */
export function MergeAction({ entity, resource, record, name, picker, onMerged }: MergeActionProps) {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [into, setInto] = useState<number | undefined>();
  const [merging, setMerging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preview = useApiGet<MergePreview>([resource, 'merge-preview', record.id, into ?? null], `/${resource}/${record.id}/merge`, { into }, { enabled: open && into !== undefined && into !== record.id });

  if (!roleMay(user.role, entity, 'merge')) return null;

  const blocked = entity === 'person' && Object.keys(preview.data?.both ?? {}).length > 0;
  const merge = async () => {
    if (into === undefined) return;
    setMerging(true);
    setError(null);
    try {
      const survivor = await api.get<{ version: number }>(`/${resource}/${into}`);
      await api.post(`/${resource}/${record.id}/merge`, { into, version: record.version, intoVersion: survivor.version });
      void message.success(t('merge.done'));
      await client.invalidateQueries({ queryKey: [resource] });
      setOpen(false);
      onMerged(into);
    } catch (err) {
      setError(errorText(err, locale));
    } finally {
      setMerging(false);
    }
  };
  const moves = MERGE_KINDS.filter((kind) => preview.data?.moves[kind]);

  return (
    <>
      <Button icon={<MergeCellsOutlined />} onClick={() => setOpen(true)} data-testid="merge-open">
        {t('merge.action')}
      </Button>
      <Modal
        open={open}
        title={t('merge.title', { name })}
        onCancel={() => setOpen(false)}
        okText={t('merge.confirm')}
        okButtonProps={{ danger: true, disabled: into === undefined || !preview.data || blocked, loading: merging, ...({ 'data-testid': 'merge-confirm' } as Record<`data-${string}`, string>) }}
        onOk={() => void merge()}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('merge.explain')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('merge.intoLabel')} htmlFor="merge-into">
            {picker({ value: into, onChange: setInto, id: 'merge-into' })}
          </Form.Item>
        </Form>
        {preview.data ? (
          moves.length ? (
            <Descriptions size="small" column={1} bordered title={t('merge.moves')} data-testid="merge-preview">
              {moves.map((kind) => (
                <Descriptions.Item key={kind} label={t(`merge.kind.${kind}` as MessageKey)}>
                  {preview.data.moves[kind]}
                  {preview.data.both[kind] ? <Typography.Text type="secondary">{` · ${t('merge.both', { count: String(preview.data.both[kind]) })}`}</Typography.Text> : null}
                </Descriptions.Item>
              ))}
            </Descriptions>
          ) : (
            <Typography.Text type="secondary" data-testid="merge-preview">{t('merge.nothingMoves')}</Typography.Text>
          )
        ) : null}
        {blocked ? <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('merge.bothBlocks')} /> : null}
        {error || preview.error ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={error ?? errorText(preview.error, locale)} /> : null}
      </Modal>
    </>
  );
}
