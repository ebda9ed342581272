import { z } from 'zod';
import { declareRoutes, get, patch, policy } from '../../core/routes.ts';
import { Setting, SettingParams, SettingUpdate } from '../../../shared/contracts/settings.ts';
import { getSettings, updateSetting } from './settings.service.ts';

/** The office's settings: thresholds the figures use (what makes a conference major). */
export const settingsRoutes = declareRoutes('settings', [
  get('/api/settings', { summary: "Read the office's settings", ...policy('setting', 'read'), response: { 200: z.array(Setting) } }, async ({ deps: { db } }) => getSettings(db)),

  patch('/api/settings/:key', { summary: 'Change a setting', ...policy('setting', 'update'), params: SettingParams, body: SettingUpdate, response: { 200: Setting } }, async ({ ctx, params, body }) =>
    updateSetting(ctx, { key: params.key, value: body.value, version: body.version }),
  ),
]);
