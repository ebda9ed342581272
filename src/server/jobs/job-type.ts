import type { Db } from '../db/client.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Config } from '../config.ts';
import type { Cipher } from '../security/personal-data.ts';

/** What a job's work is given: the database, the mail server (null: none configured) and the public address. */
export interface JobDeps {
  db: Db;
  mailer: Mailer | null;
  publicUrl: string | null;
  /** What a route's work needs beside the database (a prepared export runs a route's): without them an export job fails. */
  config?: Config;
  /** The personal-data cipher, for jobs that write people (an import's commit) or run a route's work; absent, such a job fails saying so. */
  cipher?: Cipher;
}

/** A job as its handler sees it: its data and where it stands in its tries. */
export interface JobRun<D> {
  id: string;
  data: D;
  /** Tries made before this one (0 on the first). */
  retryCount: number;
  /** Retries allowed after the first try. */
  retryLimit: number;
}

/**
 * One kind of background work: its queue's name, how often and how long it may be tried, and
 * its handler. A handler that throws is retried with backoff; one that returns is done.
 */
export interface JobType<D = unknown> {
  readonly name: string;
  /** Retries after the first try (so tries = retryLimit + 1). */
  readonly retryLimit: number;
  /** Seconds before the first retry; doubled at each with `retryBackoff`. */
  readonly retryDelaySeconds: number;
  readonly retryBackoff: boolean;
  /** A try running longer than this (its worker killed, say) is failed and retried by any worker. */
  readonly expireInSeconds: number;
  run(deps: JobDeps, job: JobRun<D>): Promise<void>;
}

/** Declares a job type, keeping its data's type. */
export function defineJobType<D>(type: JobType<D>): JobType<D> {
  return type;
}
