import { createHash } from 'node:crypto';
import { THEME_KEY } from './theme-key';

export { THEME_KEY };

/** Runs in <head> before the first paint, so a chosen scheme never flashes the other one. */
export const THEME_INIT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

/** The CSP source that allows exactly that inline script and nothing else. */
export const THEME_INIT_HASH = `'sha256-${createHash('sha256').update(THEME_INIT_SCRIPT).digest('base64')}'`;
