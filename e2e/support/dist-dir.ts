// The build directory of the browser tests (playwright.config.ts builds there; specs that start
// servers of their own start them from it): never the .next of a running instance.
export const E2E_DIST_DIR = ".next-e2e";
