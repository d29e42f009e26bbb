import { type BatchTask, runBatch } from './tasks/batch-task.ts';
import { type ReplayImpactTask, runReplayImpact } from './tasks/replay-impact-task.ts';
import { runSimulation, type SimulationTask } from './tasks/simulation-task.ts';

/** What the pool's threads are given: one task, by its kind. */
export type Task = SimulationTask | BatchTask | ReplayImpactTask;

/** The worker threads' one function: runs a task off the server's event loop. */
export function runTask(task: Task) {
  if (task.kind === 'replay-impact') return runReplayImpact(task);
  return task.kind === 'simulation' ? runSimulation(task) : runBatch(task);
}
