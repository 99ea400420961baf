/** poppler-utils (`pdftotext`, `pdfimages`), which the PDF tests read the printed course with: skipped with a notice when missing, required in CI. */
import { execFileSync } from 'node:child_process';
import { describe } from 'vitest';
import { settings } from '../../src/env';

const INSTALL_POPPLER_HINT = 'install it with `sudo apt-get install poppler-utils`';

function installed(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A suite that reads PDFs with poppler's tools. */
export function describeWithPoppler(name: string, suite: () => void): void {
  if (installed()) {
    describe(name, suite);
    return;
  }
  if (settings.ci) throw new Error(`pdftotext is required under CI=true: ${INSTALL_POPPLER_HINT}.`);
  console.warn(`Skipping "${name}": no pdftotext found; ${INSTALL_POPPLER_HINT}.`);
  describe.skip(name, suite);
}

/** The text of a PDF (of pages `first` to `last` when given), laid out as on the page. */
export function pdfText(file: string, pages?: { first: number; last: number }): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

/** The raster images a PDF holds, as `pdfimages -list` names them (none when everything is drawn as vectors). */
export function pdfImages(file: string): string[] {
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter((line) => line.trim() !== '');
}
