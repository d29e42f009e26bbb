/**
 * The server's error codes in words (`error.<CODE>`, read by error-message.ts): Polish (the source of the keys) and
 * English. A feature keeps the codes that only its own routes answer with in its own messages.ts.
 */
export const errorsPl = {
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
  'error.generic': 'Serwer zwrócił błąd {code}: {message}',
  'error.TOO_MANY_ATTEMPTS': 'Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za jakiś czas.',
  'error.QUEUE_FULL': 'Kolejka zadań jest pełna: poczekaj, aż skończy się jedno z Twoich zadań, albo spróbuj później.',
  'error.JSON_TOO_DEEP': 'Dane są zagnieżdżone zbyt głęboko, by serwer je przyjął: uprość je.',
  'error.INVALID_WINDOW':
    'Okres próby jest błędny: rok końcowy nie może być wcześniejszy niż początkowy, a okres obejmuje najwyżej 10 lat.',
  'error.OFFICE_EXISTS': 'Ten urząd ma już ustawienia: zmień je zamiast dodawać od nowa.',
  'error.UNDETERMINED': 'Odpowiedź jest niepełna: uzupełnij brakujące fakty i zapytaj ponownie, zanim przygotujesz dokument.',
  'error.ALREADY_FINISHED': 'Ta próba już się zakończyła, więc nie można jej anulować.',
  'error.NOTHING_TO_REPLAY':
    'Szkic nie zmienia żadnego przepisu, wartości ani katalogu, więc żadna decyzja nie mogłaby się zmienić.',
} as const;

export const errorsEn: { readonly [K in keyof typeof errorsPl]: string } = {
  'error.BAD_CREDENTIALS': 'Wrong user name or password.',
  'error.UNAUTHENTICATED': 'Your session has expired. Sign in again.',
  'error.FORBIDDEN': 'Your role does not allow this.',
  'error.CSRF': 'The server refused the request for security reasons. Reload the page and try again.',
  'error.NETWORK': 'The server cannot be reached. Check the network and try again.',
  'error.INTERNAL': 'Something went wrong on the server; it was logged there.',
  'error.NOT_FOUND': 'Not found.',
  'error.INVALID_REQUEST': 'The server did not accept the data: {message}',
  'error.INVALID_JSON': 'The server could not read the data: it is not valid JSON.',
  'error.HTTP_ERROR': 'The server refused the request: {message}',
  'error.INVALID_DATE': 'The day is not valid: give the date as YYYY-MM-DD.',
  'error.UNKNOWN_FACT': 'This fact is neither in the facts catalogue nor in this version of the law: {message}',
  'error.INVALID_FACT': 'The value of a fact is not valid: {message}',
  'error.PARAMETER_NOT_IN_FORCE':
    'No value of a parameter the law uses is known for this day (amounts are recorded from the day they are known). Choose a later day, or add the value in the parameters editor.',
  'error.EVALUATION_FAILED': 'The answer could not be computed under this version of the law: {message}',
  'error.NO_BASE': 'This draft did not start from a published version, so there is nothing to compare it with.',
  'error.NO_VALID_FROM': "The draft's valid_from cannot be read: write it as YYYY-MM-DD and save the draft.",
  'error.NO_VERSION_IN_FORCE':
    "No version of the law is in force yet on the draft's valid_from: set a later day, or compare with the version the draft started from.",
  'error.generic': 'The server answered with error {code}: {message}',
  'error.TOO_MANY_ATTEMPTS': 'Too many failed sign-ins. Try again in a while.',
  'error.QUEUE_FULL': 'The job queue is full: wait for one of your jobs to end, or try again later.',
  'error.JSON_TOO_DEEP': 'The data is nested too deeply for the server to accept: flatten it.',
  'error.INVALID_WINDOW':
    'The trial period is wrong: the last year cannot come before the first, and a period spans at most 10 years.',
  'error.OFFICE_EXISTS': 'This office has settings already: change them instead of adding them again.',
  'error.UNDETERMINED': 'The answer is incomplete: give the missing facts and ask again before drafting the document.',
  'error.ALREADY_FINISHED': 'This run has already ended, so it cannot be cancelled.',
  'error.NOTHING_TO_REPLAY': 'The draft changes no provision, value or catalogue entry, so no decision could change.',
};
