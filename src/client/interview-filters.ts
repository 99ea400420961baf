import { browserStorage, pageContext } from './page';
import { loadProgress } from './progress-store';

/** Filters the interview page by level, phase and practised state; without JavaScript every question shows. */
export function enhanceInterviewFilters(form: HTMLFormElement): void {
  const questions = [...document.querySelectorAll<HTMLElement>('[data-question]')];
  const count = form.querySelector<HTMLElement>('[data-filter-count]')!;
  const apply = () => {
    const data = new FormData(form);
    const level = String(data.get('level') ?? '');
    const phase = String(data.get('phase') ?? '');
    const hidePractised = data.get('unpractised') === 'on';
    const practised = hidePractised ? loadProgress(browserStorage(), pageContext().keys.progress).practised : {};
    let shown = 0;
    for (const q of questions) {
      const phaseOf = q.closest<HTMLElement>('[data-phase]')?.dataset.phase ?? '';
      const visible = (!level || q.dataset.level === level) && (!phase || phaseOf === phase) && !practised[q.dataset.question!];
      q.hidden = !visible;
      if (visible) shown++;
    }
    for (const group of document.querySelectorAll<HTMLElement>('.interview-lesson, .interview-phase')) {
      group.hidden = !group.querySelector('[data-question]:not([hidden])');
    }
    count.textContent = `Showing ${shown} of ${questions.length} questions`;
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
  apply();
}
