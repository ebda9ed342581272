import { z } from 'zod';

const Version = { engine: z.enum(['embedded', 'postgresql']), version: z.string(), commit: z.string().optional() };

/** GET /api/health: the process answers (liveness), with its version and database engine. */
export const Health = z.object({ status: z.literal('ok'), ...Version });
export type Health = z.infer<typeof Health>;

/** GET /api/health/ready, 200: the database answers and every migration is applied (how many). */
export const Ready = z.object({ status: z.literal('ready'), ...Version, migrations: z.number() });
export type Ready = z.infer<typeof Ready>;

/** GET /api/health/ready, 503: why the server should not take traffic yet. */
export const NotReady = z.object({ status: z.literal('not ready'), problems: z.array(z.string()), ...Version });
export type NotReady = z.infer<typeof NotReady>;
