import { resolve } from 'node:path';
import { z } from 'zod';
import { httpUrl, postgresUrl, wholeNumber, yesNo } from './config-rules.ts';
import { SSO_VARIABLES, ssoConfig, type SsoConfig } from './sso-config.ts';

/** How much the server logs: one line per request at `info`, none at `warn`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

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
  /** The address users reach the server at (links in letters and messages), e.g. https://ie.school.edu.cn. */
  publicUrl: string | null;
  /** The request log's level. */
  logLevel: LogLevel;
  /** Single sign-on (OpenID Connect, LDAP) and whether local passwords are on: see sso-config.ts. */
  sso: SsoConfig;
  /** The mail server messages are sent through (smtp:// or smtps://); none: they stay in the outbox. */
  smtpUrl: string | null;
  /** The sender of every message (`Interchange <ie@school.edu.cn>`). */
  mailFrom: string | null;
  /** How often a process looks for jobs whose try ran out of time (its process died mid-job), in seconds. */
  jobsCheckSeconds: number;
}

const smtpUrl = z
  .string()
  .trim()
  .refine((v) => URL.canParse(v) && ['smtp:', 'smtps:'].includes(new URL(v).protocol), { message: 'is not a mail server address: use smtp://user:password@host:587 or smtps://host:465' });

// An address alone, or a name and an address in angle brackets; one line.
const mailbox = z
  .string()
  .trim()
  .regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, { message: 'is not a mail address: use ie@school.edu.cn or Interchange <ie@school.edu.cn>' });

/** Each variable's rule; absent or empty means its default. */
const VARIABLES = {
  PORT: wholeNumber(1, 65535),
  HOST: z.string().trim().regex(/^[\w.:[\]-]+$/, { message: 'is not a host name or an IP address' }),
  INTERCHANGE_DATA_DIR: z.string(),
  DATABASE_URL: postgresUrl,
  INTERCHANGE_SECRET: z.string(),
  INTERCHANGE_SECRET_FILE: z.string(),
  INTERCHANGE_DEMO: yesNo,
  INTERCHANGE_SESSION_HOURS: wholeNumber(1, 24 * 90),
  INTERCHANGE_WEB_DIR: z.string(),
  INTERCHANGE_SIGNIN_RATE_LIMIT: wholeNumber(1, 100000),
  INTERCHANGE_SECURE_COOKIES: yesNo,
  INTERCHANGE_METRICS_TOKEN: z.string(),
  INTERCHANGE_PUBLIC_URL: httpUrl,
  INTERCHANGE_LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }),
  ...SSO_VARIABLES,
  INTERCHANGE_SMTP_URL: smtpUrl,
  INTERCHANGE_MAIL_FROM: mailbox,
  INTERCHANGE_JOBS_CHECK_SECONDS: wholeNumber(1, 3600),
} as const;

type Variable = keyof typeof VARIABLES;
type Values = { [K in Variable]?: z.output<(typeof VARIABLES)[K]> };

/** The configuration could not be read: one line per variable that is wrong, saying why. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`the configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration from environment variables (see README), checking every variable
 * before any is used: a mistyped port or a yes/no that is neither would otherwise start a
 * server that listens nowhere or quietly loads the demo. Throws a ConfigError naming each bad one.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const values: Values = {};
  const problems: string[] = [];
  for (const name of Object.keys(VARIABLES) as Variable[]) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const parsed = VARIABLES[name].safeParse(raw);
    if (parsed.success) (values as Record<string, unknown>)[name] = parsed.data;
    else problems.push(`${name}=${JSON.stringify(shown(raw))} ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  }
  const publicUrl = values.INTERCHANGE_PUBLIC_URL ?? null;
  const sso = ssoConfig(values, publicUrl, problems);
  // A mail server without a sender would take every message and send none.
  if (values.INTERCHANGE_SMTP_URL && !values.INTERCHANGE_MAIL_FROM && !problems.some((p) => p.startsWith('INTERCHANGE_MAIL_FROM=')))
    problems.push('INTERCHANGE_MAIL_FROM is required when INTERCHANGE_SMTP_URL is set: the sender of every message');
  if (problems.length) throw new ConfigError(problems);
  return {
    port: values.PORT ?? 3000,
    host: values.HOST ?? '127.0.0.1',
    dataDir: resolve(values.INTERCHANGE_DATA_DIR ?? 'data'),
    databaseUrl: values.DATABASE_URL ?? null,
    secret: values.INTERCHANGE_SECRET ?? null,
    secretFile: values.INTERCHANGE_SECRET_FILE ? resolve(values.INTERCHANGE_SECRET_FILE) : null,
    demo: values.INTERCHANGE_DEMO ?? true,
    demoExplicit: values.INTERCHANGE_DEMO === true,
    sessionHours: values.INTERCHANGE_SESSION_HOURS ?? 12,
    webDir: resolve(values.INTERCHANGE_WEB_DIR ?? 'dist/web'),
    signInRateLimit: values.INTERCHANGE_SIGNIN_RATE_LIMIT ?? 20,
    secureCookies: values.INTERCHANGE_SECURE_COOKIES ?? false,
    metricsToken: values.INTERCHANGE_METRICS_TOKEN ?? null,
    publicUrl,
    logLevel: values.INTERCHANGE_LOG_LEVEL ?? 'info',
    sso,
    smtpUrl: values.INTERCHANGE_SMTP_URL ?? null,
    mailFrom: values.INTERCHANGE_MAIL_FROM ?? null,
    jobsCheckSeconds: values.INTERCHANGE_JOBS_CHECK_SECONDS ?? 60,
  };
}

/** The address links in messages start with: INTERCHANGE_PUBLIC_URL, or this machine's for a trial (as `doctor` says). */
export function linkBase(config: Pick<Config, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

/** What a problem line may show of a value: a password in an address masked. (The secrets take any text, so they never reach a problem line.) */
function shown(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}
