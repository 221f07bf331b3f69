import { ownedThingProcedure, protectedProcedure } from "../procedures";
import { ATTACHMENT_QUOTA_BYTES } from "./limits";
import {
  attachmentIdSchema,
  attachmentParentSchema,
  attachmentSchema,
  storageUsageSchema,
} from "./schema";
import * as service from "./service";

// Uploads and downloads are plain HTTP routes of the server Worker (apps/server/src/attachments),
// since they stream bytes; listing, usage and deleting are procedures like the rest.
export const attachmentRouter = {
  list: ownedThingProcedure("todo or event")
    .meta({ access: "read" })
    .input(attachmentParentSchema)
    .output(attachmentSchema.array())
    .handler(async ({ context, input, errors }) => {
      if (!(await service.ownsParent(context.db, context.user.id, input))) {
        throw errors.NOT_FOUND();
      }
      return service.listAttachments(context.db, context.user.id, input);
    }),

  usage: protectedProcedure
    .meta({ access: "read" })
    .output(storageUsageSchema)
    .handler(async ({ context }) => ({
      usedBytes: await service.bytesStored(context.db, context.user.id),
      quotaBytes: ATTACHMENT_QUOTA_BYTES,
    })),

  delete: ownedThingProcedure("file")
    .input(attachmentIdSchema)
    .output(attachmentIdSchema)
    .handler(async ({ context, input, errors }) => {
      const deleted = await service.deleteAttachment(context.db, context.user.id, input.id);
      if (!deleted) throw errors.NOT_FOUND();
      await context.files.delete(deleted.objectKey);
      return { id: deleted.id };
    }),
};
