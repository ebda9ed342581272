import { deadlineSettingKey, type DeadlineRule } from '../../shared/kinds/deadline-rules.ts';
import type { Where } from './where.ts';

/**
 * The lead time in force of `rule`, as SQL: the office's setting when one is stored, else the
 * description's. Read in the query, so a list and its count agree with the settings page.
 */
export function leadSql(rule: Pick<DeadlineRule, 'key' | 'defaultLead'>, where: Where): string {
  return `coalesce((SELECT (s.value #>> '{}')::int FROM settings s WHERE s.key = ${where.param(deadlineSettingKey(rule.key))}), ${where.param(rule.defaultLead)}::int)`;
}

/**
 * `deadline-rules.ts#deadlineStanding` as SQL over the record's date `from` and the day `today`
 * (both SQL expressions): the due day, the first day listed, and whether it is late.
 */
export function standingSql(rule: Pick<DeadlineRule, 'key' | 'defaultLead' | 'direction' | 'unit'> & { fromNextDay?: boolean }, where: Where, from: string, today: string): { dueOn: string; shownFrom: string; late: string } {
  const span = `make_interval(${rule.unit} => ${leadSql(rule, where)})`;
  const dueOn = rule.direction === 'after' ? `(${from} + ${span})::date` : from;
  const shownFrom = rule.direction === 'after' ? (rule.fromNextDay ? `(${from} + 1)` : from) : `(${from} - ${span})::date`;
  return { dueOn, shownFrom, late: `(${today} > ${dueOn})` };
}
