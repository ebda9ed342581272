import { Space, Tag } from 'antd';
import type { EnumLabels } from '../lib/enum-labels.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';

/** A tag shown beside the status when a derived fact holds ("report overdue", "in force"). */
export interface TagFlag<R> {
  when: (record: R) => boolean;
  colour: string;
  label: MessageKey;
  testId?: string;
}

/** How a kind shows its status as a tag: the labels, a colour per status, its test id and, when it has any, the flags beside it. */
export interface StatusTagSet<S extends string, R = unknown> {
  labels: EnumLabels<S> | ((status: S) => MessageKey);
  colours: Record<S, string>;
  testId: string;
  flags?: readonly TagFlag<R>[];
}

/** A status as a coloured tag, in the interface language. */
export function StatusTag<S extends string>({ status, tags }: { status: S; tags: StatusTagSet<S, never> }) {
  const { t, locale } = useI18n();
  const label = typeof tags.labels === 'function' ? t(tags.labels(status)) : tags.labels[status][locale];
  return (
    <Tag color={tags.colours[status]} data-testid={tags.testId}>
      {label}
    </Tag>
  );
}

/** A record's stored status, and the flags that hold for it beside it. */
export function StatusTags<S extends string, R extends { status: S }>({ record, tags }: { record: R; tags: StatusTagSet<S, R> }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <StatusTag status={record.status} tags={tags} />
      {(tags.flags ?? [])
        .filter((flag) => flag.when(record))
        .map((flag) => (
          <Tag key={flag.label} color={flag.colour} data-testid={flag.testId}>
            {t(flag.label)}
          </Tag>
        ))}
    </Space>
  );
}
