import { createHash } from 'node:crypto';

/** Runs in <head> before the first paint, so a chosen scheme never flashes the other one; `key` is where the choice is kept. */
export const themeInitScript = (key: string): string =>
  `try{var t=localStorage.getItem(${JSON.stringify(key)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

/** The CSP source that allows exactly one inline script and nothing else. */
export const scriptHash = (script: string): string => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
