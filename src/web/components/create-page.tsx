import { useNavigate, type LinkProps } from '@tanstack/react-router';
import { Card } from 'antd';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { FIELD_RULES, type FieldKind } from '../../shared/field-policies.ts';
import { roleMay, type Entity } from '../../shared/policies.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import { writableInput } from '../lib/permissions.ts';
import { useCurrentUser } from '../lib/session.ts';
import type { ObjectSchema } from '../lib/use-contract-form.ts';
import { useCreateForm, type CreateFormOptions } from '../lib/use-create-form.ts';
import { BackLink } from './back-link.tsx';
import { PageHeader } from './page-header.tsx';
import type { FormBinding } from './record-form.tsx';
import { ForbiddenPage } from './status-pages.tsx';

type Path = NonNullable<LinkProps['to']>;
/** The page of one record, where a new record opens. */
type RecordPath = Extract<Path, `${string}/$id`>;

interface CreateFormProps<T, S extends ObjectSchema, V> extends Pick<CreateFormOptions<T, S>, 'resource' | 'schema' | 'prepare' | 'onError'> {
  /** What is created: who may create it (the policy table), and which fields they may write (FIELD_RULES). */
  entity: Entity;
  /** The kind's messages: `<messages>.newTitle` titles the page, `<messages>.field.<name>` labels the fields. */
  messages: string;
  /** The new record's page. */
  record: RecordPath;
  /** The list the back button and cancel lead to, when not the record page's parent. */
  list?: Path;
  /** Where cancel leads, when not the list (an application started from its opportunity). */
  onCancel?: () => void;
  /** The kind's form, bound to the create. */
  children: (binding: Omit<FormBinding<S, V>, 'initialValues'> & { onCancel: () => void }) => ReactNode;
}

interface CreatePageProps<T, S extends ObjectSchema, V> extends CreateFormProps<T, S, V> {
  /** A title other than `<messages>.newTitle`. */
  title?: MessageKey;
  subtitle?: MessageKey;
  /** Something the form needs is still loading (the person named in the URL): nothing yet. */
  waiting?: boolean;
}

const listOf = (record: RecordPath) => record.replace(/\/\$id$/, '') as Path;

/**
 * A kind's form bound to creating a record: on save, the new record's page. What the user may not
 * write is left out of what is sent (FIELD_RULES, as the server enforces them).
 */
export function CreateForm<T extends { id: number }, S extends ObjectSchema, V extends object>(props: CreateFormProps<T, S, V>) {
  const { entity, messages, record, list = listOf(record), onCancel, children, ...options } = props;
  const user = useCurrentUser();
  const navigate = useNavigate();
  const rights = entity in FIELD_RULES ? (entity as FieldKind) : undefined;
  const prepare = options.prepare ?? ((input: z.output<S>) => input);
  const { form, contract, submit, saving } = useCreateForm<T, S, V>({
    ...options,
    labelPrefix: `${messages}.field`,
    prepare: (input) => (rights ? writableInput(user, rights, prepare(input)) : prepare(input)),
    onCreated: (created) => navigate({ to: record, params: { id: String(created.id) } }),
  });
  return children({ form, contract, saving, onSubmit: submit, onCancel: onCancel ?? (() => void navigate({ to: list })) });
}

/**
 * The page of a new record of any kind: title and back link, the kind's form (CreateForm), and on
 * save the new record's page. Every create page is one of these, so that all create alike.
 */
export function CreatePage<T extends { id: number }, S extends ObjectSchema, V extends object>(props: CreatePageProps<T, S, V>) {
  const { title = `${props.messages}.newTitle` as MessageKey, subtitle, waiting, ...form } = props;
  const { t } = useI18n();
  const user = useCurrentUser();

  if (!roleMay(user.role, form.entity, 'create')) return <ForbiddenPage />;
  if (waiting) return null;

  return (
    <>
      <PageHeader title={t(title)} subtitle={subtitle ? t(subtitle) : undefined} extra={<BackLink to={form.list ?? listOf(form.record)} />} />
      <Card>
        <CreateForm<T, S, V> {...form} />
      </Card>
    </>
  );
}
