/** Messages of the sign-in form: Polish (the source of the keys) and English. */
export const signInPl = {
  'signIn.title': 'Logowanie',
  'signIn.intro': 'Zaloguj się nazwą użytkownika i hasłem nadanymi przez administratora.',
  'signIn.name': 'Nazwa użytkownika',
  'signIn.password': 'Hasło',
  'signIn.submit': 'Zaloguj się',
  'signIn.busy': 'Logowanie…',
} as const;

export const signInEn: { readonly [K in keyof typeof signInPl]: string } = {
  'signIn.title': 'Sign in',
  'signIn.intro': 'Sign in with the user name and password your administrator gave you.',
  'signIn.name': 'User name',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.busy': 'Signing in…',
};
