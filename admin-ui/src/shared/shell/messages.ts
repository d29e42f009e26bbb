/**
 * Messages of the shell (the app's name, the menu, roles, the language switch, loading and missing pages): Polish
 * (the source of the keys) and English.
 */
export const shellPl = {
  'app.name': 'Reintegra',
  'app.tagline': 'Prawo zatrudnienia socjalnego jako kod',
  'app.skip': 'Przejdź do treści',
  'app.loading': 'Wczytywanie…',
  'app.leaveUnsaved': 'Na tej stronie są niezapisane zmiany. Opuścić ją i utracić je?',
  'app.signedInAs': 'Zalogowano: {name} ({role})',
  'app.signOut': 'Wyloguj się',
  'app.nav': 'Menu główne',
  'app.userMenu': 'Użytkownik i język',
  'app.pageTitle': '{page} · Reintegra',

  'lang.other': 'English',
  'lang.otherCode': 'en',
  'lang.switchHint': 'Przełącz interfejs na angielski',

  'role.admin': 'administrator',
  'role.editor': 'redaktor przepisów',
  'role.reviewer': 'recenzent',
  'role.caseworker': 'pracownik prowadzący sprawy',
  'role.analyst': 'analityk',
  'role.supervisor': 'kierownik zespołu',

  'nav.home': 'Start',
  'nav.questions': 'Pytania i wersje',
  'nav.console': 'Konsola decyzji',
  'nav.trials': 'Próby zmian w prawie',
  'nav.audit': 'Dziennik zmian',

  'route.loading': 'Wczytywanie strony…',
  'route.loadFailed': 'Nie udało się wczytać tej strony. Odśwież przeglądarkę i spróbuj ponownie.',

  'notFound.title': 'Nie ma takiej strony',
  'notFound.text': 'Adres {path} nie prowadzi do żadnej strony.',
  'notFound.home': 'Wróć na stronę startową',

  'forbidden.title': 'Brak uprawnień',
  'forbidden.text': 'Twoja rola ({role}) nie daje dostępu do tej strony.',
} as const;

export const shellEn: { readonly [K in keyof typeof shellPl]: string } = {
  'app.name': 'Reintegra',
  'app.tagline': 'Social-employment law as code',
  'app.skip': 'Skip to content',
  'app.loading': 'Loading…',
  'app.leaveUnsaved': 'This page has unsaved changes. Leave it and lose them?',
  'app.signedInAs': 'Signed in: {name} ({role})',
  'app.signOut': 'Sign out',
  'app.nav': 'Main menu',
  'app.userMenu': 'User and language',
  'app.pageTitle': '{page} · Reintegra',

  'lang.other': 'Polski',
  'lang.otherCode': 'pl',
  'lang.switchHint': 'Switch the interface to Polish',

  'role.admin': 'administrator',
  'role.editor': 'rules editor',
  'role.reviewer': 'reviewer',
  'role.caseworker': 'caseworker',
  'role.analyst': 'analyst',
  'role.supervisor': 'supervisor',

  'nav.home': 'Home',
  'nav.questions': 'Questions and versions',
  'nav.console': 'Decision console',
  'nav.trials': 'Amendment trials',
  'nav.audit': 'Change log',

  'route.loading': 'Loading the page…',
  'route.loadFailed': 'This page could not be loaded. Reload the browser and try again.',

  'notFound.title': 'Page not found',
  'notFound.text': 'The address {path} leads to no page.',
  'notFound.home': 'Back to the home page',

  'forbidden.title': 'Not allowed',
  'forbidden.text': 'Your role ({role}) does not give access to this page.',
};
