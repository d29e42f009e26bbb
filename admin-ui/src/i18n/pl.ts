import { conditionsPl } from './sections/conditions.ts';
import { consolePl } from './sections/console.ts';
import { editorPl } from './sections/editor.ts';
import { rulesPl } from './sections/rules.ts';
import { trialsPl } from './sections/trials.ts';
import { usersPl } from './sections/users.ts';

/**
 * The Polish catalogue: the UI's default language and the source of its message keys.
 * Each area's messages live in sections/<area>.ts, spread in here.
 * Placeholders are written `{name}`; `t()` type-checks that each one is given.
 */
export const pl = {
  ...rulesPl,
  ...editorPl,
  ...conditionsPl,
  ...consolePl,
  ...trialsPl,
  ...usersPl,

  'app.name': 'Reintegra',
  'app.tagline': 'Prawo zatrudnienia socjalnego jako kod',
  'app.skip': 'Przejdź do treści',
  'app.loading': 'Wczytywanie…',
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

  'signIn.title': 'Logowanie',
  'signIn.intro': 'Zaloguj się nazwą użytkownika i hasłem nadanymi przez administratora.',
  'signIn.name': 'Nazwa użytkownika',
  'signIn.password': 'Hasło',
  'signIn.submit': 'Zaloguj się',
  'signIn.busy': 'Logowanie…',

  'home.title': 'Witaj, {name}',
  'home.intro': 'Twoja rola to {role}. Oto co możesz tu zrobić:',
  'home.questions': 'Przeglądać pytania, ich wersje w czasie i artykuły, na których się opierają; redagować zmiany.',
  'home.console': 'Rozstrzygać sprawy: podać fakty osoby i datę, dostać odpowiedź z uzasadnieniem i pokwitowaniem.',
  'home.trials': 'Sprawdzać, jak projekt zmiany przepisów wpłynie na populację: kto zyska, kto straci i ile to kosztuje.',
  'home.audit': 'Przeglądać dziennik zmian i sprawdzać, czy łańcuch wpisów jest nienaruszony.',

  'route.loading': 'Wczytywanie strony…',
  'route.loadFailed': 'Nie udało się wczytać tej strony. Odśwież przeglądarkę i spróbuj ponownie.',
  'notFound.title': 'Nie ma takiej strony',
  'notFound.text': 'Adres {path} nie prowadzi do żadnej strony.',
  'notFound.home': 'Wróć na stronę startową',
  'forbidden.title': 'Brak uprawnień',
  'forbidden.text': 'Twoja rola ({role}) nie daje dostępu do tej strony.',

  'audit.title': 'Dziennik zmian',
  'audit.intro':
    'Każda publikacja przepisów, zmiana szkicu, dodanie użytkownika i logowanie, w kolejności zdarzeń. Każdy wpis zawiera skrót poprzedniego, więc żadnego nie da się zmienić niepostrzeżenie.',
  'audit.chain.ok': 'Łańcuch wpisów jest nienaruszony',
  'audit.chain.okDetail': 'Sprawdzono wszystkie wpisy ({count}): każdy zgadza się ze swoim skrótem i z wpisem poprzednim.',
  'audit.chain.broken': 'Łańcuch wpisów jest naruszony',
  'audit.chain.brokenDetail': 'Pierwszy niezgodny wpis ma numer {seq}.',
  'audit.chain.break.MISSING_ENTRY': 'Brakuje wpisu nr {missing}: usunięto go albo pominięto.',
  'audit.chain.break.BROKEN_LINK': 'Nie wynika z wpisu przed nim: jego skrót poprzedniego wpisu jest inny.',
  'audit.chain.break.CONTENT_CHANGED': 'Jego treść nie zgadza się z jego skrótem: zmieniono go po zapisaniu.',
  'audit.filters': 'Filtry',
  'audit.filter.action': 'Działanie',
  'audit.filter.anyAction': 'Wszystkie działania',
  'audit.filter.kind': '{kind}: wszystkie',
  'audit.filter.actor': 'Kto (nazwa użytkownika)',
  'audit.filter.from': 'Od dnia',
  'audit.filter.to': 'Do dnia (włącznie)',
  'audit.filter.apply': 'Filtruj',
  'audit.filter.clear': 'Wyczyść filtry',
  'audit.caption': 'Wpisy dziennika, od najnowszego',
  'audit.col.seq': 'Nr',
  'audit.col.at': 'Czas',
  'audit.col.actor': 'Kto',
  'audit.col.action': 'Działanie',
  'audit.col.subject': 'Czego dotyczy',
  'audit.col.hash': 'Skrót wpisu',
  'audit.shown': 'Pokazano wpisów: {count}.',
  'audit.more': 'Pokaż starsze wpisy',
  'audit.empty': 'Żaden wpis nie pasuje do filtrów.',
  'audit.system': 'system',
  'audit.action.import': 'import przepisów',
  'audit.action.publish': 'publikacja wersji',
  'audit.action.user.add': 'dodanie użytkownika',
  'audit.action.user.role': 'zmiana roli użytkownika',
  'audit.action.user.disable': 'wyłączenie konta',
  'audit.action.user.enable': 'włączenie konta',
  'audit.action.user.password': 'ustawienie nowego hasła',
  'audit.action.token.create': 'utworzenie tokenu API',
  'audit.action.session.sign_in': 'logowanie',
  'audit.action.draft.open': 'otwarcie szkicu',
  'audit.action.draft.save': 'zapis szkicu',
  'audit.action.draft.submitted': 'przekazanie do recenzji',
  'audit.action.draft.published': 'publikacja szkicu',
  'audit.action.draft.rejected': 'odrzucenie szkicu',
  'audit.action.simulation.start': 'uruchomienie próby',

  'error.BAD_CREDENTIALS': 'Nieprawidłowa nazwa użytkownika lub hasło.',
  'error.UNAUTHENTICATED': 'Sesja wygasła. Zaloguj się ponownie.',
  'error.FORBIDDEN': 'Twoja rola nie pozwala na tę czynność.',
  'error.CSRF': 'Serwer odrzucił żądanie ze względów bezpieczeństwa. Odśwież stronę i spróbuj ponownie.',
  'error.NETWORK': 'Brak połączenia z serwerem. Sprawdź sieć i spróbuj ponownie.',
  'error.INTERNAL': 'Wystąpił błąd serwera; zapisano go w dzienniku serwera.',
  'error.NOT_FOUND': 'Nie znaleziono.',
  'error.INVALID_REQUEST': 'Serwer nie przyjął danych: {message}',
  'error.INVALID_JSON': 'Serwer nie odczytał danych: to nie jest poprawny JSON.',
  'error.HTTP_ERROR': 'Serwer odrzucił żądanie: {message}',
  'error.INVALID_DATE': 'Dzień jest nieprawidłowy: podaj datę w postaci RRRR-MM-DD.',
  'error.UNKNOWN_FACT': 'Tego faktu nie ma w katalogu faktów ani w tej wersji przepisów: {message}',
  'error.INVALID_FACT': 'Wartość faktu jest nieprawidłowa: {message}',
  'error.PARAMETER_NOT_IN_FORCE':
    'Na ten dzień nie ma wartości parametru, z którego korzystają przepisy (kwoty są zapisane od dnia, od którego je znamy). Wybierz późniejszy dzień albo dodaj wartość w edytorze parametrów.',
  'error.EVALUATION_FAILED': 'Nie udało się obliczyć odpowiedzi według tej wersji przepisów: {message}',
  'error.NO_BASE': 'Ten szkic nie powstał z opublikowanej wersji, więc nie ma z czym go porównać.',
  'error.NO_VALID_FROM': 'Nie da się odczytać dnia valid_from szkicu: wpisz go jako RRRR-MM-DD i zapisz szkic.',
  'error.NO_VERSION_IN_FORCE':
    'W dniu valid_from szkicu nie obowiązuje jeszcze żadna wersja przepisów: ustaw późniejszy dzień albo porównaj z wersją, od której zaczęto szkic.',
  'error.TOO_MANY_ATTEMPTS': 'Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za jakiś czas.',
  'error.QUEUE_FULL': 'Kolejka zadań jest pełna: poczekaj, aż skończy się jedno z Twoich zadań, albo spróbuj później.',
  'error.JSON_TOO_DEEP': 'Dane są zagnieżdżone zbyt głęboko, by serwer je przyjął: uprość je.',
  'error.ALREADY_FINISHED': 'Ta próba już się zakończyła, więc nie można jej anulować.',
  'error.generic': 'Serwer zwrócił błąd {code}: {message}',
} as const;

/** A key of the message catalogue. */
export type MessageKey = keyof typeof pl;

/** A catalogue in another language: exactly the Polish keys, each with a string. */
export type Catalogue = { readonly [K in MessageKey]: string };
