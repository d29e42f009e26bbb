export { readPopulation } from './read-population.ts';
export type { PopulationRow, ReadPopulationOptions, RowError } from './types.ts';
