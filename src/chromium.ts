import { existsSync } from 'node:fs';
import type { Settings } from './env';

/** Where Debian, Ubuntu and Chrome installs put a Chromium-compatible browser. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The browser to drive: `CHROME_PATH` when set, else the first one installed; undefined when none is. */
export function findChromium(settings: Pick<Settings, 'chromePath'>): string | undefined {
  if (settings.chromePath) return existsSync(settings.chromePath) ? settings.chromePath : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/** The Chromium that draws diagrams at build, or undefined when none is installed or `MERMAID_RENDER=client` asks for none. */
export function diagramBrowser(settings: Pick<Settings, 'chromePath' | 'mermaidRender'>): string | undefined {
  return settings.mermaidRender === 'client' ? undefined : findChromium(settings);
}

/** Flags for headless Chromium on a locked-down machine: no sandbox as root, no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export const INSTALL_CHROMIUM_HINT = 'install it with `sudo apt-get install chromium` or set CHROME_PATH to a Chrome/Chromium binary';
