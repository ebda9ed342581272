import { CheckOutlined, SyncOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import type { Agreement } from '../../../shared/contracts/agreements.ts';
import type { IiaDifference } from '../../../shared/contracts/ewp-iia-copies.ts';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useAcceptIiaDifference, useAgreementEwp, usePullPartnerIias } from './api.ts';
import { acceptable, copyStateText, termLabel, termText, unpublishedText, type AcceptableField } from './ewp-terms.ts';

const COPY_COLOURS = { matches: 'green', differs: 'orange', not_found: 'red', not_pulled: 'default' } as const;

/**
 * An agreement's "Erasmus Without Paper" card: whether our IIAs API serves it to its partner (or
 * why not), the partner's SCHAC code and our IIA id, the partner's copy as last pulled, and the
 * terms where that copy differs, each acceptable one with a button to take the partner's value
 * (`mayAccept`: the office; the others read). `office`: the office is shown where EWP is turned on.
 */
export function AgreementEwpCard({ agreement: a, mayAccept, office }: { agreement: Agreement; mayAccept: boolean; office: boolean }) {
  const { t, locale, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const { data: status, error, isLoading } = useAgreementEwp(a.id);
  const accept = useAcceptIiaDifference(a.id);
  const pull = usePullPartnerIias(a.id, status?.partnerHeiId ?? null);
  const [manifestUrl, setManifestUrl] = useState('');

  const onPull = () =>
    pull.mutateAsync(status?.partnerManifestUrl ? {} : { manifestUrl: manifestUrl.trim() }).then(
      (found) => void message.success(t('ewpAgr.pulled', { hei: found.partnerHeiId, matches: found.matches, differs: found.differs, unmatched: found.unmatched, notFound: found.notFound })),
      (err: unknown) => void message.error(errorText(err, locale)),
    );

  /** The office's button to pull the partner's IIAs now, with the manifest's address when none is known yet. */
  const pullRow = () => {
    // Only an agreement with one partner that has a SCHAC code has a partner to pull from (the publication line says why not).
    if (!office || !status?.partnerHeiId) return null;
    const known = status.partnerManifestUrl;
    return (
      <Flex vertical gap={8} data-testid="agreement-ewp-pull">
        {known ? (
          <Typography.Text type="secondary">
            {t('ewpAgr.manifestUrl')}: <Typography.Text code data-testid="agreement-ewp-manifest">{known}</Typography.Text>
          </Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            <Input
              aria-label={t('ewpAgr.manifestUrl')}
              placeholder="https://…/ewp/manifest.xml"
              value={manifestUrl}
              onChange={(e) => setManifestUrl(e.target.value)}
              data-testid="agreement-ewp-manifest-input"
            />
            <Typography.Text type="secondary">{t('ewpAgr.manifestHint')}</Typography.Text>
          </Flex>
        )}
        <div>
          <Button icon={<SyncOutlined />} onClick={() => void onPull()} loading={pull.isPending} disabled={!known && !manifestUrl.trim()} data-testid="agreement-ewp-pull-button">
            {t('ewpAgr.pull')}
          </Button>
        </div>
      </Flex>
    );
  };

  const onAccept = (field: AcceptableField) =>
    accept.mutateAsync({ field, version: a.version }).then(
      () => void message.success(t('ewpAgr.accepted', { field: termLabel(field, t) })),
      (err: unknown) => void message.error(errorText(err, locale)),
    );

  const body = () => {
    if (error) return <Alert type="warning" showIcon title={errorText(error, locale)} data-testid="agreement-ewp-error" />;
    if (!status) return null;
    const { copy } = status;
    return (
      <Flex vertical gap={16}>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            {
              key: 'publication',
              label: t('ewpAgr.publication'),
              children: (
                <Flex gap={8} wrap align="center" data-testid="agreement-ewp-published">
                  {status.published ? (
                    <Typography.Text type="success">{t('ewpAgr.published')}</Typography.Text>
                  ) : (
                    <Typography.Text type="warning">{status.unpublishedReason ? unpublishedText(status.unpublishedReason, t) : null}</Typography.Text>
                  )}
                  {status.unpublishedReason === 'ewp_off' && office ? <Link to="/settings">{t('ewpAgr.turnOn')}</Link> : null}
                </Flex>
              ),
            },
            { key: 'hei', label: t('ewpAgr.partnerHeiId'), children: <span data-testid="agreement-ewp-hei">{status.partnerHeiId ?? t('common.empty')}</span> },
            { key: 'iia', label: t('ewpAgr.iiaId'), children: status.iiaId ? <Typography.Text code copyable data-testid="agreement-ewp-iia">{status.iiaId}</Typography.Text> : t('common.empty') },
            {
              key: 'copy',
              label: t('ewpAgr.copy'),
              children: (
                <Tag color={COPY_COLOURS[copy.state]} data-testid="agreement-ewp-copy">
                  {copyStateText(copy.state, t)}
                </Tag>
              ),
            },
            ...(copy.partnerIiaId || copy.partnerIiaCode
              ? [{ key: 'partnerIia', label: t('ewpAgr.partnerIia'), children: [copy.partnerIiaId, copy.partnerIiaCode].filter(Boolean).join(' · ') }]
              : []),
            {
              key: 'pulledAt',
              label: t('ewpAgr.pulledAt'),
              children: copy.pulledAt ? formatDateTime(copy.pulledAt) : t('ewpAgr.neverPulled', { hei: status.partnerHeiId ?? '…' }),
            },
          ]}
        />
        {pullRow()}
        {copy.differences.length ? (
          <div>
            <Typography.Title level={5}>{t('ewpAgr.differences')}</Typography.Title>
            <Table<IiaDifference>
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={copy.differences}
              scroll={{ x: 'max-content' }}
              data-testid="agreement-ewp-differences"
              columns={[
                { key: 'field', title: t('ewpAgr.field'), render: (_, d) => termLabel(d.field, t) },
                { key: 'ours', title: t('ewpAgr.ours'), render: (_, d) => termText(d.field, d.ours, locale, t) },
                { key: 'theirs', title: t('ewpAgr.theirs'), render: (_, d) => <Typography.Text strong>{termText(d.field, d.theirs, locale, t)}</Typography.Text> },
                {
                  key: 'accept',
                  title: '',
                  render: (_, d) => {
                    const field = d.field;
                    if (!acceptable(field)) return <Typography.Text type="secondary">{t('ewpAgr.yearsHint')}</Typography.Text>;
                    if (!mayAccept) return null;
                    return (
                      <Popconfirm
                        title={t('ewpAgr.acceptConfirm', { field: termLabel(field, t), value: termText(field, d.theirs, locale, t) })}
                        onConfirm={() => onAccept(field)}
                        okButtonProps={{ 'data-testid': `agreement-ewp-accept-${field}-confirm` }}
                      >
                        <Button size="small" icon={<CheckOutlined />} loading={accept.isPending && accept.variables?.field === field} data-testid={`agreement-ewp-accept-${field}`}>
                          {t('ewpAgr.accept')}
                        </Button>
                      </Popconfirm>
                    );
                  },
                },
              ]}
            />
            {mayAccept ? null : (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t('ewpAgr.officeAccepts')}
              </Typography.Paragraph>
            )}
          </div>
        ) : null}
      </Flex>
    );
  };

  return (
    <Card title={t('ewpAgr.title')} loading={isLoading} data-testid="agreement-ewp">
      {body()}
    </Card>
  );
}
