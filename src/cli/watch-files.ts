import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Calls `onChange` once after a burst of changes to any of `files` (an editor's save is several events). Watches
 * their folders, not the files: an editor that saves by writing a new file and renaming it over the old one would
 * end a watch on the file itself. Returns a function that stops watching.
 */
export function watchFiles(files: readonly string[], onChange: (changed: string) => void, quietMs = 200): () => void {
  const byFolder = new Map<string, Set<string>>();
  for (const file of files) {
    const names = byFolder.get(dirname(file)) ?? new Set<string>();
    names.add(basename(file));
    byFolder.set(dirname(file), names);
  }
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  for (const [folder, names] of byFolder) {
    try {
      watchers.push(
        watch(folder, (_event, name) => {
          if (name === null || !names.has(name.toString())) return;
          clearTimeout(timer);
          timer = setTimeout(() => onChange(join(folder, name.toString())), quietMs);
        }),
      );
    } catch {
      // A folder that is gone has nothing left to change.
    }
  }
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
