/**
 * The files the renderers and the checks read besides a lesson library: the fonts the PDFs
 * embed, the texts templates/ holds, the licences every pack carries. One
 * list, by the name a renderer asks for: in Node each is read from where
 * it lives (assets.node.ts); in a browser the page fetches the same files,
 * which the build copies beside it, and hands them over (assets.ts).
 */
export const assetFiles = {
  'fonts/DejaVuSans.ttf': { package: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf' },
  'fonts/DejaVuSans-Bold.ttf': { package: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf' },
  'fonts/DejaVuSans-Oblique.ttf': { package: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf' },
  'fonts/DejaVuSans-BoldOblique.ttf': { package: 'dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf' },
  'templates/parent-letter.yaml': { project: 'templates/parent-letter.yaml' },
  'templates/invitation-letter.yaml': { project: 'templates/invitation-letter.yaml' },
  'templates/disclosure-steps.yaml': { project: 'templates/disclosure-steps.yaml' },
  'templates/terminology.yaml': { project: 'templates/terminology.yaml' },
  'templates/lesson.yaml': { project: 'templates/lesson.yaml' },
  LICENSE: { project: 'LICENSE' },
  'LICENSE-CONTENT.md': { project: 'LICENSE-CONTENT.md' },
} as const satisfies Record<string, { package: string } | { project: string }>;

export type AssetName = keyof typeof assetFiles;
