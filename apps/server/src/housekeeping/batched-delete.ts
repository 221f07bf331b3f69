/** Deletes up to `limit` rows, returning how many it removed. */
export type DeleteBatch = (limit: number) => Promise<number>;

export interface BatchLimits {
  batchSize: number;
  maxBatches: number;
}

export interface DeleteOutcome {
  deleted: number;
  batches: number;
  /** False when the run stopped at `maxBatches` with a full batch: more may be left. */
  done: boolean;
}

/** Runs `deleteBatch` until a batch comes back short, or `maxBatches` have run. */
export async function deleteInBatches(
  deleteBatch: DeleteBatch,
  { batchSize, maxBatches }: BatchLimits,
): Promise<DeleteOutcome> {
  let deleted = 0;
  for (let batches = 1; batches <= maxBatches; batches++) {
    const removed = await deleteBatch(batchSize);
    deleted += removed;
    if (removed < batchSize) return { deleted, batches, done: true };
  }
  return { deleted, batches: maxBatches, done: false };
}
