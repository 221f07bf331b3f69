import { schema } from "@checkmark/db";
import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";

export const attachmentSchema = createSelectSchema(schema.attachment).pick({
  id: true,
  todoId: true,
  name: true,
  contentType: true,
  size: true,
  createdAt: true,
});

export const todoAttachmentsSchema = z.object({ todoId: z.string().min(1).max(100) });
export const attachmentIdSchema = z.object({ id: z.string().min(1).max(100) });
export const storageUsageSchema = z.object({ usedBytes: z.number(), quotaBytes: z.number() });
