import type { Config } from './config.ts';

/** Whether `host` is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Why the demo must not load at this start, or null. Its accounts have well-known passwords
 * (printed at start, written in the README): on an address others can reach, anyone could
 * sign in as its administrator. It loads there only when INTERCHANGE_DEMO=1 says so.
 */
export function demoRefusal(config: Pick<Config, 'host' | 'demo' | 'demoExplicit'>): string | null {
  if (!config.demo || config.demoExplicit || isLoopback(config.host)) return null;
  return [
    `Refusing to load the demo while listening on HOST=${config.host}: its accounts have well-known passwords,`,
    'and anyone who can reach this address could sign in as its administrator.',
    'Set INTERCHANGE_DEMO=1 to load the demo anyway (a demonstration on a trusted network),',
    'or INTERCHANGE_DEMO=0 to start with an empty database and add users with `interchange user add`.',
  ].join('\n');
}
