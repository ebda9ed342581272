import { useState } from 'react';
import { Alert, Button, Card, Flex, Popconfirm, Segmented, Select, Space, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { IMPORT_KINDS, type ImportKindName } from '../../../shared/contracts/imports.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { api, ApiError } from '../../lib/api.ts';
import { fileForm } from '../../lib/api-query.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { fieldReason } from '../../../shared/i18n/errors.ts';
import { roleMay } from '../../../shared/policies.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { importQuery, initialDecision, isOnFile, type ImportChoices, type PreviewRow } from './import-query.ts';

interface Preview {
  format: 'xlsx' | 'csv';
  encoding: string | null;
  headers: Array<{ header: string; field: string | null }>;
  counts: Record<PreviewRow['class'], number>;
  rows: PreviewRow[];
}
interface Outcome {
  importId: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

const CLASSES = ['new', 'update', 'duplicate', 'error'] as const;
const CLASS_COLOURS = { new: 'green', update: 'blue', duplicate: 'orange', error: 'red' } as const;
const ENCODINGS = ['utf-8', 'gb18030', 'windows-1252', 'big5', 'utf-16le'];

/** Upload → columns recognised → preview with counts and a filter per class → decide the duplicates → import. */
export function ImportsPage() {
  const { t, locale } = useI18n();
  const [kind, setKind] = useState<ImportKindName>('institutions');
  const [file, setFile] = useState<File | null>(null);
  const [choices, setChoices] = useState<ImportChoices>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [filter, setFilter] = useState<PreviewRow['class'] | 'all'>('all');
  const [decisions, setDecisions] = useState<Record<number, 'skip' | 'create' | number>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [undone, setUndone] = useState(false);
  const [undoError, setUndoError] = useState<ApiError | null>(null);
  const user = useCurrentUser();
  const labelOf = (field: string) => IMPORT_KINDS[kind].columns.find((c) => c.field === field)?.label[locale] ?? field;

  const run = async <T,>(step: 'preview' | 'commit', query: ImportChoices): Promise<T | null> => {
    if (!file) return null;
    setBusy(true);
    setError(null);
    try {
      return await api.post<T>(`/imports/${kind}/${step}${importQuery(query)}`, fileForm(file));
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
      return null;
    } finally {
      setBusy(false);
    }
  };

  const onPreview = async () => {
    setOutcome(null);
    const read = await run<Preview>('preview', choices);
    setPreview(read);
    const start: Record<number, 'skip' | 'create' | number> = {};
    for (const row of read?.rows ?? []) {
      const decision = initialDecision(row);
      if (decision !== undefined) start[row.rowNumber] = decision;
    }
    setDecisions(start);
  };

  const onCommit = async () => {
    const done = await run<Outcome>('commit', { ...choices, decisions });
    if (done) {
      setOutcome(done);
      setUndone(false);
      setUndoError(null);
      setPreview(null);
    }
  };

  const onUndo = async () => {
    if (!outcome) return;
    setBusy(true);
    setUndoError(null);
    try {
      await api.post(`/imports/history/${outcome.importId}/undo`, {});
      setUndone(true);
    } catch (e) {
      if (e instanceof ApiError) setUndoError(e);
      else throw e;
    } finally {
      setBusy(false);
    }
  };

  const rows = preview?.rows.filter((r) => filter === 'all' || r.class === filter) ?? [];
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('imports.title')} />
      <Card>
        <Space wrap>
          <Select
            aria-label={t('imports.kind')}
            value={kind}
            style={{ minWidth: 180 }}
            onChange={(k) => {
              setKind(k);
              setPreview(null);
            }}
            options={(Object.keys(IMPORT_KINDS) as ImportKindName[]).map((k) => ({ value: k, label: t(`imports.kind.${k}` as MessageKey) }))}
          />
          <Button icon={<DownloadOutlined />} href={`/api/imports/${kind}/template`}>
            {t('imports.template')}
          </Button>
          <Upload
            maxCount={1}
            accept=".xlsx,.csv,.txt"
            beforeUpload={(f) => {
              setFile(f);
              setPreview(null);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<UploadOutlined />}>{t('imports.file')}</Button>
          </Upload>
          <Select
            aria-label={t('imports.encoding')}
            style={{ minWidth: 160 }}
            value={choices.encoding ?? ''}
            onChange={(encoding) => setChoices({ ...choices, encoding: encoding || undefined })}
            options={[{ value: '', label: `${t('imports.encoding')}: ${t('imports.encoding.auto')}` }, ...ENCODINGS.map((e) => ({ value: e, label: e }))]}
          />
          <Select
            aria-label={t('imports.dayOrder')}
            style={{ minWidth: 200 }}
            value={choices.dayOrder ?? ''}
            onChange={(order: string) => setChoices({ ...choices, dayOrder: order === 'day-first' || order === 'month-first' ? order : undefined })}
            options={[
              { value: '', label: `${t('imports.dayOrder')}: ${t('imports.dayOrder.auto')}` },
              { value: 'day-first', label: t('imports.dayOrder.dayFirst') },
              { value: 'month-first', label: t('imports.dayOrder.monthFirst') },
            ]}
          />
          <Button type="primary" disabled={!file} loading={busy} onClick={() => void onPreview()} data-testid="import-preview">
            {t('imports.preview')}
          </Button>
        </Space>
      </Card>
      {error && <Alert type="error" showIcon message={error.message} description={error.fields.map((f) => <div key={f.field}>{f.message}</div>)} />}
      {outcome && (
        <Alert
          type="success"
          showIcon
          message={t('imports.done', { ...outcome })}
          data-testid="import-done"
          action={
            roleMay(user.role, 'import', 'delete') && !undone ? (
              <Popconfirm title={t('imports.undoConfirm')} onConfirm={() => void onUndo()}>
                <Button danger loading={busy} data-testid="import-undo">
                  {t('imports.undo')}
                </Button>
              </Popconfirm>
            ) : undefined
          }
        />
      )}
      {undone && <Alert type="info" showIcon message={t('imports.undone')} data-testid="import-undone" />}
      {undoError && <Alert type="error" showIcon message={undoError.message} description={undoError.fields.map((f) => <div key={f.field}>{`${f.field}: ${f.message}`}</div>)} />}
      {preview && (
        <Card
          title={t('imports.readAs', { format: preview.format, encoding: preview.encoding ?? 'xlsx' })}
          extra={
            <Button type="primary" loading={busy} disabled={preview.counts.error > 0} onClick={() => void onCommit()} data-testid="import-commit">
              {t('imports.commit')}
            </Button>
          }
        >
          <Flex vertical gap={12}>
            <Space wrap>
              <span>{t('imports.columns')}:</span>
              {preview.headers.map((h) => (
                <Tag key={h.header} color={h.field ? 'blue' : undefined}>
                  {h.header} → {h.field ? labelOf(h.field) : t('imports.ignored')}
                </Tag>
              ))}
            </Space>
            {preview.counts.error > 0 && <Alert type="warning" showIcon message={t('imports.fixErrors')} />}
            <Segmented
              data-testid="import-classes"
              value={filter}
              onChange={(v) => setFilter(v as typeof filter)}
              options={[
                { value: 'all', label: `${t('imports.all')} ${preview.rows.length}` },
                ...CLASSES.map((c) => ({ value: c, label: `${t(`imports.class.${c}` as MessageKey)} ${preview.counts[c]}` })),
              ]}
            />
            <Table<PreviewRow>
              rowKey="rowNumber"
              size="small"
              dataSource={rows}
              pagination={{ pageSize: 50 }}
              columns={[
                { title: t('imports.row'), dataIndex: 'rowNumber', width: 70 },
                { title: '', dataIndex: 'class', width: 130, render: (c: PreviewRow['class']) => <Tag color={CLASS_COLOURS[c]}>{t(`imports.class.${c}` as MessageKey)}</Tag> },
                {
                  title: t('imports.values'),
                  render: (_, row) =>
                    row.problems.length ? (
                      row.problems.map((p) => <div key={p.column + p.message}>{`${p.column}: ${p.message}`}</div>)
                    ) : (
                      Object.entries(row.values)
                        .filter(([, v]) => v !== '' && !(Array.isArray(v) && v.length === 0))
                        .map(([field, v]) => `${labelOf(field)}: ${Array.isArray(v) ? v.join('; ') : String(v)}`)
                        .join(' · ')
                    ),
                },
                {
                  title: t('imports.found'),
                  render: (_, row) => (
                    <>
                      {kind === 'visits' && row.group && row.group.first !== row.rowNumber && <div>{t('imports.visitOf', { row: row.group.first })}</div>}
                      {row.matches.map((m) => (
                        <div key={`${m.id ?? ''}-${m.row ?? ''}`}>
                          {m.label} <span style={{ color: 'rgba(0,0,0,0.55)' }}>({fieldReason(m.reason, locale)})</span>
                        </div>
                      ))}
                    </>
                  ),
                },
                {
                  title: t('imports.decision'),
                  width: 240,
                  render: (_, row) =>
                    row.class === 'duplicate' && !isOnFile(row) ? (
                      <Select
                        style={{ width: '100%' }}
                        data-testid={`import-decision-${row.rowNumber}`}
                        value={decisions[row.rowNumber] ?? 'skip'}
                        onChange={(d) => setDecisions((current) => ({ ...current, [row.rowNumber]: d }))}
                        options={[
                          { value: 'skip', label: t('imports.decision.skip') },
                          { value: 'create', label: t('imports.decision.create') },
                          ...row.matches.filter((m) => m.id !== undefined).map((m) => ({ value: m.id!, label: t('imports.decision.merge', { label: m.label }) })),
                        ]}
                      />
                    ) : null,
                },
              ]}
            />
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
