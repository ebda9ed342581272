/**
 * Factsheet 1.2.0: what a student needs before applying to us, from the office's `ewp.factsheet`
 * setting. Nominations' and applications' deadlines per term, whom to ask about applying,
 * housing, visas and insurance, how many weeks a decision and a transcript take, and the extra
 * requirements, accessibility services and other information the office lists.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Queryable } from '../../db/client.ts';
import { ewpFactsheetSettings, ewpHostSettings } from '../../modules/settings/settings.service.ts';
import type { EwpFactsheet, FactsheetContact } from '../../../shared/contracts/ewp-factsheet.ts';
import { NS } from './ewp-namespaces.ts';
import { requiredRepeatable, sameHei } from './ewp-parameters.ts';

/** How many `hei_id` values one Factsheet call may carry (the manifest says so). */
export const MAX_FACTSHEET_HEI_IDS = 10;

const F = NS.factsheet;

/** An InformationEntry: email, phone (E.164) and web page, in that order. */
function addContact(parent: XMLBuilder, name: string, contact: FactsheetContact): void {
  const entry = parent.ele(F, name);
  entry.ele(F, 'email').txt(contact.email);
  entry.ele(NS.phone, 'p:phone-number').ele(NS.phone, 'p:e164').txt(contact.phone);
  entry.ele(F, 'website-url').txt(contact.url);
}

/** A CalendarEntry: the autumn and spring terms' dates, as xs:gMonthDay (`--MM-DD`). */
function addCalendar(parent: XMLBuilder, name: string, deadlines: EwpFactsheet['nominations']): void {
  const entry = parent.ele(F, name);
  entry.ele(F, 'autumn-term').txt(`--${deadlines.autumn}`);
  entry.ele(F, 'spring-term').txt(`--${deadlines.spring}`);
}

/** The `<factsheet-response>`: one `<factsheet>` per institution given (none when we have none to give). */
export function factsheetResponseXml(factsheets: ReadonlyArray<{ heiId: string; factsheet: EwpFactsheet }>): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(F, 'factsheet-response');
  for (const { heiId, factsheet } of factsheets) {
    const element = root.ele(F, 'factsheet');
    element.ele(F, 'hei-id').txt(heiId);
    const calendar = element.ele(F, 'calendar');
    addCalendar(calendar, 'student-nominations', factsheet.nominations);
    addCalendar(calendar, 'student-applications', factsheet.applications);
    addContact(element, 'application-info', factsheet.applicationInfo);
    for (const requirement of factsheet.additionalRequirements) {
      const entry = element.ele(F, 'additional-requirement');
      entry.ele(F, 'name').txt(requirement.name);
      entry.ele(F, 'details').txt(requirement.details);
      if (requirement.url) entry.ele(F, 'information-website').txt(requirement.url);
    }
    element.ele(F, 'decision-weeks-limit').txt(String(factsheet.decisionWeeks));
    element.ele(F, 'tor-weeks-limit').txt(String(factsheet.torWeeks));
    for (const service of factsheet.accessibility) {
      const entry = element.ele(F, 'accessibility');
      entry.ele(F, 'type').txt(service.type);
      entry.ele(F, 'name').txt(service.name);
      if (service.description) entry.ele(F, 'description').txt(service.description);
      addContact(entry, 'information', service.contact);
    }
    addContact(element, 'housing-info', factsheet.housing);
    addContact(element, 'visa-info', factsheet.visa);
    addContact(element, 'insurance-info', factsheet.insurance);
    for (const info of factsheet.additionalInfo) {
      const entry = element.ele(F, 'additional-info');
      entry.ele(F, 'type').txt(info.type);
      addContact(entry, 'info', info.contact);
    }
  }
  return root.end({ prettyPrint: true });
}

/**
 * Answers a Factsheet call: `hei_id` required and repeatable (at most MAX_FACTSHEET_HEI_IDS,
 * else 400); ours gets the office's factsheet, other institutions are ignored (200), as are
 * we while the office has not filled the factsheet in.
 */
export async function factsheetAnswer(db: Queryable, params: URLSearchParams): Promise<string> {
  const asked = requiredRepeatable(params, 'hei_id', MAX_FACTSHEET_HEI_IDS);
  const ours = (await ewpHostSettings(db)).heiId;
  const { factsheet } = await ewpFactsheetSettings(db);
  const heiId = ours ? asked.find((id) => sameHei(id, ours)) : undefined;
  return factsheetResponseXml(heiId && ours && factsheet ? [{ heiId: ours, factsheet }] : []);
}
