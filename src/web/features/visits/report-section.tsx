import { EditOutlined } from '@ant-design/icons';
import { App, Button, Divider, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Visit } from '../../../shared/contracts/visits.ts';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { visitsApi } from './api.ts';

/**
 * The report (minutes) of a held or closed visit: read it, draft it before closing, correct it
 * after. Closing is what submits it (the workflow's last step); a closed visit keeps a report.
 */
export function ReportSection({ visit: v }: { visit: Visit }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const update = visitsApi.useUpdate(v.id);
  const [draft, setDraft] = useState<string | null>(null);

  const save = async (report: string) => {
    try {
      await update.mutateAsync({ report, version: v.version });
      void message.success(t('common.saved'));
      setDraft(null);
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('visit.report')}
      </Divider>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0 }} data-testid="visit-report">
          {v.report ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{v.report}</Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t('visit.noReport')}</Typography.Text>
          )}
          {v.reportSubmittedOn ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('visit.reportSubmitted', { date: v.reportSubmittedOn })}
            </Typography.Text>
          ) : null}
        </div>
        {can(user, 'edit', 'visit') ? (
          <Button icon={<EditOutlined />} onClick={() => setDraft(v.report ?? '')} data-testid="visit-edit-report">
            {v.report ? t('visit.editReport') : t('visit.draftReport')}
          </Button>
        ) : null}
      </Flex>
      {draft !== null ? (
        <Modal
          open
          width={720}
          title={v.report ? t('visit.editReport') : t('visit.draftReport')}
          okText={t('action.save')}
          cancelText={t('action.cancel')}
          okButtonProps={{ disabled: v.status === 'closed' && !draft.trim() }}
          confirmLoading={update.isPending}
          onOk={() => void save(draft)}
          onCancel={() => setDraft(null)}
          destroyOnHidden
        >
          <Typography.Paragraph type="secondary">{t('visit.reportHint')}</Typography.Paragraph>
          <Input.TextArea value={draft} onChange={(e) => setDraft(e.target.value)} autoSize={{ minRows: 6, maxRows: 16 }} maxLength={20000} showCount aria-label={t('visit.field.report')} />
        </Modal>
      ) : null}
    </>
  );
}
