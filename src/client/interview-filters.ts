import { localDay } from './days';
import { browserStorage, pageContext } from './page';
import { loadProgress } from './progress-store';
import { isDue } from './review-queue';

/** What the filter form selects; an empty level or phase means all. */
export interface QuestionFilter {
  level: string;
  phase: string;
  dueOnly: boolean;
}

export function readFilter(form: HTMLFormElement): QuestionFilter {
  const data = new FormData(form);
  return { level: String(data.get('level') ?? ''), phase: String(data.get('phase') ?? ''), dueOnly: data.get('due') === 'on' };
}

/** Whether a question (an element with data-question and data-level, inside its phase's data-phase) has the filter's level and phase. */
export function inLevelAndPhase(question: HTMLElement, { level, phase }: QuestionFilter): boolean {
  const phaseOf = question.closest<HTMLElement>('[data-phase]')?.dataset.phase ?? '';
  return (!level || question.dataset.level === level) && (!phase || phaseOf === phase);
}

/** Filters the interview page by level, phase and what is due for review; without JavaScript every question shows. */
export function enhanceInterviewFilters(form: HTMLFormElement): void {
  const questions = [...document.querySelectorAll<HTMLElement>('[data-question]')];
  const count = form.querySelector<HTMLElement>('[data-filter-count]')!;
  const apply = () => {
    const filter = readFilter(form);
    const state = loadProgress(browserStorage(), pageContext().keys);
    const today = localDay(new Date());
    let shown = 0;
    for (const q of questions) {
      const visible = inLevelAndPhase(q, filter) && (!filter.dueOnly || isDue(state, q.dataset.question!, today));
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
