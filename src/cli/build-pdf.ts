/**
 * `npm run build:pdf [-- --dir dist]`: after `npm run build`, prints the whole course with Chromium into one PDF in the
 * built site, `<course id>.pdf`: a cover, the contents with page numbers, a chapter per phase, every lesson with its
 * answers shown. The home page then links it with its size, and the offline copy is written again (without the PDF).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium, INSTALL_CHROMIUM_HINT } from '../chromium';
import { formatBytes } from '../course/offline-copy';
import { loadCourseConfig } from '../course/read';
import { settings } from '../env';
import { writeOfflineCopy } from '../integrations/offline-copy';
import { composeBook } from '../pdf/book';
import { readBuiltCourse } from '../pdf/built-course';
import { coursePdfFile, withDownloadLink } from '../pdf/download-link';
import { printBook } from '../pdf/print';
import { UserError } from '../user-error';
import type { CliMain } from './run';

export const main: CliMain = async (args, io) => {
  const { values } = parseArgs({ args, options: { dir: { type: 'string', default: settings.outDir } } });
  const chromePath = findChromium(settings);
  if (!chromePath) throw new UserError(`build:pdf needs Chromium to print the course: ${INSTALL_CHROMIUM_HINT}.`);
  const dir = values.dir;
  const homeFile = join(dir, 'index.html');
  if (!existsSync(homeFile)) throw new UserError(`There is no built site in ${dir}: run \`npm run build\` first, or pass --dir.`);

  const course = loadCourseConfig();
  const built = readBuiltCourse(dir, course);
  const book = composeBook({ ...built, css: readFileSync(new URL('../pdf/book.css', import.meta.url), 'utf8') });
  const started = performance.now();
  const printed = await printBook(book, { chromePath, siteDir: dir, base: built.base });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);

  const file = coursePdfFile(course.id);
  writeFileSync(join(dir, file), printed.pdf);
  const home = withDownloadLink(readFileSync(homeFile, 'utf8'), `${built.base}${file}`, printed.pdf.length);
  if (home === undefined) throw new UserError(`${homeFile} has no place for the PDF link (data-course-pdf): build the site again with \`npm run build\`.`);
  writeFileSync(homeFile, home);
  const offline = await writeOfflineCopy(dir, [file]);
  io.out(`${join(dir, file)}: ${printed.pages} pages, ${formatBytes(printed.pdf.length)} (${book.anchors.length} chapters and lessons, printed ${printed.printings} times in ${seconds} s for the page numbers)`);
  io.out(`home page links it; offline copy written again: ${formatBytes(offline.manifest.bytes)}, build ${offline.manifest.build}`);
  return 0;
};
