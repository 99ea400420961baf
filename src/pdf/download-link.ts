/** The home page's "Download the course (PDF, N MB)": written into its empty `data-course-pdf` slot once the PDF exists. */
import { formatBytes } from '../course/offline-copy';

/** The slot the home page renders (hidden and empty until a PDF exists), or the link an earlier run wrote into it. */
const SLOT = /<p class="hero__download" data-course-pdf[^>]*>[\s\S]*?<\/p>/;

/** The course PDF's file name in the built site: `<course id>.pdf`. */
export const coursePdfFile = (courseId: string): string => `${courseId}.pdf`;

/** The home page with the link to the PDF at `href`, `bytes` long; undefined when the page has no slot for it. */
export function withDownloadLink(homeHtml: string, href: string, bytes: number): string | undefined {
  if (!SLOT.test(homeHtml)) return undefined;
  const link = `<p class="hero__download" data-course-pdf><a href="${href}" download>Download the course (PDF, ${formatBytes(bytes)})</a></p>`;
  return homeHtml.replace(SLOT, () => link);
}
