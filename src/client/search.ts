/** Search UI over Pagefind's JS API: loaded when the learner first focuses the search box. */
import { QUESTION_TYPE } from '../course/conventions';

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
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(term: string, options?: { filters?: Record<string, string> }, ms?: number): Promise<{ results: PagefindResult[] } | null>;
}

/** "Show" choices: every result, lessons only, or interview questions (of one level); `questions` names them as the course does. */
export function searchKinds(questions: string, levels: readonly string[]): { label: string; filters: Record<string, string> }[] {
  return [
    { label: 'Lessons and questions', filters: {} },
    { label: 'Lessons', filters: { type: 'Lesson' } },
    { label: questions, filters: { type: QUESTION_TYPE } },
    ...levels.map((level) => ({ label: `${level} questions`, filters: { type: QUESTION_TYPE, level } })),
  ];
}

const MAX_RESULTS = 8;

export async function startSearch(root: HTMLElement, input: HTMLInputElement): Promise<void> {
  const base = root.dataset.base ?? '/';
  const kinds = searchKinds(root.dataset.questions ?? 'Interview questions', (root.dataset.levels ?? '').split('|').filter(Boolean));
  const results = root.querySelector<HTMLElement>('#search-results')!;
  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base, excerptLength: 24 });
  const bar = filterBar(Object.keys((await pagefind.filters()).phase ?? {}).sort(), kinds);
  const output = document.createElement('div');
  output.setAttribute('aria-live', 'polite');
  const selected = (): Record<string, string> => {
    const phase = bar.querySelector<HTMLSelectElement>('[name="phase"]')!.value;
    const kind = kinds[Number(bar.querySelector<HTMLSelectElement>('[name="kind"]')!.value)]!;
    return { ...kind.filters, ...(phase ? { phase } : {}) };
  };

  const render = async () => {
    const term = input.value.trim();
    if (term === '') {
      results.hidden = true;
      output.replaceChildren();
      return;
    }
    const search = await pagefind.debouncedSearch(term, { filters: selected() }, 150);
    if (search === null) return; // a newer keystroke replaced this search
    const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    // The filter bar stays in place (moving it would drop keyboard focus); only the results are replaced.
    if (!bar.isConnected) results.replaceChildren(bar, output);
    output.replaceChildren(summary(data.length, search.results.length, term), list(data));
    results.hidden = false;
  };

  input.addEventListener('input', () => void render());
  bar.addEventListener('change', () => void render());
  input.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    results.querySelector<HTMLAnchorElement>('a')?.click();
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.value = '';
      void render();
      input.focus();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !(event.target instanceof HTMLSelectElement)) {
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

function filterBar(phases: string[], kinds: ReturnType<typeof searchKinds>): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'search__filters';
  const select = (name: string, label: string, options: [string, string][]) => {
    const wrapper = document.createElement('label');
    wrapper.textContent = `${label} `;
    const el = document.createElement('select');
    el.name = name;
    for (const [value, text] of options) el.append(new Option(text, value));
    wrapper.append(el);
    return wrapper;
  };
  bar.append(
    select('phase', 'Phase', [['', 'All phases'], ...phases.map((p): [string, string] => [p, p])]),
    select('kind', 'Show', kinds.map((k, i): [string, string] => [String(i), k.label])),
  );
  return bar;
}

function summary(shown: number, total: number, term: string): HTMLElement {
  const p = document.createElement('p');
  p.className = 'search__summary';
  p.textContent = total === 0 ? `Nothing matches “${term}”.` : `${total} result${total === 1 ? '' : 's'}${total > shown ? `, top ${shown} shown` : ''}`;
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
    phase.textContent = result.meta.level
      ? `Interview question · ${result.meta.level} · ${result.meta.lesson ?? ''}`
      : (result.meta.phase ?? '');
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
