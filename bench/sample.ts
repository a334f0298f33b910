// What one benchmark child process measures and prints (one JSON line).

/** One sample's measurements (maxRssMb is the process's peak resident memory). */
export interface Sample {
  scenario: string;
  pipelines: number;
  loadMs: number;
  synthMs: number;
  /** CPU time (user and system, all threads) of the synth: steadier than wall time on a shared machine. */
  cpuMs: number;
  maxRssMb: number;
  resources: number;
  components: number;
  roles: number;
}

/** Milliseconds of CPU time from a `process.cpuUsage()` difference. */
export const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** What bench/count-outputs.ts prints: exact counts per copy of a scenario, and the heap in use after its synchronous run. */
export interface Counts {
  scenario: string;
  n: number;
  syncPromisesPerCopy: number;
  promisesPerCopy: number;
  syncAppliesPerCopy: number;
  appliesPerCopy: number;
  resourceOutputsPerCopy: number;
  heapAfterSyncMb: number;
}
