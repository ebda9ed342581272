import { EditOutlined } from '@ant-design/icons';
import { App, Button, Divider, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Entity } from '../../shared/policies.ts';
import { roleMay } from '../../shared/policies.ts';
import { errorText } from '../lib/errors.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import { useCurrentUser } from '../lib/session.ts';

/** A record that carries a report: a visit's minutes, a mission's report on return. */
interface Reported {
  id: number;
  version: number;
  status: string;
  report: string | null;
  reportSubmittedOn: string | null;
}

interface ReportSectionProps<R extends Reported> {
  record: R;
  /** Message and test id prefix (`mission`: `mission.report`, `mission-edit-report`), and the policy's entity. */
  kind: Extract<Entity, 'mission' | 'visit'>;
  /** The kind's update hook: the report is saved as an edit of the record, at its version. */
  useUpdate: (id: number) => { mutateAsync: (update: { report: string; version: number }) => Promise<unknown>; isPending: boolean };
}

/**
 * The report of a record past its main step: read it, draft it before closing, correct it after.
 * Closing is what submits it (the workflow's last step); a closed record keeps a report.
 */
export function ReportSection<R extends Reported>({ record: r, kind, useUpdate }: ReportSectionProps<R>) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const update = useUpdate(r.id);
  const [draft, setDraft] = useState<string | null>(null);
  const m = (key: string, vars?: Record<string, string>) => t(`${kind}.${key}` as MessageKey, vars);

  const save = async (report: string) => {
    try {
      await update.mutateAsync({ report, version: r.version });
      void message.success(t('common.saved'));
      setDraft(null);
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  return (
    <>
      <Divider titlePlacement="start" plain>
        {m('report')}
      </Divider>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0 }} data-testid={`${kind}-report`}>
          {r.report ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{r.report}</Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{m('noReport')}</Typography.Text>
          )}
          {r.reportSubmittedOn ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m('reportSubmitted', { date: r.reportSubmittedOn })}
            </Typography.Text>
          ) : null}
        </div>
        {roleMay(user.role, kind, 'update') ? (
          <Button icon={<EditOutlined />} onClick={() => setDraft(r.report ?? '')} data-testid={`${kind}-edit-report`}>
            {r.report ? m('editReport') : m('draftReport')}
          </Button>
        ) : null}
      </Flex>
      {draft !== null ? (
        <Modal
          open
          width={720}
          title={r.report ? m('editReport') : m('draftReport')}
          okText={t('action.save')}
          cancelText={t('action.cancel')}
          okButtonProps={{ disabled: r.status === 'closed' && !draft.trim() }}
          confirmLoading={update.isPending}
          onOk={() => void save(draft)}
          onCancel={() => setDraft(null)}
          destroyOnHidden
        >
          <Typography.Paragraph type="secondary">{m('reportHint')}</Typography.Paragraph>
          <Input.TextArea value={draft} onChange={(e) => setDraft(e.target.value)} autoSize={{ minRows: 6, maxRows: 16 }} maxLength={20000} showCount aria-label={m('field.report')} />
        </Modal>
      ) : null}
    </>
  );
}
