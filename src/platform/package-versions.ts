/**
 * The installed versions of the packages whose internals PSHE Kit reaches
 * into (src/pdf/pdfkit-internals): every patch there checks them first.
 * In Node they are read from the packages' own package.json
 * (installed-versions.node.ts); in a browser the page hands over the
 * versions the build wrote beside it, from the same node_modules the
 * browser's bundle was made from (installed-versions.ts).
 */
export interface InstalledVersions {
  pdfkit?: string;
  fontkit?: string;
  'png-js'?: string;
  pptxgenjs?: string;
}
