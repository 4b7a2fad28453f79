import { type EngineTask, runTask } from './engine-tasks';

/**
 * Worker side of the forecast pool (piscina calls the default export once per task): a whole
 * input, a slice (its raw part moved back, not copied) or the merge of a forecast's parts. The
 * worker also shapes what gets stored (summary, report rows, the series as JSON text in team
 * chunks, moved rather than copied), so the main thread never clones the forecast.
 */
export default function runEngine(task: EngineTask): ReturnType<typeof runTask> {
  return runTask(task);
}
