/** Search UI over Pagefind's JS API: loaded when the learner first focuses the search box. */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  debouncedSearch(term: string, options?: object, ms?: number): Promise<{ results: PagefindResult[] } | null>;
}

const MAX_RESULTS = 8;

export async function startSearch(root: HTMLElement, input: HTMLInputElement): Promise<void> {
  const base = root.dataset.base ?? '/';
  const results = root.querySelector<HTMLElement>('#search-results')!;
  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base, excerptLength: 24 });

  const render = async () => {
    const term = input.value.trim();
    if (term === '') {
      results.hidden = true;
      results.replaceChildren();
      return;
    }
    const search = await pagefind.debouncedSearch(term, {}, 150);
    if (search === null) return; // a newer keystroke replaced this search
    const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    results.replaceChildren(summary(data.length, search.results.length, term), list(data));
    results.hidden = false;
  };

  input.addEventListener('input', () => void render());
  input.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    results.querySelector<HTMLAnchorElement>('a')?.click();
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.value = '';
      void render();
      input.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const links = [...results.querySelectorAll<HTMLAnchorElement>('a')];
      if (links.length === 0) return;
      event.preventDefault();
      const at = links.indexOf(document.activeElement as HTMLAnchorElement);
      const next = event.key === 'ArrowDown' ? Math.min(at + 1, links.length - 1) : at - 1;
      (next < 0 ? input : links[next]!).focus();
    }
  });
  if (input.value) await render();
}

function summary(shown: number, total: number, term: string): HTMLElement {
  const p = document.createElement('p');
  p.className = 'search__summary';
  p.textContent = total === 0 ? `No lessons match “${term}”.` : `${total} result${total === 1 ? '' : 's'}${total > shown ? `, top ${shown} shown` : ''}`;
  return p;
}

function list(data: PagefindResultData[]): HTMLElement {
  const ol = document.createElement('ol');
  ol.className = 'search__list';
  for (const result of data) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = result.url;
    a.className = 'search__result';
    const title = document.createElement('span');
    title.className = 'search__title';
    title.textContent = result.meta.title ?? result.url;
    const phase = document.createElement('span');
    phase.className = 'search__phase';
    phase.textContent = result.meta.phase ?? '';
    const excerpt = document.createElement('span');
    excerpt.className = 'search__excerpt';
    // Pagefind escapes the page text and only adds <mark> around matches.
    excerpt.innerHTML = result.excerpt;
    a.append(title, phase, excerpt);
    li.append(a);
    ol.append(li);
  }
  return ol;
}
