import { schema } from "@checkmark/db";
import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";

export const attachmentSchema = createSelectSchema(schema.attachment).pick({
  id: true,
  todoId: true,
  eventId: true,
  name: true,
  contentType: true,
  size: true,
  createdAt: true,
});

/** What a file hangs off: one todo or one event of the caller. */
export const ATTACHMENT_PARENT_TYPES = ["todo", "event"] as const;
export type AttachmentParentType = (typeof ATTACHMENT_PARENT_TYPES)[number];
export const attachmentParentSchema = z.object({
  type: z.enum(ATTACHMENT_PARENT_TYPES),
  id: z.string().min(1).max(100),
});
export type AttachmentParent = z.infer<typeof attachmentParentSchema>;

export const attachmentIdSchema = z.object({ id: z.string().min(1).max(100) });
export const storageUsageSchema = z.object({ usedBytes: z.number(), quotaBytes: z.number() });
