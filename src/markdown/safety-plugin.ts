import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Link schemes that are allowed besides https: they make no request to another host. */
const quietSchemes = ['mailto:', 'tel:'];

function scheme(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*:)/i.exec(url.trim())?.[1]?.toLowerCase();
}

/**
 * The link rules, for markdown links and every other address a library gives
 * (help services' and local services' `url`): `javascript:`, `data:` and
 * `vbscript:` are unsafe; anything else but https (and, in lesson text,
 * `mailto:` and `tel:`) is not https.
 */
export function linkProblem(
  url: string,
  options: { quiet: boolean } = { quiet: true },
): { ruleId: 'link-unsafe-scheme' | 'link-not-https'; message: string } | undefined {
  const found = scheme(url);
  if (found === 'javascript:' || found === 'data:' || found === 'vbscript:') {
    return {
      ruleId: 'link-unsafe-scheme',
      message: `Unsafe link \`${found}\`. Links must be web addresses starting https://.`,
    };
  }
  if (found !== 'https:' && !(options.quiet && quietSchemes.includes(found ?? ''))) {
    return {
      ruleId: 'link-not-https',
      message: `Link \`${url}\` is not https. Use an address starting https:// so the school's filters and pupils' browsers trust it.`,
    };
  }
  return undefined;
}

/**
 * Safety rules on markdown (design.md): no raw HTML; links https only (never
 * `javascript:` or `data:`); images local, with alt text. Image paths are
 * recorded in `file.data.images` for the loader to check on disk.
 */
export default function remarkPsheSafety() {
  return (tree: Root, file: VFile) => {
    const images: { url: string; node: unknown }[] = [];
    visit(tree, (node) => {
      if (node.type === 'html') {
        file.message('Raw HTML is not allowed in lesson text. Use markdown and the directives instead.', node).ruleId =
          'markdown-raw-html';
      } else if (node.type === 'link' || node.type === 'definition') {
        const problem = linkProblem(node.url);
        if (problem) file.message(problem.message, node).ruleId = problem.ruleId;
      } else if (node.type === 'image') {
        const found = scheme(node.url);
        if (found === 'javascript:' || found === 'data:') {
          file.message(`Unsafe image address \`${found}\`. Put the image file next to the lesson.`, node).ruleId =
            'link-unsafe-scheme';
        } else if (found || node.url.startsWith('//')) {
          file.message(
            `Image \`${node.url}\` is loaded from another host. Save it next to the lesson and link it by file name: the site and PDFs must work offline.`,
            node,
          ).ruleId = 'image-remote';
        } else {
          images.push({ url: node.url, node });
        }
        if (!node.alt?.trim()) {
          file.message(
            'Image without alt text. Describe it in the brackets: ![what it shows](file.png).',
            node,
          ).ruleId = 'image-alt-missing';
        }
      }
    });
    file.data.images = images;
  };
}
