import { useState } from "react";

/**
 * The cursors of the keyset pages seen so far of one list, the last being the page on
 * screen, for "Previous" and "Next". A new `listKey` (another search or filter) starts again
 * at the first page, while the query keeps showing the old rows until the new ones arrive.
 */
export function usePageCursors(listKey: string) {
  const [paging, setPaging] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key: listKey,
    cursors: [undefined],
  });
  const cursors = paging.key === listKey ? paging.cursors : [undefined];
  const set = (next: (string | undefined)[]) => setPaging({ key: listKey, cursors: next });
  return {
    cursor: cursors.at(-1),
    hasPrevious: cursors.length > 1,
    previous: () => set(cursors.slice(0, -1)),
    next: (cursor: string) => set([...cursors, cursor]),
  };
}
