import { protectedProcedure } from "../procedures";
import { ATTACHMENT_QUOTA_BYTES } from "./limits";
import {
  attachmentIdSchema,
  attachmentSchema,
  storageUsageSchema,
  todoAttachmentsSchema,
} from "./schema";
import * as service from "./service";

const attachmentProcedure = protectedProcedure.errors({
  NOT_FOUND: { message: "That does not exist." },
});

// Uploads and downloads are plain HTTP routes of the server Worker (apps/server/src/attachments),
// since they stream bytes; listing, usage and deleting are procedures like the rest.
export const attachmentRouter = {
  list: attachmentProcedure
    .input(todoAttachmentsSchema)
    .output(attachmentSchema.array())
    .handler(async ({ context, input, errors }) => {
      if (!(await service.ownsTodo(context.db, context.user.id, input.todoId))) {
        throw errors.NOT_FOUND();
      }
      return service.listAttachments(context.db, context.user.id, input.todoId);
    }),

  usage: protectedProcedure.output(storageUsageSchema).handler(async ({ context }) => ({
    usedBytes: await service.bytesStored(context.db, context.user.id),
    quotaBytes: ATTACHMENT_QUOTA_BYTES,
  })),

  delete: attachmentProcedure
    .input(attachmentIdSchema)
    .output(attachmentIdSchema)
    .handler(async ({ context, input, errors }) => {
      const deleted = await service.deleteAttachment(context.db, context.user.id, input.id);
      if (!deleted) throw errors.NOT_FOUND();
      await context.files.delete(deleted.objectKey);
      return { id: deleted.id };
    }),
};
