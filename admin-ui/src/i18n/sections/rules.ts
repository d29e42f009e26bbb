/** Messages of questions and versions: Polish (the source of the keys) and English. */
export const rulesPl = {
  'questions.title': 'Pytania i wersje przepisów',
  'questions.placeholder':
    'Tu będzie lista pytań, każde z wersjami na osi czasu: data wejścia w życie, akt i pozycja w Dzienniku Ustaw, status (opublikowana, szkic, projekt, uchylona) i następca uchylonej.',
  'questions.selected': 'Wybrane pytanie: {question}',
  'version.title': 'Wersja przepisów',
  'version.placeholder':
    'Tu będzie wersja {question} z dnia {version} opisana tak, jak czyta ją prawnik: każdy warunek jako zdanie, z artykułem, tekstami po polsku i angielsku, parametrami z ich wartościami w czasie i zastrzeżeniami.',
} as const;

export const rulesEn: { readonly [K in keyof typeof rulesPl]: string } = {
  'questions.title': 'Questions and versions of the law',
  'questions.placeholder':
    'Here will be the list of questions, each with its versions on a timeline: valid from, the act and its Dz.U. position, status (published, draft, proposal, repealed) and the successor of a repealed one.',
  'questions.selected': 'Selected question: {question}',
  'version.title': 'A version of the law',
  'version.placeholder':
    'Here will be the version of {question} from {version} as a lawyer reads it: each condition as a sentence, with its article, its Polish and English texts, the parameters with their dated values, and the caveats.',
};
