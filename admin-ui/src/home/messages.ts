/** Messages of the home page (each page's summary line is in its own feature): Polish (the source of the keys) and English. */
export const homePl = {
  'home.title': 'Witaj, {name}',
  'home.intro': 'Twoja rola to {role}. Oto co możesz tu zrobić:',
  'home.questions': 'Przeglądać pytania, ich wersje w czasie i artykuły, na których się opierają; redagować zmiany.',
  'home.console': 'Rozstrzygać sprawy: podać fakty osoby i datę, dostać odpowiedź z uzasadnieniem i pokwitowaniem.',
  'home.trials': 'Sprawdzać, jak projekt zmiany przepisów wpłynie na populację: kto zyska, kto straci i ile to kosztuje.',
  'home.audit': 'Przeglądać dziennik zmian i sprawdzać, czy łańcuch wpisów jest nienaruszony.',
  'home.bundled.title': 'Dołączone pliki prawa różnią się od opublikowanego prawa',
  'home.bundled.intro':
    'Pliki w folderze rules/ serwera nie zgadzają się z prawem w bazie ({count}). Nic nie zostało opublikowane; otwórz je jako szkic, aby je przejrzeć i przekazać do recenzji.',
  'home.bundled.open': 'Otwórz jako szkic',
  'home.bundled.added': 'nowy',
  'home.bundled.changed': 'zmieniony',
} as const;

export const homeEn: { readonly [K in keyof typeof homePl]: string } = {
  'home.title': 'Welcome, {name}',
  'home.intro': 'Your role is {role}. Here is what you can do:',
  'home.questions': 'Browse the questions, their versions over time and the articles behind them; draft changes.',
  'home.console': "Decide cases: give a person's facts and a date, get the answer with its reasons and a receipt.",
  'home.trials': 'See how a proposed amendment would affect a population: who gains, who loses and what it costs.',
  'home.audit': 'Read the change log and check that the chain of entries is intact.',
  'home.bundled.title': 'The bundled files of the law differ from the published law',
  'home.bundled.intro':
    'Files in the server’s rules/ folder do not match the law in the database ({count}). Nothing was published; open them as a draft to review them and submit them for review.',
  'home.bundled.open': 'Open as a draft',
  'home.bundled.added': 'new',
  'home.bundled.changed': 'changed',
};
