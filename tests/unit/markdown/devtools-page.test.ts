import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { CHROMIUM_ARGS } from '../../../src/chromium';
import { openDevtoolsPage } from '../../../src/markdown/devtools-page';
import { chromiumPath, describeWithChromium } from '../../support/chromium';

const ORIGIN = 'http://pipe-test.localhost';

test('a browser that cannot start fails with the reason', async () => {
  await expect(openDevtoolsPage('/nonexistent/chromium', [], ORIGIN, () => undefined)).rejects.toThrow('Chromium (/nonexistent/chromium) could not start: spawn /nonexistent/chromium ENOENT');
  await expect(openDevtoolsPage('/bin/false', [], ORIGIN, () => undefined)).rejects.toThrow('Chromium (/bin/false) stopped (exit code 1)');
});

describeWithChromium('a page driven over the DevTools pipe', () => {
  test('loads what this process serves on its origin, evaluates in it, reports its exceptions, and asks nothing of any other origin', { timeout: 60_000 }, async () => {
    const asked: string[] = [];
    const page = await openDevtoolsPage(chromiumPath!, CHROMIUM_ARGS, ORIGIN, (path) => {
      asked.push(path);
      if (path === '/') return { body: '<!doctype html><title>t</title>', contentType: 'text/html' };
      if (path === '/answer.mjs') return { body: 'export const answer = 6 * 7;', contentType: 'text/javascript' };
      return undefined;
    });
    try {
      await expect(page.evaluate(`import('/answer.mjs').then((m) => ({ answer: m.answer, title: document.title }))`)).resolves.toEqual({ answer: 42, title: 't' });
      await expect(page.evaluate(`import('/missing.mjs').then(() => 'loaded', () => 'failed')`)).resolves.toBe('failed');
      await expect(page.evaluate(`fetch('https://example.org/').then(() => 'reached', () => 'blocked')`)).resolves.toBe('blocked');
      await expect(page.evaluate(`Promise.reject(new TypeError('no such diagram'))`)).rejects.toThrow('TypeError: no such diagram');
      // The browser's own request for a favicon aside.
      expect(asked.filter((path) => path !== '/favicon.ico')).toEqual(['/', '/answer.mjs', '/missing.mjs']);
      expect(existsSync(page.profile)).toBe(true);
    } finally {
      await page.close();
    }
    // Closed: the browser is gone with its profile, and the page answers no more.
    await expect(page.evaluate('1')).rejects.toThrow(/Chromium .* stopped/);
    expect(existsSync(page.profile)).toBe(false);
  });
});
