import type { Db } from '../server/db/client.ts';
import { systemContext } from '../server/core/request-context.ts';
import { getSettings, updateSetting } from '../server/modules/settings/settings.service.ts';

/** The demo school's SCHAC code, as the EWP Registry would list it. */
export const DEMO_HEI_ID = 'shsmu.edu.cn';

/**
 * The demo serves Erasmus Without Paper: its SCHAC code set and /ewp turned on (a real
 * deployment keeps it off until the office joins the network), through the settings' service,
 * audited like any change. Partners' keys stay for the office to register: the demo has no partner host.
 */
export async function loadDemoEwp(db: Db): Promise<void> {
  const settings = await getSettings(db);
  for (const [key, value] of [['ewp.heiId', DEMO_HEI_ID], ['ewp.enabled', true]] as const) {
    const current = settings.find((s) => s.key === key);
    await updateSetting(systemContext(db), { key, value, version: current?.version ?? 1 });
  }
}
