/** The global set-up of `npm run test:fast` (vitest.fast.config.ts): the run's shared analyses, nothing else. */
export { sharedAnalyses as default } from "./_global_setup";
