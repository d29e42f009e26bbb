import type { Schemas } from '../shared/api/client.ts';

/** A run as GET /api/v1/simulations/{id} reports it: status, rows read, and when done the result. */
export type Simulation = Schemas['Simulation'];
/** What a finished run found, as the server stores it. */
export type TrialResult = Schemas['SimulationResult'];
/** The body of POST /api/v1/simulations. */
export type TrialRequest = Schemas['SimulationRequest'];
/** The population part of a request: a file's text, or a synthetic one to draw. */
export type TrialPopulation = TrialRequest['population'];
/** How large a run may be (GET /api/v1/simulations/limits). */
export type TrialLimits = Schemas['SimulationLimits'];
/** The facts, parameters and outcomes catalogue. */
export type Catalogue = Schemas['Catalogue'];
/** A question with its versions and proposals. */
export type QuestionSummary = Schemas['QuestionSummary'];
/** One answer, as an example person's reasons show it. */
export type TrialAnswer = Schemas['Answer'];
/** One money amount's gains and losses. */
export type MoneyImpact = Schemas['MoneyImpact'];

/** The population the analyst chose, with what the page shows and checks before sending it. */
export interface PopulationChoice {
  population: TrialPopulation;
  /** Rows to read (persons, or lines of the file), the progress bar's maximum. */
  rows: number;
  /** A file chosen by the user: streamed to the server before the run starts, which then names it by its upload id. */
  file?: PopulationFile;
}

/** A population file as the browser holds it: a handle on the disk, never its text. */
export interface PopulationFile {
  blob: Blob;
  format: 'csv' | 'jsonl';
}

/** Fired by the form with the request to start. */
export interface TrialStart {
  request: TrialRequest;
  rows: number;
  file?: PopulationFile;
}
