/**
 * Institutions 2.2.0: our institution as EWP describes it, for our SCHAC code. Its names are our
 * root unit's (English, Chinese as zh-Hans, French), its logo the office's `ewp.logoUrl`, its
 * contact the factsheet's application office when there is one, and its units the whole tree
 * (the root's id first), which the OUnits API details.
 */
import { create } from 'xmlbuilder2';
import type { Queryable } from '../../db/client.ts';
import { ewpFactsheetSettings, ewpHostSettings } from '../../modules/settings/settings.service.ts';
import { allUnits } from '../../modules/units/units.service.ts';
import type { FactsheetContact } from '../../../shared/contracts/ewp-factsheet.ts';
import type { Unit } from '../../../shared/contracts/units.ts';
import { NS } from './ewp-namespaces.ts';
import { addNames, ewpNames, ounitId } from './ewp-ounits.ts';
import { requiredRepeatable, sameHei } from './ewp-parameters.ts';

/** How many `hei_id` values one Institutions call may carry (the manifest says so). */
export const MAX_INSTITUTION_HEI_IDS = 10;

/** The contact's name, in each language, when the factsheet gives the application office's address. */
const APPLICATION_CONTACT_NAMES = [
  { lang: 'en', text: 'International office: incoming students' },
  { lang: 'zh-Hans', text: '国际交流处：来访学生' },
  { lang: 'fr', text: 'Bureau des relations internationales : étudiants accueillis' },
];

/** What one `<hei>` says. */
export interface InstitutionContent {
  heiId: string;
  names: ReadonlyArray<{ lang: string; text: string }>;
  logoUrl: string | null;
  contact: FactsheetContact | null;
  /** The units tree: the root first, then every unit exposed through OUnits (the root included). */
  rootOunitId: string | null;
  ounitIds: readonly string[];
}

const I = NS.institutions;

/** The `<institutions-response>`: one `<hei>` per institution given. */
export function institutionsResponseXml(institutions: readonly InstitutionContent[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(I, 'institutions-response');
  for (const institution of institutions) {
    const hei = root.ele(I, 'hei');
    hei.ele(I, 'hei-id').txt(institution.heiId);
    addNames(hei, I, institution.names);
    if (institution.logoUrl) hei.ele(I, 'logo-url').txt(institution.logoUrl);
    if (institution.contact) {
      const contact = hei.ele(NS.contact, 'c:contact');
      for (const name of APPLICATION_CONTACT_NAMES) contact.ele(NS.contact, 'c:contact-name').att(NS.xml, 'xml:lang', name.lang).txt(name.text);
      contact.ele(NS.phone, 'p:phone-number').ele(NS.phone, 'p:e164').txt(institution.contact.phone);
      contact.ele(NS.contact, 'c:email').txt(institution.contact.email);
    }
    if (institution.rootOunitId) hei.ele(I, 'root-ounit-id').txt(institution.rootOunitId);
    for (const id of institution.ounitIds) hei.ele(I, 'ounit-id').txt(id);
  }
  return root.end({ prettyPrint: true });
}

/** Our institution: named as the root unit is (or by its SCHAC code when there is no unit yet). */
export async function ourInstitution(db: Queryable, heiId: string): Promise<InstitutionContent> {
  const units = await allUnits(db);
  const root: Unit | undefined = units.find((u) => u.parentId === null);
  const { factsheet, logoUrl } = await ewpFactsheetSettings(db);
  return {
    heiId,
    names: root ? ewpNames(root) : [{ lang: 'en', text: heiId }],
    logoUrl,
    contact: factsheet?.applicationInfo ?? null,
    rootOunitId: root ? ounitId(root) : null,
    ounitIds: root ? [ounitId(root), ...units.filter((u) => u !== root).map(ounitId)] : units.map(ounitId),
  };
}

/**
 * Answers an Institutions call: `hei_id` required and repeatable (at most
 * MAX_INSTITUTION_HEI_IDS, else 400); ours is described, any other is ignored (200), as EWP asks.
 */
export async function institutionsAnswer(db: Queryable, params: URLSearchParams): Promise<string> {
  const asked = requiredRepeatable(params, 'hei_id', MAX_INSTITUTION_HEI_IDS);
  const ours = (await ewpHostSettings(db)).heiId;
  return institutionsResponseXml(ours && asked.some((id) => sameHei(id, ours)) ? [await ourInstitution(db, ours)] : []);
}
