import { Alert, App, Button, Card, Flex, Form, Modal, Popconfirm, Steps, Typography } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { AGREEMENT_TRANSITIONS, RENEWABLE_STATUSES, type Agreement, type AgreementStatus } from '../../../shared/contracts/agreements.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { DateInput } from '../../components/date-input.tsx';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useAgreementLabels } from './agreement-labels.tsx';
import { useRenewal, useTransition } from './api.ts';

/** The usual path; "terminated" leaves it from signed or active. */
const PATH: AgreementStatus[] = ['draft', 'under_review', 'approved', 'signed', 'active', 'expired'];
/** Steps forward along the usual path; the others (back to draft, expire, terminate) are offered more quietly. */
const FORWARD: AgreementStatus[] = ['under_review', 'approved', 'signed', 'active'];
/** Steps that are dated: the date becomes signedOn, effectiveOn or terminatedOn. */
const DATED = ['signed', 'active', 'terminated'] as const;
type DatedStatus = (typeof DATED)[number];
const isDated = (s: AgreementStatus): s is DatedStatus => (DATED as readonly string[]).includes(s);

/** The date a dated step proposes: the one already recorded on the agreement, else today. */
function proposedDate(a: Agreement, to: DatedStatus): string {
  const recorded = to === 'signed' ? a.signedOn : to === 'active' ? a.effectiveOn : null;
  return recorded ?? officeToday();
}

/** Where the agreement is in its lifecycle, the steps it may take next, and its renewal. */
export function LifecycleCard({ agreement: a, editable }: { agreement: Agreement; editable: boolean }) {
  const { t, locale } = useI18n();
  const labels = useAgreementLabels();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const transition = useTransition(a.id);
  const renewal = useRenewal(a.id);
  const [dated, setDated] = useState<{ to: DatedStatus; on: string } | null>(null);

  const step = async (to: AgreementStatus, on?: string) => {
    try {
      await transition.mutateAsync({ to, on, version: a.version });
      void message.success(t('agr.stepDone', { status: labels.status(to) }));
      setDated(null);
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  const renew = async () => {
    try {
      const successor = await renewal.mutateAsync(a.version);
      void message.success(t('agr.renewed'));
      await navigate({ to: '/agreements/$id', params: { id: String(successor.id) } });
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  const next = AGREEMENT_TRANSITIONS[a.status];
  const current = a.status === 'terminated' ? PATH.length : PATH.indexOf(a.status);
  const renewable = RENEWABLE_STATUSES.includes(a.status) && a.successorId == null;

  return (
    <Card title={t('agr.lifecycle')} data-testid="agreement-lifecycle">
      <Steps
        size="small"
        current={Math.min(current, PATH.length - 1)}
        status={a.status === 'terminated' ? 'error' : a.status === 'expired' ? 'finish' : 'process'}
        items={PATH.map((s) => ({ title: labels.status(s) }))}
        style={{ marginBottom: 16 }}
      />
      {a.status === 'terminated' ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`${labels.status('terminated')} · ${a.terminatedOn ?? ''}`} /> : null}
      {editable ? (
        <Flex gap={8} wrap align="center">
          {next.length === 0 ? <Typography.Text type="secondary">{t('agr.noNext')}</Typography.Text> : null}
          {next.map((to) =>
            isDated(to) ? (
              <Button key={to} type={FORWARD.includes(to) ? 'primary' : 'default'} danger={to === 'terminated'} onClick={() => setDated({ to, on: proposedDate(a, to) })} data-testid={`agreement-to-${to}`}>
                {t(`agr.to.${to}`)}
              </Button>
            ) : (
              <Button key={to} type={FORWARD.includes(to) ? 'primary' : 'default'} loading={transition.isPending} onClick={() => void step(to)} data-testid={`agreement-to-${to}`}>
                {t(`agr.to.${to}`)}
              </Button>
            ),
          )}
          {renewable ? (
            <Popconfirm title={t('agr.renewConfirm')} onConfirm={() => renew()}>
              <Button loading={renewal.isPending} data-testid="agreement-renew">
                {t('agr.renew')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
      ) : null}
      {dated ? (
        <Modal
          open
          title={t(`agr.to.${dated.to}`)}
          okText={t(`agr.to.${dated.to}`)}
          okButtonProps={{ danger: dated.to === 'terminated', 'data-testid': 'agreement-step-ok' }}
          cancelText={t('action.cancel')}
          confirmLoading={transition.isPending}
          onOk={() => void step(dated.to, dated.on)}
          onCancel={() => setDated(null)}
          destroyOnHidden
        >
          <Form layout="vertical">
            <Form.Item label={t(`agr.on.${dated.to}`)} required>
              <DateInput value={dated.on} allowClear={false} onChange={(on) => on && setDated({ ...dated, on })} style={{ width: '100%' }} data-testid="agreement-step-date" />
            </Form.Item>
          </Form>
        </Modal>
      ) : null}
    </Card>
  );
}
