/** Messages of the draft editor and review: Polish (the source of the keys) and English. */
export const editorPl = {
  'editor.title': 'Edytor szkicu',
  'editor.placeholder':
    'Tu będzie edytor szkicu {id}: YAML sprawdzany w trakcie pisania, kreator warunków, testy, porównanie z wersją obowiązującą oraz przekazanie do recenzji.',
} as const;

export const editorEn: { readonly [K in keyof typeof editorPl]: string } = {
  'editor.title': 'Draft editor',
  'editor.placeholder':
    'Here will be the editor of draft {id}: YAML checked as you type, a condition builder, the tests, a diff against the version in force, and submitting for review.',
};
