/**
 * Organizational Units 2.1.1: our units tree as EWP asks for it. Each unit's id (immutable,
 * our record's), its code, its names in English, Chinese (zh-Hans) and French, and its parent,
 * so that a partner can rebuild the tree from the root the Institutions API names.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Queryable } from '../../db/client.ts';
import { ewpHostSettings } from '../../modules/settings/settings.service.ts';
import { allUnits } from '../../modules/units/units.service.ts';
import type { Unit } from '../../../shared/contracts/units.ts';
import { NS } from './ewp-namespaces.ts';
import { EwpBadRequest, repeatable, requiredSingle, sameHei } from './ewp-parameters.ts';

/** How many `ounit_id` and `ounit_code` values one request may carry (the manifest says so). */
export const MAX_OUNIT_IDS = 100;
export const MAX_OUNIT_CODES = 100;

/** A unit's id as EWP sees it: our record's id, which never changes (its code may). */
export const ounitId = (unit: Pick<Unit, 'id'>): string => String(unit.id);

/**
 * A unit's names for EWP, each with its xml:lang: the official name when the office wrote one
 * (the name a letter uses), otherwise the short name; French only when it has one.
 */
export function ewpNames(unit: Unit): Array<{ lang: string; text: string }> {
  return [
    { lang: 'en', text: unit.officialNameEn ?? unit.nameEn },
    { lang: 'zh-Hans', text: unit.officialNameZh ?? unit.nameZh },
    { lang: 'fr', text: unit.officialNameFr ?? unit.nameFr ?? '' },
  ].filter((n) => n.text);
}

/** Writes `<name xml:lang="…">` elements in namespace `ns`. */
export function addNames(parent: XMLBuilder, ns: string, names: ReadonlyArray<{ lang: string; text: string }>): void {
  for (const name of names) parent.ele(ns, 'name').att(NS.xml, 'xml:lang', name.lang).txt(name.text);
}

/** The `<ounits-response>` for these units, in the order given. */
export function ounitsResponseXml(units: readonly Unit[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS.ounits, 'ounits-response');
  for (const unit of units) {
    const element = root.ele(NS.ounits, 'ounit');
    element.ele(NS.ounits, 'ounit-id').txt(ounitId(unit));
    element.ele(NS.ounits, 'ounit-code').txt(unit.code);
    addNames(element, NS.ounits, ewpNames(unit));
    if (unit.parentId !== null) element.ele(NS.ounits, 'parent-ounit-id').txt(String(unit.parentId));
  }
  return root.end({ prettyPrint: true });
}

/**
 * Answers an OUnits call: `hei_id` once (ours, else 400: we cover no other institution), and
 * either `ounit_id` or `ounit_code` values (not both, not neither, not too many: 400). Unknown
 * ids and codes are left out (200), as EWP asks; each unit once, in the order asked.
 */
export async function ounitsAnswer(db: Queryable, params: URLSearchParams): Promise<string> {
  const heiId = requiredSingle(params, 'hei_id');
  const ours = (await ewpHostSettings(db)).heiId;
  if (!ours || !sameHei(heiId, ours)) throw new EwpBadRequest(`The institution "${heiId}" is not covered by this host.`);
  const ids = repeatable(params, 'ounit_id', MAX_OUNIT_IDS);
  const codes = repeatable(params, 'ounit_code', MAX_OUNIT_CODES);
  if (ids.length && codes.length) throw new EwpBadRequest('Give either ounit_id or ounit_code values, not both.');
  if (!ids.length && !codes.length) throw new EwpBadRequest('The ounit_id or the ounit_code parameter is required.');
  const units = await allUnits(db);
  const found = ids.length ? ids.map((id) => units.find((u) => ounitId(u) === id)) : codes.map((code) => units.find((u) => u.code === code));
  return ounitsResponseXml([...new Set(found.filter((u): u is Unit => u !== undefined))]);
}
