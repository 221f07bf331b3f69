import { TOP_UP_PER_RUN, TOP_UP_PER_USER_PER_RUN, topUpReminders } from "@checkmark/api";
import { createDb } from "@checkmark/db";
import { errorFields, writeLog } from "../log";
import { deleteInBatches } from "./batched-delete";
import { deletionJobs, type JobOptions } from "./jobs";
import { deleteOrphanedFiles } from "./orphaned-files";
import { BATCH_SIZE, MAX_BATCHES_PER_JOB } from "./retention";

export interface HousekeepingOptions extends JobOptions {
  batchSize?: number;
  maxBatches?: number;
}

/**
 * Runs every deletion job once, one after another (D1 has one writer anyway). A job that fails
 * is logged and the others still run; each logs one line with counts, never row contents.
 */
export async function runHousekeeping(
  env: Env,
  now: Date,
  {
    batchSize = BATCH_SIZE,
    maxBatches = MAX_BATCHES_PER_JOB,
    ...jobOptions
  }: HousekeepingOptions = {},
) {
  const jobs = deletionJobs(createDb(env.DB), now, jobOptions);
  for (const [job, deleteBatch] of Object.entries(jobs)) {
    try {
      const outcome = await deleteInBatches(deleteBatch, { batchSize, maxBatches });
      writeLog({ event: "housekeeping", job, ...outcome });
    } catch (error) {
      writeLog({ event: "housekeeping-failed", job, ...errorFields(error) }, "error");
    }
  }
  // Last, after users and todos have gone: their files are orphans now.
  const job = "files-orphaned";
  try {
    const outcome = await deleteOrphanedFiles(env.FILES, createDb(env.DB), env.CACHE, now, {
      batchSize,
      maxBatches,
    });
    writeLog({ event: "housekeeping", job, ...outcome });
  } catch (error) {
    writeLog({ event: "housekeeping-failed", job, ...errorFields(error) }, "error");
  }
}

/**
 * Not a deletion: gives events whose reminder falls due within the horizon their workflow
 * instance (docs/decisions/064), capped per run and per user in a run (docs/decisions/133);
 * also repairs one whose scheduling failed or whose time a setting change moved.
 */
export async function topUpEventReminders(env: Env, now: Date) {
  const job = "reminders-top-up";
  try {
    const outcome = await topUpReminders(
      { db: createDb(env.DB), workflow: env.EVENT_REMINDER },
      now,
      { limit: TOP_UP_PER_RUN, perUser: TOP_UP_PER_USER_PER_RUN },
    );
    writeLog({ event: "housekeeping", job, ...outcome });
  } catch (error) {
    writeLog({ event: "housekeeping-failed", job, ...errorFields(error) }, "error");
  }
}

/** The cron trigger (`triggers.crons` in wrangler.jsonc): "now" is the time it was scheduled for. */
export const scheduled: ExportedHandlerScheduledHandler<Env> = (controller, env, ctx) => {
  const now = new Date(controller.scheduledTime);
  // One after the other: D1 has one writer, and the log reads in a fixed order.
  ctx.waitUntil(runHousekeeping(env, now).then(() => topUpEventReminders(env, now)));
};
