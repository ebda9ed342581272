import { DownloadOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import { usePreparedExport } from '../lib/use-prepared-export.tsx';

/** The two files a list downloads as. */
export type FileFormat = 'csv' | 'xlsx';

/** How a page offers its list as files: the link of each, its test ids' stem, its buttons' labels. */
export interface ExportDescription {
  /** The file's URL, with the page's filters. */
  href: (format: FileFormat) => string;
  /** `missions` gives the test ids `missions-csv` and `missions-xlsx`. */
  testId: string;
  labels: Record<FileFormat, MessageKey>;
  /** A file icon per format (the default), or one download arrow for both. */
  icon?: 'format' | 'download';
}

const FORMAT_ICONS = { csv: <FileTextOutlined />, xlsx: <FileExcelOutlined /> };

/**
 * A list's CSV and Excel downloads: a click has the file prepared in the background (a long list
 * does not hold the request), followed in a notification to its download link. The links stay
 * the synchronous route's, written in the user's language, for a new tab or a script.
 */
export function ExportLinks({ href, testId, labels, icon = 'format' }: ExportDescription) {
  const { t } = useI18n();
  const prepare = usePreparedExport();
  return (
    <>
      {(['csv', 'xlsx'] as const).map((format) => (
        <a
          key={format}
          href={href(format)}
          download
          data-testid={`${testId}-${format}`}
          onClick={(event) => {
            event.preventDefault();
            void prepare(href(format), t(labels[format]));
          }}
        >
          <Button icon={icon === 'download' ? <DownloadOutlined /> : FORMAT_ICONS[format]}>{t(labels[format])}</Button>
        </a>
      ))}
    </>
  );
}
