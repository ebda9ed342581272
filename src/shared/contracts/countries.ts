import { z } from 'zod';

export const Country = z.object({
  code: z.string(),
  alpha3: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  nameFr: z.string(),
  /** Hong Kong, Macao, Taiwan: counted in "countries and regions", not in "countries". */
  isRegion: z.boolean(),
  continent: z.string(),
});
export type Country = z.infer<typeof Country>;
