export * from './assumptions.ts';
export { describeValue, populationAssumptions } from './assumptions-text.ts';
export {
  checkPopulationOptions,
  employmentMonthOn,
  generatePopulation,
  POPULATION_FACTS,
  type PopulationOptions,
} from './generate-population.ts';
export { createRng, type Rng, sfc32, splitmix32, type Weighted } from './prng.ts';
export { csvCell, csvText, toCsvLines, toJsonLines } from './writers.ts';
