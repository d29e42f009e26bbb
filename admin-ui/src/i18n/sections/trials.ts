/** Messages of amendment trials: Polish (the source of the keys) and English. */
export const trialsPl = {
  'trials.title': 'Próby zmian w prawie',
  'trials.placeholder':
    'Tu będzie porównanie wersji obowiązującej z projektem na populacji: postęp obliczeń, macierz zmian rozstrzygnięć, rozkład zysków i strat, roczny koszt i przykładowe osoby.',
} as const;

export const trialsEn: { readonly [K in keyof typeof trialsPl]: string } = {
  'trials.title': 'Amendment trials',
  'trials.placeholder':
    'Here will be the law in force compared with a proposal over a population: the run’s progress, the outcome change matrix, the gain and loss distribution, the yearly cost and example persons.',
};
