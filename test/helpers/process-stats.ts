import { readFileSync, writeFileSync } from 'node:fs';

/** CPU time (user + system, all threads) process `pid` has used so far, ms (/proc/<pid>/stat, 100 ticks a second). */
export const cpuMs = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};

/** A `kB` field of /proc/<pid>/status in MB: VmRSS (resident now) or VmHWM (peak resident so far). */
const statusMb = (pid: number, field: 'VmRSS' | 'VmHWM'): number =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) /
  1024;

/** Resident memory of process `pid` (all its threads) now, MB. */
export const rssMb = (pid: number): number => statusMb(pid, 'VmRSS');

/** Peak resident memory of process `pid` (all its threads) since it started or since {@link resetPeakRss}, MB. */
export const peakRssMb = (pid: number): number => statusMb(pid, 'VmHWM');

/** Starts process `pid`'s peak resident memory (VmHWM) again from its resident memory now (Linux: `5` to /proc/<pid>/clear_refs). */
export const resetPeakRss = (pid: number): void => writeFileSync(`/proc/${pid}/clear_refs`, '5');
