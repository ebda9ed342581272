/**
 * Importing the ledger's aggregate rows (years before individual records): each row created
 * or updated by the aggregates service, which writes its one ledger row and keeps the figures'
 * rollups in the same transaction, so the figures move by exactly the imported counts.
 */
import type { z } from 'zod';
import { DomainError, parseOrThrow } from '../../core/errors.ts';
import { AggregateInput, AggregateUpdate } from '../../../shared/contracts/ledger.ts';
import { AGGREGATE_IMPORT } from '../../../shared/contracts/import-aggregates.ts';
import { createAggregate, createAggregates, getAggregate, updateAggregate } from '../ledger/aggregates.service.ts';
import { valuesBefore } from './import-restore.ts';
import { aggregatesOnFile } from './import-records.repo.ts';
import type { ImportAdapter } from './import-adapters.ts';

/** A row as the contract takes it: its year as the whole year, its people by direction when not given. */
export function aggregateInput(values: Record<string, unknown>): Record<string, unknown> {
  // Copied field by field: an object rest (`{ year, who, ...rest }`) is V8's slow path, a million times a file.
  const out: Record<string, unknown> = {};
  for (const field in values) if (field !== 'year' && field !== 'who') out[field] = values[field];
  const { year, who } = values;
  if (typeof year === 'number') {
    const y = String(year).padStart(4, '0');
    out.startDate = `${y}-01-01`;
    out.endDate = `${y}-12-31`;
  }
  out.who = who ?? (values.direction === 'inbound' ? 'visitor' : 'staff');
  return out;
}

const keyOf = (a: Record<string, unknown>) => [a.direction, a.who, a.category, a.countryCode ?? '', a.unitId ?? '', a.startDate, a.endDate].join('|');

/** The aggregate rows' adapter: a row is one entry, created or updating the entry on file it counts again. */
export const aggregatesImport: ImportAdapter = {
  kind: AGGREGATE_IMPORT,
  input: AggregateInput,
  toInput: aggregateInput,
  async prepare(ctx) {
    const onFile = await aggregatesOnFile(ctx);
    const byKey = new Map<string, number>(onFile.map((a) => [keyOf(a as unknown as Record<string, unknown>), a.id]));
    const byId = new Map(onFile.map((a) => [a.id, a]));
    return {
      classify(rowNumber, values) {
        const key = keyOf(aggregateInput(values));
        const id = byKey.get(key);
        if (id !== undefined && id > 0) return { class: 'update', matches: [{ id, reason: 'same_aggregate' }] };
        if (id !== undefined) return { class: 'duplicate', matches: [{ id, reason: 'same_aggregate' }] };
        byKey.set(key, -rowNumber);
        return { class: 'new', matches: [] };
      },
      label(id) {
        const a = byId.get(id);
        return a ? `${a.startDate.slice(0, 4)} ${a.direction} ${a.who} ${a.category} ${a.countryCode ?? ''}`.trim() : String(id);
      },
      async create(ctx, values) {
        return (await createAggregate(ctx, { input: parseOrThrow(AggregateInput, aggregateInput(values)) })).id;
      },
      async createMany(ctx, rows, checked) {
        // Parsed by AggregateInput (this adapter's `input`) as the file was read: not parsed again.
        if (checked && checked.length === rows.length) return createAggregates(ctx, { inputs: checked as Array<z.output<typeof AggregateInput>> });
        const inputs = rows.map((values, index) => {
          try {
            return parseOrThrow(AggregateInput, aggregateInput(values));
          } catch (error) {
            // Named by the row's index in the batch: the import names it by its row in the file.
            if (error instanceof DomainError && error.extra.fields) throw new DomainError(error.code, error.kind, { ...error.extra, fields: error.extra.fields.map((f) => ({ ...f, field: `${index}.${f.field}` })) });
            throw error;
          }
        });
        return createAggregates(ctx, { inputs });
      },
      async update(ctx, id, values) {
        // The version read with the records on file: a change since is refused by the service as stale.
        const version = byId.get(id)?.version ?? 0;
        const current = await getAggregate(ctx, { id });
        const input = parseOrThrow(AggregateUpdate, { ...aggregateInput(values), version });
        const row = await updateAggregate(ctx, { id, input });
        return row.version !== version ? valuesBefore(current, input) : null;
      },
    };
  },
};
