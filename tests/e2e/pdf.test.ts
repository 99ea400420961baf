import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatBytes, type OfflineManifest } from '../../src/course/offline-copy';
import { readPrintedBook } from '../../src/pdf/destinations';
import { describeWithChromium } from '../support/chromium';
import { describeWithPoppler, pdfImages, pdfText } from '../support/poppler';
import { OTHER_COURSE, SITES } from '../support/sites';

/** `npm run build:pdf` as a user runs it, on a built site; its exit code and what it printed. */
function buildPdf(env: NodeJS.ProcessEnv): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build-pdf.ts'], { env: { ...process.env, ...env }, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const { status, stdout, stderr } = error as { status: number; stdout: string; stderr: string };
    return { code: status, stdout, stderr };
  }
}

describe('npm run build:pdf without Chromium', () => {
  test('says so in one line and exits non-zero', () => {
    const result = buildPdf({ CHROME_PATH: '/nonexistent/chromium', OUT_DIR: SITES.other.outDir, LESSONS_DIR: OTHER_COURSE });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'build:pdf needs Chromium to print the course: install it with `sudo apt-get install chromium` or set CHROME_PATH to a Chrome/Chromium binary.',
    ]);
  });
});

describeWithChromium('npm run build:pdf', () => {
  describeWithPoppler('the course as one PDF, for a course that is not about Redis', () => {
    // A copy of the built site: build:pdf writes the PDF into it and changes its home page.
    let dir = '';
    let pdf = '';
    let output = '';
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'pdf-other-'));
      pdf = join(dir, 'sql-field-guide.pdf');
      cpSync(SITES.other.outDir, dir, { recursive: true });
      // A link from one lesson to a section of another, written as authors write them (relative).
      const first = join(dir, 'foundations', 'tables-and-rows', 'index.html');
      writeFileSync(first, readFileSync(first, 'utf8').replace('</h1>', '</h1><p><a href="../../queries/joins/#overview">Joins, overview</a></p>'));
      const result = buildPdf({ OUT_DIR: dir, LESSONS_DIR: OTHER_COURSE });
      expect(result.stderr).toBe('');
      output = result.stdout;
    }, 180_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const LESSONS = ['Tables and Rows', 'Reading a SELECT', 'Joins That Scale', 'Choosing an Index'];

    test('holds a cover, the contents and every lesson title in order, with an answer shown', () => {
      const text = pdfText(pdf);
      expect(text.startsWith('SQL Field Guide')).toBe(true);
      const contents = text.indexOf('Contents');
      expect(contents).toBeGreaterThan(0);
      const body = text.slice(text.indexOf('Phase 1 of 3'));
      const at = LESSONS.map((title) => body.indexOf(`\n${title}\n`));
      expect(at.every((position, i) => position > 0 && (i === 0 || position > at[i - 1]!))).toBe(true);
      expect(text).toContain('The rows that match the condition');
      expect(text).not.toMatch(/redis/i);
      expect(output).toMatch(/^.*sql-field-guide\.pdf: 9 pages, \d+ KB/);
    });

    test('gives each chapter and lesson in the contents the page it is printed on', () => {
      const lines = pdfText(pdf, { first: 2, last: 2 }).split('\n').map((l) => /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(l)).filter((m) => m !== null);
      expect(lines.map((m) => m[1])).toEqual(['Phase 1: Foundations', '1.1 Tables and Rows', '1.2 Reading a SELECT', 'Phase 2: Queries', '2.1 Joins That Scale', 'Phase 3: Operations', '3.1 Choosing an Index']);
      for (const [, entry, page] of lines) {
        const title = entry!.replace(/^(Phase \d+: |\d+\.\d+ )/, '');
        expect(pdfText(pdf, { first: Number(page), last: Number(page) })).toContain(title);
      }
    });

    test('links the contents and the lessons inside the document, and draws diagrams as vectors with their text', () => {
      const { destinations } = readPrintedBook(readFileSync(pdf));
      expect(destinations.get('lesson-queries--joins--overview')).toBe(destinations.get('lesson-queries--joins'));
      expect(destinations.get('lesson-queries--joins')).toBe(7);
      expect(pdfImages(pdf)).toEqual([]);
      expect(pdfText(pdf)).toMatch(/Query\s+Planner\s+Executor/);
    });

    test('is linked from the home page with its real size, and left out of the offline copy', () => {
      const home = readFileSync(join(dir, 'index.html'), 'utf8');
      expect(home).toContain(`<a href="/sql-field-guide.pdf" download>Download the course (PDF, ${formatBytes(statSync(pdf).size)})</a>`);
      const manifest = JSON.parse(readFileSync(join(dir, 'offline.json'), 'utf8')) as OfflineManifest;
      expect(manifest.files.some((f) => f.url.endsWith('.pdf'))).toBe(false);
      expect(manifest.files.find((f) => f.url === '')?.size).toBe(statSync(join(dir, 'index.html')).size);
      expect(home).toContain(`Save for offline (<span data-offline-size>${formatBytes(manifest.bytes)}</span>)`);
    });
  });
});

describeWithChromium('the home page before npm run build:pdf', () => {
  test('has no link to a PDF', () => {
    expect(readFileSync(join(SITES.other.outDir, 'index.html'), 'utf8')).toContain('<p class="hero__download" data-course-pdf hidden></p>');
  });
});
