import type { Lesson, Library, Unit } from '../lesson/types.ts';
import { unitApprovalFileName, unitPackFileName } from '../outputs.ts';
import { unitPack } from '../pack/packs.ts';
import { renderUnitApproval } from '../pdf/documents/unit-approval.ts';
import type { RenderedFile } from './render-downloads.ts';

/**
 * A unit's own files, from its lessons' packs (in the unit's order): the pack
 * (`<unit>-pack.zip`, every lesson pack, the approval sheet, a README and the
 * licences), then the approval sheet the DSL signs (`<unit>-approval.pdf`).
 * `today` (ISO) is the day the sheet checks help services against
 * (`approvalDay`). Bytes only: `pshe build` writes them (writeUnitPacks), the
 * browser's render worker hands them to `/personalise/?unit=`.
 */
export async function renderUnitFiles(
  unit: Unit,
  members: readonly { lesson: Lesson; bytes: Uint8Array }[],
  library: Library,
  today: string,
): Promise<RenderedFile[]> {
  const approval = {
    name: unitApprovalFileName(unit.id),
    bytes: await renderUnitApproval(
      unit,
      members.map((member) => member.lesson),
      library,
      today,
    ),
  };
  return [{ name: unitPackFileName(unit.id), bytes: unitPack(unit, members, [approval]) }, approval];
}
