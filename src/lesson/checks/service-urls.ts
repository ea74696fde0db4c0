import { linkProblem } from '../../markdown/safety-plugin.ts';
import { diagnostic } from '../diagnostic.ts';
import type { Diagnostic, Signpost } from '../types.ts';
import { positionAt } from '../yaml-source.ts';
import type { YamlSource } from '../yaml-source.ts';

/**
 * Every service's `url` follows the lesson link rules (`linkProblem`, as
 * markdown links): `javascript:` and `data:` are unsafe, anything but https is
 * an error, at the address. `at` is the path to the list of services.
 */
export function checkServiceUrls(
  source: YamlSource,
  services: readonly Signpost[],
  at: (string | number)[],
  diagnostics: Diagnostic[],
): void {
  services.forEach((service, index) => {
    if (service.url === undefined) return;
    const problem = linkProblem(service.url, { quiet: false });
    if (problem) {
      diagnostics.push(
        diagnostic(problem.ruleId, source.file, positionAt(source, [...at, index, 'url']), problem.message),
      );
    }
  });
}
