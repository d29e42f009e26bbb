/** The 16 voivodeships by their TERYT names (lower case, as GUS writes them) and TERYT codes. */
export const VOIVODESHIPS = [
  { code: '02', name: 'dolnośląskie' },
  { code: '04', name: 'kujawsko-pomorskie' },
  { code: '06', name: 'lubelskie' },
  { code: '08', name: 'lubuskie' },
  { code: '10', name: 'łódzkie' },
  { code: '12', name: 'małopolskie' },
  { code: '14', name: 'mazowieckie' },
  { code: '16', name: 'opolskie' },
  { code: '18', name: 'podkarpackie' },
  { code: '20', name: 'podlaskie' },
  { code: '22', name: 'pomorskie' },
  { code: '24', name: 'śląskie' },
  { code: '26', name: 'świętokrzyskie' },
  { code: '28', name: 'warmińsko-mazurskie' },
  { code: '30', name: 'wielkopolskie' },
  { code: '32', name: 'zachodniopomorskie' },
] as const;

/** A voivodeship's TERYT name. */
export type Voivodeship = (typeof VOIVODESHIPS)[number]['name'];

const NAMES: ReadonlySet<string> = new Set(VOIVODESHIPS.map((v) => v.name));

/** True when `name` is one of the 16 TERYT names, written exactly (lower case, with Polish letters). */
export function isVoivodeship(name: unknown): name is Voivodeship {
  return typeof name === 'string' && NAMES.has(name);
}
