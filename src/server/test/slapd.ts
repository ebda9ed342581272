import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './serve-process.ts';

const SLAPD = '/usr/sbin/slapd';
const SLAPADD = '/usr/sbin/slapadd';

/** A throwaway OpenLDAP server on 127.0.0.1. */
export interface TestDirectory {
  url: string;
  suffix: string;
  /** The service account that searches for people. */
  bindDn: string;
  bindPassword: string;
  close(): Promise<void>;
}

/**
 * Starts Debian's slapd as the current user on a free port, with its own configuration
 * (slapd.conf: the core, cosine and inetOrgPerson schemas, an mdb database, and the ppolicy
 * overlay so that `pwdAccountLockedTime` is known) in a temporary folder, loaded with `ldif`
 * by slapadd. Fails, saying how to install it, when slapd is missing: CI's .ci/run installs it.
 */
export async function startTestDirectory(ldif: (suffix: string) => string): Promise<TestDirectory> {
  if (!existsSync(SLAPD) || !existsSync(SLAPADD))
    throw new Error('slapd is not installed: apt-get install -y slapd ldap-utils (.ci/run installs it on a CI machine)');
  const dir = await mkdtemp(join(tmpdir(), 'interchange-slapd-'));
  const suffix = 'dc=example,dc=org';
  const bindDn = `cn=reader,${suffix}`;
  const bindPassword = 'reader-secret';
  await mkdir(join(dir, 'db'));
  const conf = join(dir, 'slapd.conf');
  await writeFile(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      `pidfile ${join(dir, 'slapd.pid')}`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      'moduleload ppolicy',
      'database mdb',
      `suffix "${suffix}"`,
      `rootdn "cn=admin,${suffix}"`,
      'rootpw admin-secret',
      `directory ${join(dir, 'db')}`,
      'overlay ppolicy',
      // People's passwords are only for binding; only signed-in accounts read the directory.
      'access to attrs=userPassword by self write by anonymous auth by * none',
      'access to * by users read by * none',
      '',
    ].join('\n'),
  );
  const data = join(dir, 'data.ldif');
  await writeFile(
    data,
    `dn: ${suffix}\nobjectClass: dcObject\nobjectClass: organization\no: Example University\ndc: example\n\n` +
      `dn: ${bindDn}\nobjectClass: person\ncn: reader\nsn: reader\nuserPassword: ${bindPassword}\n\n` +
      ldif(suffix),
  );
  const added = spawnSync(SLAPADD, ['-f', conf, '-l', data], { encoding: 'utf8' });
  if (added.status !== 0) throw new Error(`slapadd failed: ${added.stderr}`);
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(SLAPD, ['-f', conf, '-h', `${url}/`, '-d', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const listening = async () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
  for (let i = 0; ; i += 1) {
    if (await listening()) break;
    if (child.exitCode !== null || i > 100) {
      child.kill();
      throw new Error(`slapd did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    suffix,
    bindDn,
    bindPassword,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
