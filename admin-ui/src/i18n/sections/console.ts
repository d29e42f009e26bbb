/** Messages of the caseworker console: Polish (the source of the keys) and English. */
export const consolePl = {
  'console.title': 'Konsola decyzji',
  'console.placeholder':
    'Tu będzie formularz faktów dla wybranego pytania i daty, odpowiedź z uzasadnieniem, kwotami i artykułami, wydruk do akt sprawy oraz historia Twoich decyzji.',
} as const;

export const consoleEn: { readonly [K in keyof typeof consolePl]: string } = {
  'console.title': 'Decision console',
  'console.placeholder':
    "Here will be the form of facts for a chosen question and date, the answer with its reasons, amounts and articles, a print view for the case file, and the history of the user's decisions.",
};
