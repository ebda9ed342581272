import type { App, ServerContext } from '../../http/context.ts';
import { policy } from '../../http/context.ts';
import { listCountries } from './countries.repo.ts';

/** GET /api/countries: the country and region dictionary. */
export function countriesRoutes(app: App, { db }: ServerContext): void {
  app.get('/api/countries', { config: policy('country', 'read'), schema: { tags: ['countries'] } }, async () => listCountries(db));
}
