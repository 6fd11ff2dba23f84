/**
 * Writes the page URL for several state owners at once, after the current task: a click then
 * redraws the map without waiting on `history.replaceState`, and each owner rewrites only its
 * own parameters on top of what the others wrote.
 */
type SearchUpdate = (search: string) => string;

const pending = new Map<string, SearchUpdate>();
let scheduled = false;

function flush(): void {
  scheduled = false;
  let search = window.location.search;
  for (const update of pending.values()) search = update(search);
  pending.clear();
  if (search !== window.location.search) {
    history.replaceState(history.state, '', `${search}${window.location.hash}`);
  }
}

/** Queues an owner's rewrite of the query string; the latest one per owner wins. */
export function scheduleUrlUpdate(owner: string, update: SearchUpdate): void {
  pending.set(owner, update);
  if (scheduled) return;
  scheduled = true;
  setTimeout(flush, 0);
}
