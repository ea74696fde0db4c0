import type { Lesson, Library, Unit } from '../lesson/types.ts';
import { unitApprovalFileName, unitPackFileName } from '../outputs.ts';
import { unitPack } from '../pack/packs.ts';
import { renderUnitApproval } from '../pdf/documents/unit-approval.ts';
import type { RenderedFile } from './render-downloads.ts';

/**
 * A unit's approval sheet, the PDF the DSL signs (`<unit>-approval.pdf`), for
 * these of its lessons (in the unit's order). `today` (ISO) is the day the
 * sheet checks help services against (`approvalDay`).
 */
export async function renderUnitApprovalFile(
  unit: Unit,
  lessons: readonly Lesson[],
  library: Library,
  today: string,
): Promise<RenderedFile> {
  return { name: unitApprovalFileName(unit.id), bytes: await renderUnitApproval(unit, lessons, library, today) };
}

/**
 * A unit's own files, from its lessons' packs (in the unit's order): the pack
 * (`<unit>-pack.zip`, every lesson pack, the approval sheet, a README and the
 * licences), then the approval sheet. `approval`: the sheet made already for
 * the same lessons and day (`pshe build` makes it while the downloads are
 * rendered), else it is made here. Bytes only: `pshe build` writes them
 * (src/pipeline/unit-packs.ts), the browser's render worker hands them to
 * `/personalise/?unit=`.
 */
export async function renderUnitFiles(
  unit: Unit,
  members: readonly { lesson: Lesson; bytes: Uint8Array }[],
  library: Library,
  today: string,
  approval?: RenderedFile,
): Promise<RenderedFile[]> {
  const sheet =
    approval ??
    (await renderUnitApprovalFile(
      unit,
      members.map((member) => member.lesson),
      library,
      today,
    ));
  return [{ name: unitPackFileName(unit.id), bytes: unitPack(unit, members, [sheet]) }, sheet];
}
