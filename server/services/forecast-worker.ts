import { runForecast } from '../../shared/index';
import { type EngineResult, type EngineTask, movedPart, runTask, shapeResult } from './engine-tasks';

/**
 * Worker side of the forecast pool (piscina calls the default export once per task): a whole
 * input, a slice (its raw part moved back, not copied) or the merge of a forecast's parts. The
 * worker also shapes what gets stored (summary, report rows, the series as JSON text), so the
 * main thread receives one string and two small objects instead of cloning the forecast.
 */
export default function runEngine(task: EngineTask): EngineResult | ReturnType<typeof movedPart> {
  if (!('task' in task)) return shapeResult(task, runForecast(task));
  const result = runTask(task);
  return 'kind' in result ? movedPart(result) : result;
}
