import { type BatchTask, runBatch } from './tasks/batch-task.ts';
import { runSimulation, type SimulationTask } from './tasks/simulation-task.ts';

/** What the pool's threads are given: one task, by its kind. */
export type Task = SimulationTask | BatchTask;

/** The worker threads' one function: runs a task off the server's event loop. */
export function runTask(task: Task) {
  return task.kind === 'simulation' ? runSimulation(task) : runBatch(task);
}
