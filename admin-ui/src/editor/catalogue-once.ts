import { api, call, type Schemas } from '../shared/api/client.ts';

let asked: Promise<Schemas['Catalogue']> | undefined;

/** The catalogue, asked for once per page load (labels of facts, outcomes and parameters). */
export function catalogueOnce(): Promise<Schemas['Catalogue']> {
  asked ??= call(api.GET('/api/v1/catalogue')).catch((e: unknown) => {
    asked = undefined;
    throw e;
  });
  return asked;
}
