import { Alert, Table, Typography } from 'antd';
import type { ApiFieldError } from '../../lib/api.ts';
import { hasMessage, useI18n } from '../../lib/i18n.tsx';
import { fieldReason } from '../../lib/errors.ts';
import { importProblemPlace } from './attendee-template.ts';

/**
 * Why an attendee list was refused, one line per problem: the row as the spreadsheet numbers it, the
 * column in the user's language, and the server's reason (already in the user's language). Nothing
 * was written: the whole file is taken or none of it.
 */
export function ImportProblems({ fileName, problems, onClose }: { fileName: string; problems: ApiFieldError[]; onClose: () => void }) {
  const { t } = useI18n();
  const columnName = (column: string) => {
    const key = `conf.column.${column}`;
    return hasMessage(key) ? t(key) : column;
  };
  const rows = problems.map((p, index) => {
    const place = importProblemPlace(p.field);
    return {
      key: index,
      row: place.kind === 'row' ? String(place.row) : place.kind === 'header' ? t('conf.import.headerRow') : t('conf.import.wholeFile'),
      column: place.kind === 'file' ? '' : columnName(place.column),
      reason: fieldReason(p.field, p.message),
    };
  });

  return (
    <Alert
      type="error"
      showIcon
      closable
      onClose={onClose}
      style={{ marginBottom: 16 }}
      data-testid="attendee-import-problems"
      title={t('conf.import.refused', { name: fileName, n: problems.length })}
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('conf.import.nothingWritten')}
          </Typography.Paragraph>
          <Table
            size="small"
            pagination={problems.length > 10 ? { pageSize: 10, size: 'small' } : false}
            dataSource={rows}
            columns={[
              { key: 'row', dataIndex: 'row', title: t('conf.import.row'), width: 110 },
              { key: 'column', dataIndex: 'column', title: t('conf.import.column'), width: 170 },
              { key: 'reason', dataIndex: 'reason', title: t('conf.import.problem') },
            ]}
          />
        </>
      }
    />
  );
}
