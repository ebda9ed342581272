import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/contracts/common.ts';
import { LEDGER_CATEGORIES } from '../../shared/contracts/ledger.ts';
import { ERROR_MESSAGES, FIELD_REASONS } from '../../shared/i18n/errors.ts';
import { LEDGER_CATEGORY_LABELS } from '../../shared/i18n/ledger-categories.ts';
import { AGREEMENT_KIND_LABELS, AGREEMENT_LEVEL_LABELS, AGREEMENT_STATUS_LABELS } from '../../shared/i18n/agreement-labels.ts';
import { AGREEMENT_KINDS, AGREEMENT_LEVELS, AGREEMENT_STATUSES } from '../../shared/contracts/agreements.ts';
import { sourceFiles } from '../test/source-files.ts';

const src = new URL('../../', import.meta.url).pathname;

describe('every message a user can read exists in English, Chinese and French', () => {
  const text = sourceFiles(src, ['web']).map((file) => readFileSync(file, 'utf8')).join('\n');

  it('every error code the server raises', () => {
    const codes = new Set([...text.matchAll(/new DomainError\('([a-z_]+)'/g)].map((m) => m[1]!));
    for (const code of ['not_found', 'forbidden', 'unauthenticated', 'version_conflict', 'validation_failed', 'bad_json', 'payload_too_large', 'rate_limited', 'internal', 'duplicate', 'in_use']) codes.add(code);
    for (const code of codes) for (const locale of LOCALES) expect(ERROR_MESSAGES[code]?.[locale], `${code}/${locale}`).toBeTruthy();
  });

  it('every field reason the server or the contracts give', () => {
    const reasons = new Set([
      ...[...text.matchAll(/reason: '([a-z_]+)'/g)].map((m) => m[1]!),
      ...[...text.matchAll(/message: '([a-z_]+)'/g)].map((m) => m[1]!),
      ...['required', 'too_short', 'too_long', 'too_small', 'too_big', 'invalid_type', 'invalid_value', 'invalid_format', 'invalid_email', 'unknown_field'],
    ]);
    for (const reason of reasons) for (const locale of LOCALES) expect(FIELD_REASONS[reason]?.[locale], `${reason}/${locale}`).toBeTruthy();
  });

  it('every agreement level, kind and status', () => {
    for (const locale of LOCALES) {
      for (const level of AGREEMENT_LEVELS) expect(AGREEMENT_LEVEL_LABELS[level][locale]).toBeTruthy();
      for (const kind of AGREEMENT_KINDS) expect(AGREEMENT_KIND_LABELS[kind][locale]).toBeTruthy();
      for (const status of AGREEMENT_STATUSES) expect(AGREEMENT_STATUS_LABELS[status][locale]).toBeTruthy();
    }
  });

  it('every ledger category', () => {
    for (const category of LEDGER_CATEGORIES) for (const locale of LOCALES) expect(LEDGER_CATEGORY_LABELS[category][locale]).toBeTruthy();
  });
});
