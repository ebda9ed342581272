import { EditOutlined } from '@ant-design/icons';
import { App, Button, Divider, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Mission } from '../../../shared/contracts/missions.ts';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { missionsApi } from './api.ts';

/**
 * The report on return of a travelled or closed mission: read it, draft it before closing,
 * correct it after. Closing is what submits it; a closed mission keeps a report.
 */
export function MissionReportSection({ mission: m }: { mission: Mission }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const update = missionsApi.useUpdate(m.id);
  const [draft, setDraft] = useState<string | null>(null);

  const save = async (report: string) => {
    try {
      await update.mutateAsync({ report, version: m.version });
      void message.success(t('common.saved'));
      setDraft(null);
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('mission.report')}
      </Divider>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0 }} data-testid="mission-report">
          {m.report ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{m.report}</Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t('mission.noReport')}</Typography.Text>
          )}
          {m.reportSubmittedOn ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('mission.reportSubmitted', { date: m.reportSubmittedOn })}
            </Typography.Text>
          ) : null}
        </div>
        {can(user, 'edit', 'mission') ? (
          <Button icon={<EditOutlined />} onClick={() => setDraft(m.report ?? '')} data-testid="mission-edit-report">
            {m.report ? t('mission.editReport') : t('mission.draftReport')}
          </Button>
        ) : null}
      </Flex>
      {draft !== null ? (
        <Modal
          open
          width={720}
          title={m.report ? t('mission.editReport') : t('mission.draftReport')}
          okText={t('action.save')}
          cancelText={t('action.cancel')}
          okButtonProps={{ disabled: m.status === 'closed' && !draft.trim() }}
          confirmLoading={update.isPending}
          onOk={() => void save(draft)}
          onCancel={() => setDraft(null)}
          destroyOnHidden
        >
          <Typography.Paragraph type="secondary">{t('mission.reportHint')}</Typography.Paragraph>
          <Input.TextArea value={draft} onChange={(e) => setDraft(e.target.value)} autoSize={{ minRows: 6, maxRows: 16 }} maxLength={20000} showCount aria-label={t('mission.field.report')} />
        </Modal>
      ) : null}
    </>
  );
}
