import { Tag } from 'antd';
import { useI18n } from '../../lib/i18n.tsx';
import { peopleApi } from './api.ts';
import { personNames } from './person-values.ts';

interface PersonFilterTagProps {
  personId: number;
  /** What the person is to the list's records ("Member", "Visitor"). */
  role: string;
  onClose: () => void;
  testId: string;
}

/** The person a list is narrowed to (from the person's page), named, as a tag that lifts the filter. */
export function PersonFilterTag({ personId, role, onClose, testId }: PersonFilterTagProps) {
  const { locale } = useI18n();
  const { data } = peopleApi.useOne(personId);
  return (
    <Tag closable onClose={onClose} style={{ alignSelf: 'center' }} data-testid={testId}>
      {role}: {data ? personNames(data, locale).primary : `#${personId}`}
    </Tag>
  );
}
