import { readAsset } from '#assets';
import type { Lesson, Library, Unit } from '../lesson/types.ts';
import { lessonPackFileName, unitApprovalFileName } from '../outputs.ts';
import { lessonReadme } from './lesson-readme.ts';
import { zipEntries } from './zip.ts';
import type { PackEntry } from './zip.ts';

const encoder = new TextEncoder();

let licences: PackEntry[] | undefined;
function licenceEntries(): PackEntry[] {
  licences ??= [
    { path: 'LICENSE.txt', bytes: readAsset('LICENSE') },
    { path: 'LICENSE-CONTENT.md', bytes: readAsset('LICENSE-CONTENT.md') },
  ];
  return licences;
}

/** A lesson's pack: its downloads, its YAML, a README and both licences. */
export function lessonPack(
  lesson: Lesson,
  library: Library,
  downloads: readonly { name: string; bytes: Uint8Array }[],
): Uint8Array {
  const names = downloads.map((file) => file.name);
  return zipEntries([
    ...downloads.map((file) => ({ path: file.name, bytes: file.bytes })),
    { path: `${lesson.id}.yaml`, bytes: encoder.encode(lesson.yamlSource) },
    { path: 'README.md', bytes: encoder.encode(lessonReadme(lesson, library, names)) },
    ...licenceEntries(),
  ]);
}

/**
 * A unit's pack: each of its lessons' packs, a README listing them, the
 * unit's own files (its approval sheet for the DSL) and the licences.
 */
export function unitPack(
  unit: Unit,
  packs: readonly { lesson: Lesson; bytes: Uint8Array }[],
  unitFiles: readonly { name: string; bytes: Uint8Array }[] = [],
): Uint8Array {
  const approval = unitFiles.find((file) => file.name === unitApprovalFileName(unit.id));
  const readme = [
    `# ${unit.title}`,
    '',
    unit.summary?.source.trim() ?? '',
    '',
    'Lessons, in teaching order (each zip holds the lesson plan, handouts, slides, letters and a README):',
    '',
    ...packs.map(({ lesson }, index) => `${index + 1}. ${lesson.title}: \`${lessonPackFileName(lesson.id)}\``),
    '',
    ...(approval
      ? [
          `\`${approval.name}\`: the sheet the Designated Safeguarding Lead signs to approve the unit (each lesson's supervision, content guidance and help services, with when each service was checked).`,
          '',
        ]
      : []),
  ].join('\n');
  return zipEntries([
    ...packs.map(({ lesson, bytes }) => ({ path: lessonPackFileName(lesson.id), bytes })),
    ...unitFiles.map((file) => ({ path: file.name, bytes: file.bytes })),
    { path: 'README.md', bytes: encoder.encode(readme) },
    ...licenceEntries(),
  ]);
}
