/** Messages of user management (/users): Polish (the source of the keys) and English. */
export const usersPl = {
  'users.title': 'Użytkownicy',
  'users.summary': 'Dodawać pracowników, nadawać im role, wyłączać i włączać konta, ustawiać nowe hasła.',
  'users.intro':
    'Osoby, które logują się do Reintegry, i ich role. Wyłączone konto zachowuje historię, ale nie może się zalogować. Każda zmiana trafia do dziennika zmian.',

  'users.new.title': 'Dodaj użytkownika',
  'users.new.name': 'Nazwa użytkownika',
  'users.new.nameHint': 'Od 2 do 64 znaków: litery, cyfry, kropka, myślnik lub podkreślnik; na początku litera lub cyfra.',
  'users.new.role': 'Rola',
  'users.new.password': 'Hasło',
  'users.new.office': 'Urząd (nieobowiązkowe)',
  'users.new.officeHint': 'Na przykład PUP Kraków. Kierownik zespołu widzi decyzje osób ze swojego urzędu.',
  'users.col.office': 'Urząd',
  'users.noOffice': 'nie podano',
  'users.row.office': 'Urząd',
  'users.row.changeOffice': 'Zmień urząd',
  'users.done.office': 'Przypisano użytkownika {name} do urzędu {office}.',
  'users.done.noOffice': 'Użytkownik {name} nie jest już przypisany do żadnego urzędu.',
  'users.new.submit': 'Dodaj użytkownika',
  'users.new.busy': 'Dodawanie…',
  'users.passwordRule':
    'Co najmniej 12 znaków, nie jeden znak powtórzony. Długość chroni najlepiej: kilka zwykłych słów łatwiej zapamiętać niż krótkie hasło ze znakami specjalnymi.',

  'users.caption': 'Użytkownicy, według nazwy',
  'users.col.name': 'Nazwa',
  'users.col.role': 'Rola',
  'users.col.created': 'Dodano',
  'users.col.status': 'Stan',
  'users.col.actions': 'Zmiany',
  'users.status.active': 'aktywne',
  'users.status.disabled': 'wyłączone od {date}',
  'users.you': '(to Ty)',
  'users.empty': 'Nie ma jeszcze żadnych użytkowników.',

  'users.row.for': '(użytkownik {name})',
  'users.row.role': 'Nowa rola',
  'users.row.changeRole': 'Zmień rolę',
  'users.row.password': 'Nowe hasło',
  'users.row.setPassword': 'Ustaw hasło',
  'users.row.disable': 'Wyłącz konto',
  'users.row.enable': 'Włącz konto',
  'users.row.confirmDisable':
    'Wyłączyć konto {name}? Ta osoba zostanie od razu wylogowana i nie zaloguje się, dopóki ktoś nie włączy konta ponownie.',
  'users.row.confirmYes': 'Tak, wyłącz konto',
  'users.row.confirmNo': 'Anuluj',
  'users.row.self': 'Swojej roli ani dostępu nie zmienisz sam; może to zrobić inny administrator.',

  'users.done.added': 'Dodano użytkownika {name} z rolą {role}.',
  'users.done.role': 'Zmieniono rolę użytkownika {name} na {role}; jego sesje zakończono.',
  'users.done.disabled': 'Wyłączono konto {name} i zakończono jego sesje.',
  'users.done.enabled': 'Włączono konto {name}; może się znowu zalogować.',
  'users.done.password': 'Ustawiono nowe hasło użytkownika {name}.',

  'users.error.name':
    'Nazwa musi mieć od 2 do 64 znaków: litery, cyfry, kropka, myślnik lub podkreślnik, na początku litera lub cyfra.',
  'users.error.nameTaken': 'Użytkownik o tej nazwie już istnieje. Wybierz inną nazwę.',
  'users.error.role': 'Wybierz jedną z ról z listy.',
  'users.error.password': 'Hasło musi mieć co najmniej 12 znaków i nie może być jednym znakiem powtórzonym.',

  'error.USER_EXISTS': 'Użytkownik o tej nazwie już istnieje.',
  'error.WEAK_PASSWORD': 'Hasło jest za słabe: co najmniej 12 znaków, nie jeden znak powtórzony.',
  'error.SELF_DISABLE': 'Nie możesz wyłączyć własnego konta; może to zrobić inny administrator.',
  'error.SELF_DEMOTE': 'Nie możesz odebrać sobie roli administratora; może to zrobić inny administrator.',
  'error.LAST_ADMIN': 'To ostatni administrator, który może się zalogować. Najpierw nadaj tę rolę komuś innemu.',
} as const;

export const usersEn: { readonly [K in keyof typeof usersPl]: string } = {
  'users.title': 'Users',
  'users.summary': 'Add staff, give them roles, disable and enable accounts, set new passwords.',
  'users.intro':
    'The people who sign in to Reintegra, and their roles. A disabled account keeps its history but cannot sign in. Every change goes to the change log.',

  'users.new.title': 'Add a user',
  'users.new.name': 'User name',
  'users.new.nameHint': '2 to 64 characters: letters, digits, dot, dash or underscore; starting with a letter or digit.',
  'users.new.role': 'Role',
  'users.new.password': 'Password',
  'users.new.office': 'Office (optional)',
  'users.new.officeHint': 'The name of the labour office. A supervisor sees the decisions of the people of their office.',
  'users.col.office': 'Office',
  'users.noOffice': 'not given',
  'users.row.office': 'Office',
  'users.row.changeOffice': 'Change office',
  'users.done.office': 'User {name} now belongs to the office {office}.',
  'users.done.noOffice': 'User {name} no longer belongs to any office.',
  'users.new.submit': 'Add user',
  'users.new.busy': 'Adding…',
  'users.passwordRule':
    'At least 12 characters, not one character repeated. Length protects best: a few ordinary words are easier to remember than a short password of special characters.',

  'users.caption': 'Users, by name',
  'users.col.name': 'Name',
  'users.col.role': 'Role',
  'users.col.created': 'Added',
  'users.col.status': 'Status',
  'users.col.actions': 'Changes',
  'users.status.active': 'active',
  'users.status.disabled': 'disabled since {date}',
  'users.you': '(you)',
  'users.empty': 'There are no users yet.',

  'users.row.for': '(user {name})',
  'users.row.role': 'New role',
  'users.row.changeRole': 'Change role',
  'users.row.password': 'New password',
  'users.row.setPassword': 'Set password',
  'users.row.disable': 'Disable account',
  'users.row.enable': 'Enable account',
  'users.row.confirmDisable':
    'Disable the account of {name}? They are signed out at once and cannot sign in until someone enables the account again.',
  'users.row.confirmYes': 'Yes, disable the account',
  'users.row.confirmNo': 'Cancel',
  'users.row.self': 'You cannot change your own role or access; another administrator can.',

  'users.done.added': 'Added the user {name} with the role {role}.',
  'users.done.role': 'Changed the role of {name} to {role}; their sessions were ended.',
  'users.done.disabled': 'Disabled the account of {name} and ended their sessions.',
  'users.done.enabled': 'Enabled the account of {name}; they can sign in again.',
  'users.done.password': 'Set a new password for {name}.',

  'users.error.name':
    'The name must have 2 to 64 characters: letters, digits, dot, dash or underscore, starting with a letter or digit.',
  'users.error.nameTaken': 'A user with this name already exists. Choose another name.',
  'users.error.role': 'Choose one of the roles in the list.',
  'users.error.password': 'The password must have at least 12 characters and must not be one character repeated.',

  'error.USER_EXISTS': 'A user with this name already exists.',
  'error.WEAK_PASSWORD': 'The password is too weak: at least 12 characters, not one character repeated.',
  'error.SELF_DISABLE': 'You cannot disable your own account; another administrator can.',
  'error.SELF_DEMOTE': 'You cannot take away your own admin role; another administrator can.',
  'error.LAST_ADMIN': 'This is the last administrator who can sign in. Give the role to someone else first.',
};
