import { ToolOutlined } from '@ant-design/icons';
import { Card, Result, Typography } from 'antd';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';

/** The areas of Interchange that are planned but not built yet. */
// Every planned area is built now (the student exchange was the last); a new one goes here until it is.
export const PLANNED_AREAS: readonly PlannedArea[] = [];
/** One planned area: its nav and notBuilt messages name it. */
export type PlannedArea = 'exchanges';

/** A plain page for a planned area: its name, "not built yet", and what it will hold (from the seed). */
export function NotBuiltPage({ area }: { area: PlannedArea }) {
  const { t } = useI18n();
  return (
    <Card>
      <Result
        icon={<ToolOutlined />}
        title={t(`nav.${area}` as MessageKey)}
        subTitle={t('notBuilt.title')}
        extra={
          <div style={{ maxWidth: 640, margin: '0 auto', textAlign: 'left' }}>
            <Typography.Paragraph type="secondary">{t('notBuilt.subtitle')}</Typography.Paragraph>
            <Typography.Paragraph data-testid="not-built-description">{t(`notBuilt.${area}` as MessageKey)}</Typography.Paragraph>
          </div>
        }
      />
    </Card>
  );
}
