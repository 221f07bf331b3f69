/** Keyset cursor for "newest first" pages: the last item's creation time and id. */
export interface TodoCursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(cursor: TodoCursor): string {
  return `${cursor.createdAt.getTime()}_${cursor.id}`;
}

/** Null for anything that is not a cursor this API handed out. */
export function decodeCursor(value: string): TodoCursor | null {
  const match = /^(\d{1,15})_([0-9a-f-]{36})$/.exec(value);
  if (!match?.[1] || !match[2]) return null;
  return { createdAt: new Date(Number(match[1])), id: match[2] };
}
