/** Shows and records the learner's progress on any page that lists lessons. */
import { formatMinutes } from '../course/conventions';
import { browserStorage, pageContext } from './page';
import { emptyProgress, loadProgress, parseProgress, PROGRESS_CHANGED, saveProgress, setFlag, summarizeProgress, type Progress } from './progress-store';

/** Marks, counters and controls of the page; call once, after the page is parsed. */
export function startProgress(): void {
  const { base, keys, courseId, courseTitle } = pageContext();
  const storage = browserStorage();
  let progress = loadProgress(storage, keys);
  /** What is stored now: the review on the interview page saves progress too, and this page must not undo it. */
  const stored = (): Progress => (storage ? loadProgress(storage, keys) : progress);

  function update(change: (stored: Progress) => Progress): void {
    progress = change(stored());
    saveProgress(storage, keys, progress);
    render();
    document.dispatchEvent(new Event(PROGRESS_CHANGED));
  }

  /** Every lesson the page knows about, with its minutes, from the lesson lists and the sidebar. */
  function lessonsOnPage(): { path: string; minutes: number; title: string }[] {
    const seen = new Map<string, { path: string; minutes: number; title: string }>();
    for (const el of document.querySelectorAll<HTMLElement>('[data-lesson][data-minutes]')) {
      const path = el.dataset.lesson!;
      if (!seen.has(path)) seen.set(path, { path, minutes: Number(el.dataset.minutes), title: el.dataset.title ?? path });
    }
    return [...seen.values()];
  }

  function render(): void {
    for (const el of document.querySelectorAll<HTMLElement>('[data-lesson]')) {
      const done = Boolean(progress.completed[el.dataset.lesson!]);
      el.toggleAttribute('data-done', done);
      let note = el.querySelector<HTMLElement>(':scope .done-note');
      if (done && !note) {
        note = document.createElement('span');
        note.className = 'done-note';
        note.textContent = ' (completed)';
        (el.querySelector('a') ?? el).append(note);
      }
      if (!done) note?.remove();
    }
    const lessons = lessonsOnPage();
    const course = summarizeProgress(progress, lessons);
    for (const el of document.querySelectorAll<HTMLElement>('[data-progress="course"]')) {
      el.textContent = `${course.done} / ${course.total} lessons · ${formatMinutes(course.minutesLeft)} left`;
      el.hidden = false;
    }
    for (const el of document.querySelectorAll<HTMLElement>('[data-progress-phase]')) {
      const prefix = el.dataset.progressPhase!;
      const phase = summarizeProgress(progress, lessons.filter((l) => l.path.startsWith(prefix)));
      el.textContent = `${phase.done} / ${phase.total} done`;
      el.hidden = false;
    }
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-continue]')) {
      const target = (progress.last && !progress.completed[progress.last] ? progress.last : undefined) ?? course.next;
      const lesson = lessons.find((l) => l.path === target);
      link.hidden = !lesson;
      if (lesson) {
        link.href = base + lesson.path;
        link.textContent = course.done === 0 && !progress.last ? `Start: ${lesson.title}` : `Continue: ${lesson.title}`;
      }
    }
    for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-complete]')) {
      const done = Boolean(progress.completed[button.dataset.complete!]);
      button.setAttribute('aria-pressed', String(done));
      button.textContent = done ? '✓ Completed' : 'Mark lesson complete';
      button.hidden = false;
    }
    for (const el of document.querySelectorAll<HTMLElement>('[data-progress-controls]')) el.hidden = false;
  }

  document.addEventListener('click', (event) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('button[data-complete], button[data-progress-action]');
    if (!target) return;
    if (target.dataset.complete) {
      const path = target.dataset.complete;
      update((stored) => ({ ...stored, completed: setFlag(stored.completed, path, !stored.completed[path]) }));
    } else if (target.dataset.progressAction === 'export') {
      const url = URL.createObjectURL(new Blob([JSON.stringify(stored(), null, 2)], { type: 'application/json' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: `${courseId}-progress.json` });
      a.click();
      URL.revokeObjectURL(url);
    } else if (target.dataset.progressAction === 'import') {
      document.querySelector<HTMLInputElement>('input[data-progress-import]')?.click();
    } else if (target.dataset.progressAction === 'reset' && confirm('Reset your progress? Completed lessons and your review schedule will be cleared.')) {
      update(emptyProgress);
    }
  });

  document.addEventListener('change', async (event) => {
    const input = event.target as HTMLInputElement;
    if (input.matches('[data-progress-import]') && input.files?.[0]) {
      const imported = parseProgress(await input.files[0].text());
      const status = document.querySelector<HTMLElement>('[data-progress-status]');
      if (imported) update(() => imported);
      if (status) status.textContent = imported ? 'Progress imported.' : `That file is not a ${courseTitle} progress export; nothing was changed.`;
      input.value = '';
    }
  });

  const current = document.querySelector<HTMLElement>('[data-current-lesson]')?.dataset.currentLesson;
  if (current) update((stored) => ({ ...stored, last: current }));
  else render();
}
