import type { App, ServerContext } from '../../http/context.ts';
import { policy } from '../../http/context.ts';
import { SettingParams, SettingUpdate } from '../../../shared/contracts/settings.ts';
import { getSettings, updateSetting } from './settings.service.ts';

/** The office's settings: thresholds the figures use (what makes a conference major). */
export function settingsRoutes(app: App, { db }: ServerContext): void {
  const tags = ['settings'];

  app.get('/api/settings', { config: policy('setting', 'read'), schema: { tags } }, async () => getSettings(db));

  app.patch('/api/settings/:key', { config: policy('setting', 'update'), schema: { tags, params: SettingParams, body: SettingUpdate } }, async (request) =>
    updateSetting(request.ctx!, { key: request.params.key, value: request.body.value, version: request.body.version }),
  );
}
