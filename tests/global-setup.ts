// Builds what the browser and download tests read, once per test run.
// (Filled in by the site build; until then there is nothing to prepare.)
export default async function setup() {}
