/**
 * `npm run dev` only: when a save changed only a lesson's words, the page fetches itself again and changes those
 * words in place, keeping its scroll position and everything its scripts set up; any other change reloads it.
 * The server decides which saves qualify and numbers them (src/integrations/lesson-refresh.ts); a page carries the
 * number it was rendered at, so it knows whether it is behind.
 */
import { applyTextChanges, textChanges } from './text-patch';

const generationOf = (root: Element, attribute: string) => Number(root.getAttribute(attribute) ?? 0);
const fetchPage = async (): Promise<Element> => {
  const response = await fetch(location.href, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${location.href}: ${response.status}`);
  return new DOMParser().parseFromString(await response.text(), 'text/html').documentElement;
};

/** The names the integration uses: its event, the event that tells it this page updates in place, the attribute. */
export interface DevRefreshNames {
  event: string;
  ready: string;
  attribute: string;
}

/** Listens for the server's event. */
export function startDevRefresh({ event, ready, attribute }: DevRefreshNames): void {
  const hot = import.meta.hot;
  if (!hot) return;
  const live = document.documentElement;
  // The page as the server sent it, before any script touched it: what the next render is compared with.
  let served: Element | undefined;
  // Fetches and updates run one after another.
  let queue = Promise.resolve();
  const update = () => {
    queue = queue.then(async () => {
      try {
        const next = await fetchPage();
        // `served` is always the render the live page shows (same number); without it, only a reload is sure.
        const before = served;
        if (!before) return location.reload();
        // The two renders differ in their number; anything else that differs is the save.
        before.setAttribute(attribute, next.getAttribute(attribute) ?? '');
        const changes = textChanges(before, next);
        if (!changes || !applyTextChanges(live, changes)) return location.reload();
        live.setAttribute(attribute, next.getAttribute(attribute) ?? '');
        served = next;
      } catch {
        location.reload();
      }
    });
  };
  hot.on(event, (data: { generation: number; check?: boolean }) => {
    if (data.generation <= generationOf(live, attribute)) return;
    // The last save's lesson errors, if any, were about the text being replaced; the new check says them again.
    // A check (the content store caught up with a save the page has already reloaded for) replaces no text.
    if (!data.check) document.querySelectorAll('vite-error-overlay').forEach((overlay) => overlay.remove());
    update();
  });
  hot.send(ready);
  // The first fetch: a save between this page's request and now shows as a newer number, and reloads the page.
  queue = fetchPage().then(
    (page) => {
      if (generationOf(page, attribute) !== generationOf(live, attribute)) return location.reload();
      served = page;
    },
    () => undefined,
  );
}
