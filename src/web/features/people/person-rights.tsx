import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Person } from '../../../shared/contracts/people.ts';
import { roleMay } from '../../../shared/policies.ts';
import { api } from '../../lib/api.ts';
import { errorText } from '../../lib/errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { peopleApi } from './api.ts';

/** Erases the person's personal data at `version`, with the reason; the record and its history refresh. */
function useErasePerson(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; reason: string }) => api.post<Person>(`/people/${id}/erase`, body),
    onSuccess: (person) => {
      client.setQueryData(peopleApi.keys.one(id), person);
      // Not only the person and their history: visits, appointments, attendee lists and search showed the name too.
      void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== peopleApi.keys.one(id)[0] || query.queryKey[2] !== id });
    },
  });
}

/**
 * A person's data rights in the record's header: the JSON export (office, and the person's
 * unit) and erasure (office only), each shown only to the roles the policy table allows.
 */
export function PersonRightsActions({ person }: { person: Person }) {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const erase = useErasePerson(person.id);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const submit = async ({ reason }: { reason: string }) => {
    try {
      await erase.mutateAsync({ version: person.version, reason });
      setOpen(false);
      void message.success(t('person.erasedDone'));
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  return (
    <>
      {roleMay(user.role, 'person', 'export') ? (
        // A plain download: the server names the file and audits the export.
        <a href={`/api/people/${person.id}/export`} download data-testid="person-export">
          <Button icon={<DownloadOutlined />}>{t('person.export')}</Button>
        </a>
      ) : null}
      {roleMay(user.role, 'person', 'erase') && !person.erasedAt ? (
        <Button danger icon={<DeleteOutlined />} onClick={() => setOpen(true)} data-testid="person-erase">
          {t('person.erase')}
        </Button>
      ) : null}
      <Modal
        open={open}
        title={t('person.eraseTitle')}
        okText={t('person.eraseConfirm')}
        cancelText={t('action.cancel')}
        okButtonProps={{ danger: true }}
        confirmLoading={erase.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('person.eraseExplain')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} preserve={false}>
          <Form.Item name="reason" label={t('person.eraseReason')} rules={[{ required: true, whitespace: true, message: t('person.eraseReasonRequired') }, { max: 1000 }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="person-erase-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Says that the person's personal data was erased, and when. */
export function ErasedBanner({ person }: { person: Person }) {
  const { t, formatDateTime } = useI18n();
  if (!person.erasedAt) return null;
  return <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('person.erased', { date: formatDateTime(person.erasedAt) })} data-testid="person-erased" />;
}
