// What the benchmarks' pages expose and their page scripts read back (page.evaluate), for the
// type-check of the scripts that run.
export {};

declare global {
  interface Window {
    npskit: any;
    npsTest: any;
    __longTasks: any;
    __readyAt: any;
  }
}
