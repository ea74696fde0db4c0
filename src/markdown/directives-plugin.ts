import type { Root } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { didYouMean } from '../did-you-mean.ts';
import { directiveNames, directiveSpecs } from './directive-spec.ts';

type Directive = ContainerDirective | LeafDirective | TextDirective;

const colons = { containerDirective: ':::', leafDirective: '::', textDirective: ':' } as const;

/**
 * Check every directive against the spec and record the signpost ids used.
 * Reports through `file.message` with a rule id, so positions come from the node.
 * Signpost ids are stored on the node (`data.signpostId`) and in `file.data.signposts`.
 */
export default function remarkPsheDirectives() {
  return (tree: Root, file: VFile) => {
    const signposts: { id: string; node: TextDirective }[] = [];
    visit(tree, (node) => {
      if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
      const directive = node as Directive;
      const spec = directiveSpecs[directive.name];
      if (!spec) {
        const suggestion = didYouMean(directive.name, directiveNames);
        const message = file.message(
          `Unknown directive \`${colons[directive.type]}${directive.name}\`. ${
            suggestion
              ? `Did you mean \`${directiveSpecs[suggestion].example}\`?`
              : `Expected one of ${directiveNames.join(', ')}.`
          }`,
          directive,
        );
        message.ruleId = 'markdown-unknown-directive';
        return;
      }
      if (spec.kind !== directive.type) {
        const message = file.message(
          `\`${directive.name}\` is written with ${colons[directive.type].length} colon(s); write it as \`${spec.example}\`.`,
          directive,
        );
        message.ruleId = 'markdown-directive-kind';
        return;
      }
      for (const [key, value] of Object.entries(directive.attributes ?? {})) {
        const check = spec.attributes[key];
        const allowed = Object.keys(spec.attributes);
        if (!check) {
          const message = file.message(
            `Unknown attribute \`${key}\` on \`${directive.name}\`. ${
              allowed.length ? `Expected ${allowed.map((a) => `\`${a}\``).join(', ')}.` : 'It takes no attributes.'
            }`,
            directive,
          );
          message.ruleId = 'markdown-directive-attribute';
          continue;
        }
        const problem = check(value ?? '');
        if (problem) {
          const message = file.message(`Attribute \`${key}\` on \`${directive.name}\`: ${problem}.`, directive);
          message.ruleId = 'markdown-directive-attribute';
        }
      }
      if (directive.type === 'textDirective' && directive.name === 'signpost') {
        const id = toString(directive).trim();
        directive.data = { ...directive.data, signpostId: id } as typeof directive.data;
        signposts.push({ id, node: directive });
      }
    });
    file.data.signposts = signposts;
  };
}
