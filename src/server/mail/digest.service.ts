import type { RequestContext } from '../core/request-context.ts';
import { officeToday } from '../../shared/calendar.ts';
import type { DigestRunQueued } from '../../shared/contracts/jobs.ts';
import { DIGEST_RUN_JOB, queueDigestRun } from './digest.job.ts';

/**
 * Queues the digest run of `day` (default: the office's today) at an administrator's request,
 * audited under their account in the same transaction. Harmless when repeated: each user's
 * digest of a day is made once.
 */
export async function startDigestRun(ctx: RequestContext, day: string = officeToday()): Promise<DigestRunQueued> {
  return ctx.transaction(async (tx) => {
    const jobId = await queueDigestRun(tx, day);
    await tx.audit({ action: 'create', entity: 'job', entityId: jobId, unitId: null, before: null, after: { type: DIGEST_RUN_JOB.name, day } });
    return { day, jobId };
  });
}
