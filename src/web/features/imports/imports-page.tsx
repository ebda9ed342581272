import { useEffect, useState } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Alert, Button, Card, Flex, Popconfirm, Progress, Segmented, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { IMPORT_KINDS, type ImportKindName } from '../../../shared/contracts/imports.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ExportLinks } from '../../components/export-links.tsx';
import { isExportableImportKind } from '../../../shared/contracts/import-exports.ts';
import { api, ApiError } from '../../lib/api.ts';
import { fileForm } from '../../lib/api-query.ts';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { fieldReason } from '../../../shared/i18n/errors.ts';
import { roleMay } from '../../../shared/policies.ts';
import { useCurrentUser } from '../../lib/session.ts';
import type { ImportDraftView } from '../../../shared/contracts/import-drafts.ts';
import { importQuery, initialDecision, isOnFile, type ImportChoices, type PreviewRow } from './import-query.ts';

const route = getRouteApi('/app/imports');
/** How often the page asks how a commit is going. */
const POLL_MS = 1000;

/** A draft's preview as answered: its counts and the first page of its rows; the other pages come from its rows API. */
interface Preview {
  format: 'xlsx' | 'csv';
  encoding: string | null;
  headers: Array<{ header: string; field: string | null }>;
  counts: Record<PreviewRow['class'], number>;
  rows: PreviewRow[];
  rowsTotal: number;
  pageSize: number;
}
/** One page of a draft's rows, of one class or of all (`class` null). */
interface RowsPage {
  items: PreviewRow[];
  total: number;
  page: number;
  class: PreviewRow['class'] | null;
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

/** The decisions a preview starts with: the draft's saved ones (a row without one shows its class's default, `initialDecision`). */
function startingDecisions(saved: ImportDraftView['decisions'] = {}): Record<number, 'skip' | 'create' | number> {
  return Object.fromEntries(Object.entries(saved).map(([row, decision]) => [Number(row), decision]));
}

/**
 * Upload → columns recognised → preview with counts and a filter per class → decide the
 * duplicates → import. The upload is kept on the server as a draft (the URL names it, so the
 * page reopens it, and the to-do list links to it); the import runs as a background job whose
 * progress the page follows, and the user may leave and come back.
 */
export function ImportsPage() {
  const { t, locale } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [kind, setKind] = useState<ImportKindName>(search.kind && search.kind in IMPORT_KINDS ? (search.kind as ImportKindName) : 'institutions');
  const [file, setFile] = useState<File | null>(null);
  const [choices, setChoices] = useState<ImportChoices>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [draft, setDraft] = useState<ImportDraftView | null>(null);
  // Attendees opened from a conference's page: the file is added to that conference. The draft keeps the
  // choice, so a draft reopened (a reload, the to-do list's link) adds to the conference it was uploaded for.
  const conference = kind !== 'attendees' ? undefined : draft ? draft.choices.conference : search.conference;
  const [conferenceTitle, setConferenceTitle] = useState<string | null>(null);
  const [filter, setFilter] = useState<PreviewRow['class'] | 'all'>('all');
  // The page of rows the table shows: read from the draft's rows API, a page at a time (the browser never holds the whole file).
  const [tablePage, setTablePage] = useState(1);
  const [rowsPage, setRowsPage] = useState<RowsPage | null>(null);
  const [decisions, setDecisions] = useState<Record<number, 'skip' | 'create' | number>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [undone, setUndone] = useState(false);
  const [undoError, setUndoError] = useState<ApiError | null>(null);
  const user = useCurrentUser();
  const labelOf = (field: string) => IMPORT_KINDS[kind].columns.find((c) => c.field === field)?.label[locale] ?? field;

  /** Runs one call, showing its refusal; null when refused. */
  const attempt = async <T,>(call: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      return await call();
    } catch (e) {
      if (e instanceof ApiError) setError(e);
      else throw e;
      return null;
    } finally {
      setBusy(false);
    }
  };

  /** Shows a draft as it stands: its preview to decide on, its progress, or what it wrote. */
  const show = (next: ImportDraftView, read: Preview | null) => {
    setDraft(next);
    setKind(next.kind as ImportKindName);
    if (read) {
      setPreview(read);
      setDecisions(startingDecisions(next.decisions));
      setFilter('all');
      setTablePage(1);
      setRowsPage(null);
    }
    if (next.status === 'committed' && next.importId !== null && next.outcome) {
      setOutcome({ importId: next.importId, ...next.outcome });
      setUndone(false);
      setUndoError(null);
      setPreview(null);
    }
  };

  // A draft named by the URL (the to-do list's link, a reload): reopened as it stands.
  useEffect(() => {
    if (!search.draft || search.draft === draft?.id) return;
    void attempt(async () => {
      const found = await api.get<ImportDraftView>(`/imports/drafts/${search.draft}`);
      const open = found.status === 'previewed' || found.status === 'failed';
      const read = open ? (await api.get<{ preview: Preview }>(`/imports/drafts/${found.id}/preview`)).preview : null;
      setChoices({ ...(found.encodingOverride ? { encoding: found.encodingOverride } : {}), ...(found.dayFirst === null ? {} : { dayOrder: found.dayFirst ? 'day-first' : 'month-first' }) });
      show(found, read);
    });
    // Reopened when the URL names another draft, not on each render.
  }, [search.draft]);

  // The conference attendees are added to, named as its page names it.
  useEffect(() => {
    if (conference === undefined) return setConferenceTitle(null);
    void api.get<{ titleEn: string; titleZh: string; titleFr: string | null }>(`/conferences/${conference}`).then(
      (c) => setConferenceTitle(locale === 'zh' ? c.titleZh : locale === 'fr' ? (c.titleFr ?? c.titleEn) : c.titleEn),
      () => setConferenceTitle(`#${conference}`),
    );
  }, [conference, locale]);

  // While the draft commits, its progress is asked for every second, from whichever server answers.
  useEffect(() => {
    if (draft?.status !== 'committing') return;
    const timer = setInterval(() => {
      void api.get<ImportDraftView>(`/imports/drafts/${draft.id}`).then(async (now) => {
        if (now.status === 'committing') return setDraft(now);
        // A failed import shows its preview again, to change the decisions and import again, or discard it.
        const read = now.status === 'failed' ? (await api.get<{ preview: Preview }>(`/imports/drafts/${now.id}/preview`)).preview : null;
        show(now, read);
      }).catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
    // One timer per committing draft.
  }, [draft?.id, draft?.status]);

  // A file whose rows all came with the preview (its first page) is filtered and paged here; a bigger one a page at a time by the server.
  const whole = preview !== null && preview.rows.length >= preview.rowsTotal;
  const local = whole ? preview.rows.filter((r) => filter === 'all' || r.class === filter) : null;
  const shown: RowsPage | null =
    local && preview ? { items: local.slice((tablePage - 1) * preview.pageSize, tablePage * preview.pageSize), total: local.length, page: tablePage, class: filter === 'all' ? null : filter }
    : preview && filter === 'all' && tablePage === 1 ? { items: preview.rows, total: preview.rowsTotal, page: 1, class: null }
    : rowsPage && rowsPage.page === tablePage && rowsPage.class === (filter === 'all' ? null : filter) ? rowsPage
    : null;

  useEffect(() => {
    if (!draft || !preview || whole || (filter === 'all' && tablePage === 1)) return;
    let current = true;
    const query = new URLSearchParams({ page: String(tablePage), pageSize: String(preview.pageSize), ...(filter === 'all' ? {} : { class: filter }) });
    void api.get<RowsPage>(`/imports/drafts/${draft.id}/rows?${query.toString()}`).then(
      (read) => current && setRowsPage(read),
      (e: unknown) => current && e instanceof ApiError && setError(e),
    );
    return () => {
      current = false;
    };
    // Read again when the class, the page or the preview (a new reading of the file) changes.
  }, [draft?.id, preview, whole, filter, tablePage]);

  const onPreview = async () => {
    setOutcome(null);
    if (file) {
      const made = await attempt(() => api.post<{ draft: ImportDraftView; preview: Preview }>(`/imports/${kind}/drafts${importQuery({ ...choices, conference })}`, fileForm(file)));
      if (!made) return;
      show(made.draft, made.preview);
      void navigate({ search: { draft: made.draft.id }, replace: true });
    } else if (draft) {
      // The draft's own file read again with the options chosen now.
      const body = { version: draft.version, encoding: choices.encoding ?? null, dayFirst: choices.dayOrder ? choices.dayOrder === 'day-first' : null };
      const read = await attempt(() => api.patch<{ draft: ImportDraftView; preview: Preview }>(`/imports/drafts/${draft.id}`, body));
      if (read) show(read.draft, read.preview);
    }
  };

  const onCommit = async () => {
    if (!draft) return;
    const started = await attempt(async () => {
      const saved = await api.patch<{ draft: ImportDraftView }>(`/imports/drafts/${draft.id}`, { version: draft.version, decisions });
      return api.post<ImportDraftView>(`/imports/drafts/${draft.id}/commit`, { version: saved.draft.version });
    });
    if (started) {
      setDraft(started);
      setPreview(null);
    }
  };

  const onDiscard = async () => {
    if (!draft) return;
    const gone = await attempt(() => api.post<ImportDraftView>(`/imports/drafts/${draft.id}/discard`, { version: draft.version }));
    if (gone) {
      setDraft(null);
      setPreview(null);
      void navigate({ search: {}, replace: true });
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

  const rows = shown?.items ?? [];
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('imports.title')} />
      <Card>
        <Space wrap>
          <Select
            aria-label={t('imports.kind')}
            value={kind}
            style={{ minWidth: 180 }}
            disabled={draft?.status === 'committing'}
            onChange={(k) => {
              setKind(k);
              setPreview(null);
            }}
            options={(Object.keys(IMPORT_KINDS) as ImportKindName[]).map((k) => ({ value: k, label: t(`imports.kind.${k}` as MessageKey) }))}
          />
          <Button icon={<DownloadOutlined />} href={`/api/imports/${kind}/template`}>
            {t('imports.template')}
          </Button>
          {isExportableImportKind(kind) && (
            // The kind's records (the caller's reach) as this template's file: what moves them to another database.
            <ExportLinks href={(format) => `/api/imports/${kind}/export?format=${format}`} testId={`import-export-${kind}`} labels={{ csv: 'imports.exportCsv', xlsx: 'imports.exportXlsx' }} icon="download" />
          )}
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
          <Button type="primary" disabled={(!file && !draft) || draft?.status === 'committing'} loading={busy} onClick={() => void onPreview()} data-testid="import-preview">
            {t('imports.preview')}
          </Button>
        </Space>
      </Card>
      {conference !== undefined && (
        <Alert
          type="info"
          showIcon
          data-testid="import-conference"
          message={t('imports.toConference', { title: conferenceTitle ?? `#${conference}` })}
          action={<Link to="/conferences/$id" params={{ id: String(conference) }}>{t('imports.backToConference')}</Link>}
        />
      )}
      {error && <Alert type="error" showIcon message={error.message} description={error.fields.map((f) => <div key={f.field}>{f.message}</div>)} />}
      {draft?.status === 'committing' && (
        <Card title={t('imports.committing', { file: draft.fileName })} data-testid="import-progress">
          <Progress percent={draft.rowsTotal ? Math.floor((100 * draft.rowsDone) / draft.rowsTotal) : 0} status="active" />
          <Typography.Text type="secondary">{t('imports.progress', { done: draft.rowsDone, total: draft.rowsTotal })}</Typography.Text>
        </Card>
      )}
      {draft?.status === 'failed' && draft.error && (
        <Alert type="error" showIcon data-testid="import-failed" message={`${t('imports.failed')} ${draft.error.message}`} description={draft.error.fields.map((f) => <div key={f.field}>{f.message}</div>)} />
      )}
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
      {undoError && <Alert type="error" showIcon message={undoError.message} data-testid="import-undo-refused" description={undoError.fields.map((f) => <div key={f.field}>{f.message}</div>)} />}
      {preview && (
        <Card
          title={t('imports.readAs', { format: preview.format, encoding: preview.encoding ?? 'xlsx' })}
          extra={
            <Space>
              {draft && (
                <Popconfirm title={t('imports.discardConfirm')} onConfirm={() => void onDiscard()}>
                  <Button loading={busy} data-testid="import-discard">
                    {t('imports.discard')}
                  </Button>
                </Popconfirm>
              )}
              <Button type="primary" loading={busy} disabled={preview.counts.error > 0 || !draft} onClick={() => void onCommit()} data-testid="import-commit">
                {t('imports.commit')}
              </Button>
            </Space>
          }
        >
          <Flex vertical gap={12}>
            {draft && <Typography.Text type="secondary">{t('imports.draftKept', { file: draft.fileName, date: draft.expiresOn })}</Typography.Text>}
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
              onChange={(v) => {
                setFilter(v as typeof filter);
                setTablePage(1);
              }}
              options={[
                { value: 'all', label: `${t('imports.all')} ${preview.rowsTotal}` },
                ...CLASSES.map((c) => ({ value: c, label: `${t(`imports.class.${c}` as MessageKey)} ${preview.counts[c]}` })),
              ]}
            />
            <Table<PreviewRow>
              rowKey="rowNumber"
              size="small"
              dataSource={rows}
              loading={shown === null}
              pagination={{ current: tablePage, pageSize: preview.pageSize, total: shown?.total ?? (filter === 'all' ? preview.rowsTotal : preview.counts[filter]), showSizeChanger: false, onChange: setTablePage }}
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
                      {row.group && row.group.first !== row.rowNumber && <div>{t(kind === 'missions' ? 'imports.missionOf' : 'imports.visitOf', { row: row.group.first })}</div>}
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
                        value={decisions[row.rowNumber] ?? initialDecision(row) ?? 'skip'}
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
