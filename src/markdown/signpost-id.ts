import type { Directives } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';

/**
 * The help service a `:signpost[id]` names: the id the directives plugin stored
 * on the node when the field was parsed, or its text for a node built elsewhere.
 */
export function signpostIdOf(node: Directives): string {
  return (node.data as { signpostId?: string } | undefined)?.signpostId ?? toString(node).trim();
}
