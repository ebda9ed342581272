import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';

interface TableCardProps<T> {
  title: ReactNode;
  testId: string;
  /** The card's own loading state (a skeleton in place of the body). */
  loading?: boolean;
  extra?: ReactNode;
  rows: readonly T[];
  columns: TableColumnsType<T>;
  /** What the card says when there are no rows. */
  empty: string;
  /** Shown above the table when there are rows (a summary). */
  summary?: ReactNode;
  /** Shown after the body whatever it is (a dialog). */
  children?: ReactNode;
}

/** A card of a few rows on a record's page (a person's visits, honours, enrolments): a small table without pages, or a word when there is none. */
export function TableCard<T extends { id: number }>({ title, testId, loading, extra, rows, columns, empty, summary, children }: TableCardProps<T>) {
  return (
    <Card title={title} loading={loading} data-testid={testId} extra={extra}>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <>
          {summary}
          <Table<T> rowKey="id" size="small" pagination={false} dataSource={rows as T[]} columns={columns} />
        </>
      )}
      {children}
    </Card>
  );
}

/** The small "add one" button in a card's corner. */
export function AddButton({ label, small = true }: { label: string; small?: boolean }) {
  return (
    <Button size={small ? 'small' : undefined} icon={<PlusOutlined />}>
      {label}
    </Button>
  );
}
