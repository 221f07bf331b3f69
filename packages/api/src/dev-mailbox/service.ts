import { type Database, schema } from "@checkmark/db";
import { desc } from "drizzle-orm";

export function latestMail(db: Database, limit: number) {
  return db.select().from(schema.devMail).orderBy(desc(schema.devMail.createdAt)).limit(limit);
}
