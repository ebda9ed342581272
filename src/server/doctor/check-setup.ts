import { stat } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { isLoopback } from '../demo-guard.ts';
import { describeLoose, looseEntries } from '../security/owner-only.ts';
import { isInside } from '../security/secret-key.ts';
import { finding, type Finding } from './findings.ts';

const mode = (m: number) => (m & 0o777).toString(8).padStart(4, '0');

/** Where the key to personal data comes from, and whether anyone but its owner can read it. */
export async function checkKey(config: Config): Promise<Finding> {
  const name = 'key';
  if (config.secret)
    return config.secret.length < 32
      ? finding(name, 'warn', `INTERCHANGE_SECRET is ${config.secret.length} characters: a key should be at least 32 random ones (head -c 32 /dev/urandom | base64); changing it means re-entering the personal data`)
      : finding(name, 'ok', 'INTERCHANGE_SECRET is set (the environment of the process)');
  const file = config.secretFile ?? join(config.dataDir, 'secret.key');
  const info = await stat(file).catch(() => null);
  if (!info?.isFile())
    return config.secretFile
      ? finding(name, 'fail', `INTERCHANGE_SECRET_FILE names ${file}, which is not a file: the server will not start`)
      : finding(name, 'info', `no key yet: one will be generated into ${file} at the first start; on a real deployment set INTERCHANGE_SECRET_FILE to a file outside the data folder`);
  if (info.mode & 0o077) return finding(name, 'fail', `${file} can be read by other users (mode ${mode(info.mode)}): chmod 600 ${file}`);
  if (process.getuid && info.uid !== process.getuid()) return finding(name, 'warn', `${file} belongs to another user (uid ${info.uid}) than the one running Interchange`);
  if (isInside(file, config.dataDir))
    return finding(name, 'warn', `the key ${file} is inside the data folder: every copy or backup of the folder carries the key to its personal data; move it out and set INTERCHANGE_SECRET_FILE`);
  return finding(name, 'ok', `${file}, mode ${mode(info.mode)}, outside the data folder`);
}

/** Whether the data folder exists, is this user's, and lets nobody else in. */
export async function checkDataFolder(config: Config): Promise<Finding> {
  const name = 'data folder';
  const dir = config.dataDir;
  const info = await stat(dir).catch(() => null);
  if (!info) return finding(name, 'info', `${dir} does not exist yet: the first start creates it owner-only`);
  if (!info.isDirectory()) return finding(name, 'fail', `${dir} is not a folder`);
  if (process.getuid && info.uid !== process.getuid()) return finding(name, 'fail', `${dir} belongs to uid ${info.uid}, not to the user running Interchange (uid ${process.getuid()})`);
  const loose = await looseEntries(dir);
  if (loose.length) return finding(name, 'warn', describeLoose(dir, loose, 'the next start makes them owner-only, or chmod -R go-rwx the folder'));
  return finding(name, 'ok', `${dir}, owner-only throughout`);
}

/** The demo's accounts have well-known passwords: never on an address others reach. */
export function checkDemoSetting(config: Config): Finding {
  const name = 'demo';
  if (!config.demo) return finding(name, 'ok', 'INTERCHANGE_DEMO=0: no demo data is loaded');
  if (isLoopback(config.host)) return finding(name, 'info', `the demo loads into an empty database (HOST=${config.host} is reachable from this machine only); set INTERCHANGE_DEMO=0 for production`);
  if (config.demoExplicit) return finding(name, 'fail', `INTERCHANGE_DEMO=1 with HOST=${config.host}: the demo's accounts (well-known passwords) would be reachable from the network`);
  return finding(name, 'warn', `HOST=${config.host} and INTERCHANGE_DEMO not set: serve refuses to load the demo here; set INTERCHANGE_DEMO=0`);
}

/** The address people reach the server at, and whether cookies match its scheme. */
export function checkPublicUrl(config: Config): Finding {
  const name = 'public address';
  const url = config.publicUrl;
  if (!url)
    return isLoopback(config.host)
      ? finding(name, 'info', 'INTERCHANGE_PUBLIC_URL is not set: links point to this machine, which is right for a trial')
      : finding(name, 'warn', `INTERCHANGE_PUBLIC_URL is not set while HOST=${config.host}: set it to the address users type (https://…)`);
  const https = url.startsWith('https:');
  if (https && !config.secureCookies) return finding(name, 'warn', `${url} is HTTPS but INTERCHANGE_SECURE_COOKIES is off: session cookies would also travel over plain HTTP; set it to 1`);
  if (!https && config.secureCookies) return finding(name, 'fail', `${url} is plain HTTP but INTERCHANGE_SECURE_COOKIES=1: browsers will not send the session cookie back, nobody can stay signed in`);
  if (!https && !isLoopback(new URL(url).hostname)) return finding(name, 'warn', `${url} is plain HTTP: passwords and session cookies cross the network readable; serve it behind HTTPS`);
  return finding(name, 'ok', url);
}

/**
 * Whether the mail server in INTERCHANGE_SMTP_URL answers as one (a 220 greeting) within
 * `timeoutMs`. Nothing is sent: the connection is closed after the greeting.
 */
export async function checkSmtp(env: NodeJS.ProcessEnv, timeoutMs = 5000): Promise<Finding> {
  const name = 'mail server';
  const raw = env.INTERCHANGE_SMTP_URL;
  if (!raw) return finding(name, 'info', 'INTERCHANGE_SMTP_URL is not set: no mail server is configured');
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || !['smtp:', 'smtps:'].includes(url.protocol)) return finding(name, 'fail', 'INTERCHANGE_SMTP_URL is not an smtp:// or smtps:// address');
  const port = Number(url.port || (url.protocol === 'smtps:' ? 465 : 25));
  const where = `${url.hostname}:${port}`;
  if (url.protocol === 'smtps:') return reach(url.hostname, port, timeoutMs).then((error) => (error ? finding(name, 'fail', `${where}: ${error}`) : finding(name, 'ok', `${where} accepts connections (TLS not checked)`)));
  const greeting = await smtpGreeting(url.hostname, port, timeoutMs);
  if (greeting.error) return finding(name, 'fail', `${where}: ${greeting.error}`);
  return greeting.line.startsWith('220') ? finding(name, 'ok', `${where} answers: ${greeting.line.slice(0, 80)}`) : finding(name, 'fail', `${where} answered "${greeting.line.slice(0, 80)}", not an SMTP greeting (220)`);
}

function reach(host: string, port: number, timeoutMs: number): Promise<string | null> {
  return new Promise((done) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    socket.once('connect', () => (socket.destroy(), done(null)));
    socket.once('timeout', () => (socket.destroy(), done(`no answer within ${timeoutMs / 1000} s`)));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED' ? 'connection refused' : error.message));
  });
}

function smtpGreeting(host: string, port: number, timeoutMs: number): Promise<{ line: string; error?: string }> {
  return new Promise((done) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n') || text.length > 512) {
        socket.end('QUIT\r\n');
        done({ line: text.split(/\r?\n/)[0] ?? '' });
      }
    });
    socket.once('timeout', () => (socket.destroy(), done({ line: '', error: `no greeting within ${timeoutMs / 1000} s` })));
    socket.once('error', (error: NodeJS.ErrnoException) => done({ line: '', error: error.code === 'ECONNREFUSED' ? 'connection refused' : error.message }));
    socket.once('end', () => done({ line: text.split(/\r?\n/)[0] ?? '', ...(text ? {} : { error: 'closed without a greeting' }) }));
  });
}
