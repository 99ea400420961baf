/** The interview page's review panel: what is due under the filters, each question's next review, and "Start review", which loads the session code on first use. */
import { localDay } from './days';
import { inLevelAndPhase, readFilter } from './interview-filters';
import { browserStorage, pageContext } from './page';
import { loadProgress } from './progress-store';
import { dueDay, dueSummary, whenDay } from './review-queue';

export function enhanceReview(panel: HTMLElement, form: HTMLFormElement): void {
  const questions = [...document.querySelectorAll<HTMLElement>('[data-question]')];
  const storage = browserStorage();
  const { keys } = pageContext();
  const dueLine = panel.querySelector<HTMLElement>('[data-review-due]')!;
  const start = panel.querySelector<HTMLButtonElement>('button[data-review-start]')!;
  const selected = () => questions.filter((q) => inLevelAndPhase(q, readFilter(form)));

  const show = () => {
    const state = loadProgress(storage, keys);
    const today = localDay(new Date());
    const summary = dueSummary(state, selected().map((q) => q.dataset.question!), today);
    dueLine.textContent = summary.text;
    start.disabled = summary.due === 0;
    for (const q of questions) {
      const day = dueDay(state, q.dataset.question!);
      const status = q.querySelector<HTMLElement>('[data-review-status]');
      if (status) status.textContent = day === undefined ? '' : day <= today ? 'Due for review' : `Next review ${whenDay(day, today)}`;
    }
  };

  form.addEventListener('change', show);
  start.addEventListener('click', async () => {
    const { startSession } = await import('./review-session');
    // A second press while the code loaded finds the session started.
    if (start.closest<HTMLElement>('[data-review-start-panel]')?.hidden) return;
    // The filters apply again on "change": a graded question may leave the "due only" list.
    startSession({ panel, selected, storage, keys, changed: () => form.dispatchEvent(new Event('change')) });
  });
  show();
}
