import { z } from 'zod';
import { declareRoutes, get, policy } from '../../core/routes.ts';
import { Country } from '../../../shared/contracts/countries.ts';
import { listCountries } from './countries.repo.ts';

/** GET /api/countries: the country and region dictionary. */
export const countriesRoutes = declareRoutes('countries', [get('/api/countries', { summary: 'List countries and regions', ...policy('country', 'read'), response: { 200: z.array(Country) } }, async ({ deps: { db } }) => listCountries(db))]);
