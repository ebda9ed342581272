import { DownloadOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';

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
 * A list's CSV and Excel downloads as plain links: the server names the file and writes it in
 * the user's language, so the browser downloads it as any other file, with the session cookie.
 */
export function ExportLinks({ href, testId, labels, icon = 'format' }: ExportDescription) {
  const { t } = useI18n();
  return (
    <>
      {(['csv', 'xlsx'] as const).map((format) => (
        <a key={format} href={href(format)} download data-testid={`${testId}-${format}`}>
          <Button icon={icon === 'download' ? <DownloadOutlined /> : FORMAT_ICONS[format]}>{t(labels[format])}</Button>
        </a>
      ))}
    </>
  );
}
