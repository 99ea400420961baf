/** The home page's review line: how many questions of completed lessons are due, as a link to the review when any are. */
import { questionId } from '../course/conventions';
import { localDay } from './days';
import { browserStorage, pageContext } from './page';
import { loadProgress, PROGRESS_CHANGED } from './progress-store';
import { dueSummary } from './review-queue';

export function showDueLine(line: HTMLElement): void {
  const counts = JSON.parse(line.dataset.questions ?? '{}') as Record<string, number>;
  const ids = Object.entries(counts).flatMap(([lesson, count]) => Array.from({ length: count }, (_, i) => questionId(lesson, i + 1)));
  const show = () => {
    const summary = dueSummary(loadProgress(browserStorage(), pageContext().keys), ids, localDay(new Date()));
    if (summary.due === 0) line.textContent = summary.text;
    else line.replaceChildren(Object.assign(document.createElement('a'), { href: line.dataset.href ?? '', textContent: summary.text }));
  };
  // Importing or resetting progress on this page changes what is due.
  document.addEventListener(PROGRESS_CHANGED, show);
  show();
}
