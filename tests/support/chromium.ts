import { describe } from 'vitest';
import { findChromium, INSTALL_CHROMIUM_HINT } from '../../src/chromium';
import { settings } from '../../src/env';

/** The browser tests drive; undefined when none is installed. */
export const chromiumPath = findChromium(settings);

/** A suite that needs Chromium: skipped with a notice when it is missing, failed under CI=true. */
export function describeWithChromium(name: string, suite: () => void): void {
  if (chromiumPath) {
    describe(name, suite);
    return;
  }
  if (settings.ci) throw new Error(`Chromium is required under CI=true: ${INSTALL_CHROMIUM_HINT}.`);
  console.warn(`Skipping "${name}": no Chromium found; ${INSTALL_CHROMIUM_HINT}.`);
  describe.skip(name, suite);
}
