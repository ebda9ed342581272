import { resolve } from 'node:path';

/** Settings read from the environment once, at start. */
export interface Config {
  port: number;
  host: string;
  /** Where the embedded database, the generated secret and uploaded files live. */
  dataDir: string;
  /** A PostgreSQL server; when absent the embedded engine runs in dataDir. */
  databaseUrl: string | null;
  /** Key material for personal data; read from secretFile, or generated into dataDir, when absent. */
  secret: string | null;
  /** A file holding the key, kept outside the data folder (INTERCHANGE_SECRET_FILE). */
  secretFile: string | null;
  /** Load the demo data into an empty database. */
  demo: boolean;
  /** INTERCHANGE_DEMO=1 was set, not merely left to its default: the demo may load on a network address. */
  demoExplicit: boolean;
  /** Session lifetime. */
  sessionHours: number;
  /** Serve the built web app from this folder. */
  webDir: string;
  /** Sign-in attempts allowed per address per minute. */
  signInRateLimit: number;
  /** Cookies get `Secure` (set when served behind HTTPS). */
  secureCookies: boolean;
  /** /metrics is served to `Authorization: Bearer <this>`; off (404) when absent. */
  metricsToken: string | null;
}

/** Reads the configuration from environment variables (see README). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.INTERCHANGE_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || null,
    secret: env.INTERCHANGE_SECRET || null,
    secretFile: env.INTERCHANGE_SECRET_FILE ? resolve(env.INTERCHANGE_SECRET_FILE) : null,
    demo: env.INTERCHANGE_DEMO !== '0' && env.INTERCHANGE_DEMO !== 'false',
    demoExplicit: env.INTERCHANGE_DEMO === '1' || env.INTERCHANGE_DEMO === 'true',
    sessionHours: Number(env.INTERCHANGE_SESSION_HOURS ?? 12),
    webDir: resolve(env.INTERCHANGE_WEB_DIR ?? 'dist/web'),
    signInRateLimit: Number(env.INTERCHANGE_SIGNIN_RATE_LIMIT ?? 20),
    secureCookies: env.INTERCHANGE_SECURE_COOKIES === '1' || env.INTERCHANGE_SECURE_COOKIES === 'true',
    metricsToken: env.INTERCHANGE_METRICS_TOKEN || null,
  };
}
