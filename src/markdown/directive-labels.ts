import type { Paragraph, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';

type Named = Pick<ContainerDirective, 'attributes'>;

const scenarioName = (node: Named) => node.attributes?.name?.trim();

/**
 * What each boxed directive is called, in words (never colour alone): one
 * home for the labels the PDFs, the Word documents, the slides, the
 * PowerPoint and the site print on a scenario, a discussion, a content note
 * and a staff note.
 */
export const directiveLabels = {
  teacher: (_node?: Named) => 'For staff',
  scenario: (node?: Named) => {
    const name = node && scenarioName(node);
    return name ? `Scenario: ${name}` : 'Scenario';
  },
  discuss: (_node?: Named) => 'Discuss',
  warning: (_node?: Named) => 'Content note',
} as const;

/** `:::discuss[Why?]` puts its label in a first paragraph marked `directiveLabel`: that paragraph, and the rest. */
export function splitDirectiveLabel(node: ContainerDirective): { label?: Paragraph; body: RootContent[] } {
  const [first, ...rest] = node.children;
  if (first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) {
    return { label: first, body: rest };
  }
  return { body: node.children };
}
