import { declareRoutes, get, policy } from '../../core/routes.ts';
import { listCountries } from './countries.repo.ts';

/** GET /api/countries: the country and region dictionary. */
export const countriesRoutes = declareRoutes('countries', [get('/api/countries', { summary: 'List countries and regions', ...policy('country', 'read') }, async ({ deps: { db } }) => listCountries(db))]);
