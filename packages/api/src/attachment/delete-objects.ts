/** R2 deletes at most 1,000 keys in one call; more is an error. */
export const R2_DELETE_MAX_KEYS = 1000;

/** Deletes `keys` from R2 in slices R2 accepts, one call after another. */
export async function deleteObjects(bucket: R2Bucket, keys: readonly string[]) {
  for (let i = 0; i < keys.length; i += R2_DELETE_MAX_KEYS) {
    await bucket.delete(keys.slice(i, i + R2_DELETE_MAX_KEYS));
  }
}
