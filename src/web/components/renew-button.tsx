import { useNavigate } from '@tanstack/react-router';
import { App, Button, Popconfirm } from 'antd';
import { errorText } from '../lib/errors.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';

interface RenewButtonProps {
  record: { id: number; version: number };
  /** The kind's renewal hook: posts the renewal at the version read and answers the successor. */
  useRenewal: (id: number) => { mutateAsync: (version: number) => Promise<{ id: number }>; isPending: boolean };
  /** Message prefix: `<messages>.renew`, `<messages>.renewConfirm`, `<messages>.renewed`. */
  messages: string;
  /** The successor's page, `$id` standing for its id. */
  to: '/agreements/$id' | '/experts/appointments/$id';
  testId: string;
}

/** Renews a record that runs for a term (an agreement, an expert's appointment), after a question, and opens its successor. */
export function RenewButton({ record, useRenewal, messages, to, testId }: RenewButtonProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const renewal = useRenewal(record.id);
  const m = (key: string) => t(`${messages}.${key}` as MessageKey);

  const renew = async () => {
    try {
      const successor = await renewal.mutateAsync(record.version);
      void message.success(m('renewed'));
      await navigate({ to, params: { id: String(successor.id) } });
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  };

  return (
    <Popconfirm title={m('renewConfirm')} onConfirm={() => renew()}>
      <Button loading={renewal.isPending} data-testid={testId}>
        {m('renew')}
      </Button>
    </Popconfirm>
  );
}
