import { imageKey } from '../lesson/images.ts';
import { SLUG } from '../lesson/slug.ts';
import type { Diagnostic, Unit } from '../lesson/types.ts';
import type { LessonImage } from '../library-file.ts';
import { limits } from '../limits.ts';
import { assetFiles, type AssetName } from '../platform/asset-files.ts';
import type { PersonaliseData, PersonaliseUnit } from '../site/lib/personalise-data.ts';
import { SERVICE_FIELDS, serviceInput, serviceWording } from '../site/lib/school-form.ts';
import { byId } from './dom.ts';
import { clearErrors, showErrors, type FieldError } from './error-summary.ts';
import { charactersOf, fillNames, nameInput, readNames, renamesFrom, startNames } from './personalise-names.ts';
import { currentLogo, fillSchool, logoProblem, readSchool, startSchool } from './personalise-school.ts';
import { base64Of, imageOf, keep, recall, type Remembered } from './personalise-storage.ts';
import { showFiles as showFileLinks } from './file-links.ts';
import { fetchBytes, fetchJson } from './fetch-site.ts';
import { RenderClient } from './render-client.ts';
import { startRenderWorker } from './worker-url.ts';
import type { MadeFile } from './render-messages.ts';
import { inputOfProblem, schoolFormOf, schoolYaml, serviceOfProblem, type SchoolYaml } from './school-yaml.ts';

/**
 * `/personalise/?lesson=<id>` or `?unit=<unit>`: fetch the published models
 * (`lessons/<id>.json`, `units/<unit>.json`) and the renderers' assets from
 * this site, take the school's details and the class's names from the form,
 * and have the render worker make every file of the lesson, or the unit's
 * pack, on this device. Nothing typed here is sent, and nothing is kept
 * unless "Remember on this device" is ticked (personalise-storage.ts).
 */

const form = byId<HTMLFormElement>('personalise');
const progress = byId<HTMLParagraphElement>('progress');
const fileList = byId<HTMLUListElement>('file-list');
const cancel = byId<HTMLButtonElement>('cancel');
const make = byId<HTMLButtonElement>('make');
const remember = byId<HTMLInputElement>('remember');

/** Hand the user a file made here, as a download. */
function offer(name: string, text: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

const showFiles = (files: readonly MadeFile[]) => showFileLinks(fileList, byId<HTMLElement>('files'), files);

/** What the page makes files of: one lesson, or a unit's lessons in order. */
interface Subject {
  lessons: PersonaliseData[];
  unit?: Unit;
}

async function subjectOf(here: URL): Promise<Subject | string> {
  const query = new URLSearchParams(location.search);
  const unitId = query.get('unit');
  const lessonId = query.get('lesson');
  if (unitId !== null) {
    const unit = SLUG.test(unitId)
      ? await fetchJson<PersonaliseUnit>(new URL(`units/${unitId}.json`, here))
      : undefined;
    if (!unit) return 'There is no unit of that name on this site.';
    const lessons = await Promise.all(
      unit.lessons.map((id) => fetchJson<PersonaliseData>(new URL(`lessons/${id}.json`, here))),
    );
    if (!lessons.length || lessons.some((lesson) => !lesson)) return 'This unit has no lessons to make files from.';
    return { lessons: lessons as PersonaliseData[], unit: unit.unit };
  }
  if (!lessonId) return 'Open this page from a lesson’s or a unit’s “Make it ours” link to choose what to make.';
  const lesson = SLUG.test(lessonId)
    ? await fetchJson<PersonaliseData>(new URL(`lessons/${lessonId}.json`, here))
    : undefined;
  return lesson ? { lessons: [lesson] } : 'There is no lesson of that name on this site.';
}

/** A problem of the profile, said with what the field is called on the page, and which service. */
function wordedProblem(problem: Diagnostic, made: SchoolYaml | undefined): string {
  const service = made && serviceOfProblem(problem, made);
  if (service === undefined) return problem.message;
  const input = inputOfProblem(problem, made!);
  const field = SERVICE_FIELDS.find((name) => serviceInput(service, name) === input);
  return `Local service ${service + 1}${field ? `, ${serviceWording[field].label}` : ''}: ${problem.message}`;
}

async function start() {
  const here = new URL('./', location.href);
  const subject = await subjectOf(here);
  if (typeof subject === 'string') {
    progress.textContent = subject;
    return;
  }
  const { lessons, unit } = subject;
  const { library, versions, sourceDateEpoch } = lessons[0];
  // What the files are for, with a way back to its page.
  const back = document.createElement('a');
  back.href = new URL(unit ? `units/${unit.id}/` : `lessons/${lessons[0].lesson.id}/`, new URL('../', here)).pathname;
  back.textContent = unit ? unit.title : lessons[0].lesson.title;
  byId<HTMLParagraphElement>('lesson-title').replaceChildren(
    ...(unit
      ? [
          'For the unit “',
          back,
          `”: a pack of its ${lessons.length} ${lessons.length === 1 ? 'lesson' : 'lessons'} and the approval sheet for the DSL.`,
        ]
      : ['For the lesson “', back, '”.']),
  );
  const characters = charactersOf(lessons.map((data) => ({ title: data.lesson.title, characters: data.characters })));
  startNames(characters, unit !== undefined);

  // The site's own profile, as the page starts and after "Forget these details".
  const siteSchool = schoolFormOf((library.school ?? {}) as Record<string, unknown>);
  const siteLogoImage = siteSchool.logo
    ? lessons[0].images.find(([key]) => key === imageKey(undefined, siteSchool.logo!))?.[1]
    : undefined;
  const siteLogo =
    siteSchool.logo && siteLogoImage ? { name: siteSchool.logo, image: imageOf(siteLogoImage) } : undefined;
  /** Kept a moment after the last change, while Remember is ticked (the timer asks again, after a Forget). */
  let keeping: ReturnType<typeof setTimeout> | undefined;
  const keepLater = () => {
    if (!remember.checked) return;
    clearTimeout(keeping);
    keeping = setTimeout(() => {
      if (remember.checked) rememberNow(readNames(characters));
    }, 300);
  };
  startSchool(siteSchool, siteLogo, keepLater);

  // The renderers' fonts, templates and licences, and the worker with its renderers: loaded as the page
  // opens, from this site only, so that the page goes on working with the network cut.
  const fetchAssets = () => {
    const fetching = Promise.all(
      (Object.keys(assetFiles) as AssetName[]).map(
        async (name) => [name, await fetchBytes(new URL(`assets/${name}.bin`, here))] as [AssetName, Uint8Array],
      ),
    );
    // A failed fetch is tried again at the next click, not remembered.
    fetching.catch(() => (assets = undefined));
    return fetching;
  };
  let assets: Promise<[AssetName, Uint8Array][]> | undefined = fetchAssets();
  const client = new RenderClient(() => startRenderWorker(new URL('../', here)));
  client.prepare(versions);

  /** The run under way: Stop, or a new run, makes every earlier run's later steps do nothing. */
  let runs = 0;
  /**
   * Back to the form: Make the files again, Stop hidden, the keyboard's focus on Make (`focus`: false
   * when the error summary takes the focus next, as two focus moves fight over the scroll).
   */
  const idle = (focus = true) => {
    cancel.hidden = true;
    make.disabled = false;
    if (focus) make.focus({ preventScroll: true });
  };
  cancel.addEventListener('click', () => {
    runs++;
    client.stop();
    idle();
    progress.textContent = 'Stopped. No files were made.';
  });

  byId<HTMLInputElement>('school-file').addEventListener('change', async (event) => {
    clearErrors();
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const refuse = (message: string) => showErrors([{ input: 'school-file', message }]);
    // As the loader refuses a file over its limit before reading it.
    if (file.size > limits.fileBytes.value) {
      return refuse(
        `${file.name} is ${Math.ceil(file.size / 1024)} KB; a school profile may be at most ${limits.fileBytes.value / 1024} KB`,
      );
    }
    progress.textContent = `Reading ${file.name}…`;
    // Read as `pshe build --school` reads it, by the loader in the worker: the same schema, the same messages.
    let read: Awaited<ReturnType<typeof client.readSchool>>;
    try {
      // The check asks the fonts whether they can print the names.
      read = await client.readSchool(new Uint8Array(await file.arrayBuffer()), await (assets ??= fetchAssets()));
    } catch (error) {
      read = { error: error instanceof Error ? error.message : String(error) };
    }
    if (!read) return;
    if ('error' in read) return refuse(`${file.name} could not be read: ${read.error}`);
    if (!read.school) {
      progress.textContent = `${file.name} was not used: pshe build would refuse it too.`;
      const errors = read.diagnostics.filter((d) => d.severity === 'error');
      return showErrors(
        errors.map((d) => ({ input: 'school-file', message: `${file.name}, line ${d.line}: ${d.message}` })),
      );
    }
    const loaded = schoolFormOf(read.school as unknown as Record<string, unknown>);
    // Its logo is a file beside it, which this page cannot read: the one chosen here is kept if it has that name.
    const logo = currentLogo()?.name === loaded.logo ? currentLogo() : undefined;
    fillSchool(loaded, logo);
    progress.textContent =
      loaded.logo && !logo
        ? `Filled in from ${file.name}. It names the logo ${loaded.logo}: choose that file under School logo to print it.`
        : `Filled in from ${file.name}.`;
  });

  byId<HTMLButtonElement>('save-school').addEventListener('click', () => {
    clearErrors();
    const made = schoolYaml(readSchool());
    if (!made) return showErrors([{ input: 'school-name', message: 'Type the school’s details before saving them' }]);
    offer('school.yaml', made.text);
    const logo = currentLogo();
    progress.textContent = logo
      ? `school.yaml is saved: give it to pshe build --school with ${logo.name} beside it, or load it here next time.`
      : 'school.yaml is saved: give it to pshe build --school, or load it here next time.';
  });

  // Ticked: kept at once, and again as the form changes (a reload or Save as school.yaml loses nothing).
  // Unticked: forgotten at once, not at the next click on Make the files.
  remember.addEventListener('change', () => {
    const kept = rememberNow(readNames(characters));
    progress.textContent = !remember.checked
      ? 'Not kept: nothing you typed is kept on this device.'
      : kept
        ? 'Kept on this device: what you type here stays in this browser until you press Forget these details.'
        : 'This browser would not keep your details (its storage is full or turned off): Save as school.yaml keeps them.';
  });
  const keepTyped = (event: Event) => {
    if (event.target !== remember) keepLater();
  };
  form.addEventListener('input', keepTyped);
  form.addEventListener('change', keepTyped);

  byId<HTMLButtonElement>('forget').addEventListener('click', () => {
    keep(undefined);
    remember.checked = false;
    clearErrors();
    fillSchool(siteSchool, siteLogo);
    fillNames(characters, {});
    progress.textContent = 'Forgotten: nothing you typed is kept on this device.';
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const made = schoolYaml(readSchool());
    const { renames, errors } = renamesFrom(characters);
    if (errors.length) return showErrors(errors);
    rememberNow(readNames(characters));
    const run = ++runs;
    cancel.hidden = false;
    // Focus to Stop before Make is disabled, so the keyboard is never left nowhere.
    cancel.focus();
    make.disabled = true;
    showFiles([]);
    progress.textContent = 'Making the files on this device…';
    try {
      assets ??= fetchAssets();
      const fetched = await assets;
      if (run !== runs) return;
      const logo = currentLogo();
      const reply = await client.run(
        {
          lessons: lessons.map((data) => data.lesson),
          ...(unit ? { unit } : {}),
          library,
          assets: fetched,
          images: [
            // The lessons' own images; the logo is the form's (the site's, one chosen here, or none).
            ...lessons.flatMap((data) =>
              data.images
                .filter(([key]) => !key.startsWith(imageKey(undefined, '')))
                .map(([key, image]) => [key, imageOf(image)] as [string, LessonImage]),
            ),
            ...(logo ? [[imageKey(undefined, logo.name), { ...logo.image, file: '' }] as [string, LessonImage]] : []),
          ],
          versions,
          // The form is the whole profile: empty, the files have lines to fill in by hand.
          school: made?.text ?? '',
          renames,
          sourceDateEpoch,
        },
        (done, total) => {
          if (run !== runs) return;
          progress.textContent =
            done < total - 1 ? `Making lesson ${done + 1} of ${total - 1}…` : 'Making the unit’s pack…';
        },
      );
      if (!reply || run !== runs) return;
      // Refused: the error summary takes the focus (refused), not Make.
      idle('error' in reply || reply.files.length > 0);
      if ('error' in reply) throw new Error(reply.error);
      if (!reply.files.length) return refused(reply.diagnostics, reply.nameProblems ?? [], made);
      const failed = reply.diagnostics.filter((d) => d.severity === 'error');
      if (failed.length) {
        // As `pshe build` stops on a file it cannot make, nothing is offered: a pack without it would mislead.
        progress.textContent = `The files could not be made: ${failed.map((d) => d.message).join(' ')}`;
        return;
      }
      showFiles(reply.files);
      progress.textContent = `${reply.files.length} ${reply.files.length === 1 ? 'file is' : 'files are'} ready below.`;
      byId<HTMLElement>('files-title').focus();
    } catch (error) {
      if (run !== runs) return;
      idle();
      progress.textContent = `The files could not be made: ${error instanceof Error ? error.message : String(error)}.`;
    }
  });

  /** Nothing was made: each problem at its field (the new names, the school profile), or said as a whole. */
  function refused(
    diagnostics: readonly Diagnostic[],
    nameProblems: readonly { name: string; message: string }[],
    made: SchoolYaml | undefined,
  ) {
    const school = diagnostics.filter((d) => d.file === 'school.yaml' && d.severity === 'error');
    const other = diagnostics.filter((d) => d.file !== 'school.yaml' && d.severity === 'error');
    const errors: FieldError[] = [
      ...nameProblems.map(({ name, message }) => ({ input: nameInput(characters, name), message })),
      ...school.map((d) => ({
        input: made ? inputOfProblem(d, made) : 'school-name',
        message: wordedProblem(d, made),
      })),
    ];
    progress.textContent = other.length
      ? `The files could not be made: ${other.map((d) => d.message).join(' ')}`
      : errors.length
        ? 'Nothing was made: check the details above.'
        : 'Nothing was made, and the page was not told why: try again, or report this as a bug.';
    if (errors.length) showErrors(errors);
    else make.focus();
  }

  /** Keep what was typed, if asked to; otherwise make sure nothing is kept. False when the browser would not keep it. */
  function rememberNow(typed: Record<string, string>): boolean {
    if (!remember.checked) return keep(undefined);
    const names: Remembered['names'] = recall()?.names ?? {};
    for (const data of lessons) {
      const mine = new Set(data.characters);
      names[data.lesson.id] = Object.fromEntries(Object.entries(typed).filter(([name]) => mine.has(name)));
    }
    const kept: Remembered = { school: readSchool(), names };
    const logo = currentLogo();
    const withLogo = logo
      ? { ...kept, logo: { name: logo.name, image: { ...logo.image, bytes: base64Of(logo.image.bytes) } } }
      : kept;
    // A logo too big for this browser's storage is left out, not the rest.
    return keep(withLogo) || keep(kept);
  }

  // What this device kept, last: a problem with it (kept by another version of the page) is forgotten, not fatal.
  const kept = recall();
  if (kept) {
    const logo = kept.logo && !logoProblem(kept.logo.name, kept.logo.image.bytes) ? kept.logo : undefined;
    fillSchool(kept.school, logo);
    const names: Record<string, string> = {};
    for (const data of lessons) {
      for (const [name, typed] of Object.entries(kept.names[data.lesson.id] ?? {})) names[name] ??= typed;
    }
    fillNames(characters, names);
    remember.checked = true;
  }
  form.hidden = false;
}

start().catch((error: unknown) => {
  progress.textContent = `This page could not start: ${error instanceof Error ? error.message : String(error)}.`;
});
