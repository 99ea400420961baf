/** A review session: one due question at a time, "Show answer", then a grade that schedules it (review-schedule.ts). Space reveals, 1–4 grade. */
import { plural } from '../course/conventions';
import { localDay } from './days';
import { loadProgress, saveProgress, type ProgressKeys } from './progress-store';
import { dueQuestions, nextInSession, whenDay } from './review-queue';
import { GRADES, review, type Grade } from './review-schedule';

export interface SessionOptions {
  /** The review panel, with the session's markup (ReviewPanel.astro). */
  panel: HTMLElement;
  /** The questions the filters select now, in course order. */
  selected: () => HTMLElement[];
  storage: Storage | undefined;
  keys: ProgressKeys;
  /** Called after every saved grade and when the session ends, so the page's counts follow. */
  changed: () => void;
}

/** The answer of a question on the page, as a copy for the session: without the page's ids or its review status. */
function answerOf(question: HTMLElement): Node[] {
  const copy = question.querySelector('.question__answer')?.cloneNode(true) as HTMLElement | undefined;
  if (!copy) return [];
  copy.querySelectorAll('[data-review-status]').forEach((status) => status.remove());
  copy.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'));
  return [...copy.childNodes];
}

export function startSession({ panel, selected, storage, keys, changed }: SessionOptions): void {
  const part = (name: string) => panel.querySelector<HTMLElement>(`[data-review-${name}]`)!;
  const start = part('start-panel');
  const session = part('session');
  const meta = part('meta');
  const question = part('question');
  const reveal = part('reveal');
  const answer = part('answer');
  const grades = part('grades');
  const done = part('done');
  const list = document.querySelector<HTMLElement>('[data-question-list]');
  const listening = new AbortController();
  const shown = new Map<string, number>();
  let progress = loadProgress(storage, keys);
  let current: HTMLElement | undefined;
  let graded = 0;

  const today = () => localDay(new Date());
  // Read again before every step: without storage the session's own copy is all there is.
  const stored = () => (storage ? loadProgress(storage, keys) : progress);

  function next(): void {
    const byId = new Map(selected().map((q) => [q.dataset.question!, q]));
    const due = dueQuestions(stored(), [...byId.keys()], today());
    const id = nextInSession(due, shown);
    if (id === undefined) return finish(`Review done: ${plural(graded, 'answer')} graded.`);
    shown.set(id, (shown.get(id) ?? 0) + 1);
    current = byId.get(id)!;
    const lesson = current.closest('.interview-lesson')?.getAttribute('aria-label');
    meta.textContent = `${lesson} · ${current.dataset.level} · ${plural(due.length, 'question')} left`;
    question.textContent = current.querySelector('.question__text')?.textContent ?? '';
    answer.replaceChildren(...answerOf(current));
    answer.hidden = true;
    grades.hidden = true;
    reveal.hidden = false;
    reveal.focus();
  }

  function showAnswer(): void {
    if (!current || !answer.hidden) return;
    const card = stored().review[current.dataset.question!];
    for (const button of grades.querySelectorAll<HTMLButtonElement>('button[data-grade]')) {
      button.querySelector('[data-review-when]')!.textContent = whenDay(review(card, button.dataset.grade as Grade, today()).due, today());
    }
    reveal.hidden = true;
    answer.hidden = false;
    grades.hidden = false;
    answer.focus();
  }

  function grade(choice: Grade): void {
    if (!current || answer.hidden) return;
    const id = current.dataset.question!;
    const latest = stored();
    progress = { ...latest, review: { ...latest.review, [id]: review(latest.review[id], choice, today()) } };
    saveProgress(storage, keys, progress);
    graded++;
    changed();
    next();
  }

  function finish(message: string): void {
    listening.abort();
    current = undefined;
    session.hidden = true;
    start.hidden = false;
    if (list) list.hidden = false;
    done.textContent = message;
    done.hidden = false;
    changed();
    done.focus();
  }

  const { signal } = listening;
  reveal.addEventListener('click', showAnswer, { signal });
  grades.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-grade]');
    if (button) grade(button.dataset.grade as Grade);
  }, { signal });
  part('end').addEventListener('click', () => finish(`Review ended: ${plural(graded, 'answer')} graded.`), { signal });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.ctrlKey || event.metaKey || event.altKey || target.closest('input, select, textarea, [contenteditable="true"]')) return;
    if (event.key === ' ' && answer.hidden) {
      // A focused button, link or summary takes Space itself ("Show answer" then reveals by its click).
      if (target.closest('button, a, summary')) return;
      event.preventDefault();
      showAnswer();
    } else if (!answer.hidden && /^[1-4]$/.test(event.key)) {
      event.preventDefault();
      grade(GRADES[Number(event.key) - 1]!.grade);
    }
  }, { signal });

  done.hidden = true;
  start.hidden = true;
  if (list) list.hidden = true;
  session.hidden = false;
  next();
}
