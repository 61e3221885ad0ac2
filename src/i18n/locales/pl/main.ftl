# Katalog polski. Oficjalne terminy pochodzą z polskiego dokumentu źródłowego z 2021 r.
# (Klienci, Dodaj produkty, Oprogramowanie, Pobierz klucz, Kopiuj link, Dziennik aktywności...).

app-name = CSP Desk
skip-to-content = Przejdź do zawartości
nav-label = Menu główne
breadcrumbs-label = Ścieżka nawigacji
nav-home = Strona główna
nav-customers = Klienci
nav-billing = Rozliczenia
nav-support = Pomoc techniczna
nav-account = Ustawienia konta
tile-customers = Znajdź klienta, dodaj produkty i zarządzaj jego oprogramowaniem.
tile-billing = Faktury miesięczne i kredyty.
tile-support = Zgłoś problem i śledź swoje wnioski o pomoc techniczną.
tile-account = Twój profil, role i preferencje.
home-welcome = Witamy, { $name }
home-current-hint = Wybierz obszar roboczy z menu po lewej stronie.
view-workspaces = Widok obszarów roboczych
view-current = Bieżący widok
language = Język
language-apply = Zmień język
language-en = English
language-tr = Türkçe
language-hu = Magyar
language-pl = Polski
language-ru = Русский
language-zh-Hans = 简体中文
language-ko = 한국어
gear-label = Ustawienia
sign-out = Wyloguj się

signin-title = Zaloguj się
signin-email = Adres e-mail
signin-password = Hasło
signin-submit = Zaloguj się
signin-failed = Adres e-mail lub hasło jest nieprawidłowe.
signin-locked = Zbyt wiele nieudanych prób logowania na to konto. Spróbuj ponownie za { $minutes } min.

profile-title = Mój profil
profile-name = Imię i nazwisko
profile-email = Adres e-mail
profile-roles = Twoje role
profile-language = Język
profile-view = Układ pulpitu nawigacyjnego

role-admin-agent = Agent administracyjny
role-global-admin = Administrator globalny
role-sales-agent = Agent sprzedaży
role-helpdesk-agent = Agent pomocy technicznej
role-billing-admin = Administrator rozliczeń
role-account-admin = Administrator konta
role-referral-admin = Administrator poleceń
role-marketing-admin = Administrator zawartości marketingowej
role-customer-global-admin = Administrator globalny (klient)
role-customer-user = Użytkownik (klient)
role-support-engineer = Inżynier pomocy technicznej

billing-empty = Nie ma jeszcze faktur. Faktura za dany miesiąc jest otwierana wraz z pierwszym zamówieniem złożonym w tym miesiącu.
support-empty = Nie masz wniosków o pomoc techniczną.

customers-search-label = Wyszukaj klientów
customers-search-placeholder = Nazwa firmy, domena lub identyfikator dzierżawy
customers-search-submit = Szukaj
customers-search-too-long = Wyszukiwany tekst jest za długi: użyj maksymalnie { $max } znaków.
customers-none = Nie ma jeszcze klientów.
customers-no-match = Żaden klient nie pasuje do wyszukiwania.
customers-count = { $count ->
    [one] 1 klient
    [few] { $count } klienci
    [many] { $count } klientów
   *[other] { $count } klienta
}
customers-count-more = Liczba klientów: ponad { $count }
customer-add = Dodaj klienta
customer-add-submit = Dodaj klienta
customer-added = Dodano klienta { $name }.
customer-company-name = Nazwa firmy
customer-domain = Domena podstawowa
customer-tenant-id = Identyfikator dzierżawy
customer-market = Rynek
customer-market-iso = Rynek (kod kraju ISO)
customer-since = Klient od
customer-currency = Waluta rozliczeniowa
customer-error-name-required = Wprowadź nazwę firmy.
customer-error-name-invalid = Nazwa firmy może mieć maksymalnie 200 znaków i nie może zawierać znaków sterujących.
customer-error-domain-invalid = Wprowadź nazwę domeny, na przykład contoso.com.
customer-error-domain-taken = Ta domena jest już przypisana do klienta.
customer-error-market-invalid = Wybierz rynek z listy.
customer-error-currency-invalid = Wybierz walutę z listy.
customer-tabs-label = Szczegóły klienta
add-products = Dodaj produkty
tab-software = Oprogramowanie
tab-order-history = Historia zamówień
software-empty = Nie kupiono jeszcze żadnego oprogramowania dla tego klienta.
software-search = Znajdź zakup
software-search-hint = Część nazwy produktu.
software-search-found = Zakupy pasujące do „{ $q }”
software-search-none = Brak zakupu produktu o tej nazwie.
software-search-clear = Pokaż wszystkie zakupy
orders-empty = Ten klient nie ma jeszcze zamówień.

form-has-errors = Popraw pola oznaczone poniżej.
form-cancel = Anuluj

pager-label = Strony
support-requests-total = { $count ->
    [one] 1 wniosek
    [few] { $count } wnioski
    [many] { $count } wniosków
   *[other] { $count } wniosku
}
support-requests-total-more = Liczba wniosków: ponad { $count }
pager-newest = Najnowsze
pager-older = Starsze
pager-orders-total = { $count ->
    [one] 1 zamówienie
    [few] { $count } zamówienia
    [many] { $count } zamówień
   *[other] { $count } zamówienia
}
pager-purchases-total = { $count ->
    [one] 1 zakup
    [few] { $count } zakupy
    [many] { $count } zakupów
   *[other] { $count } zakupu
}

error-go-home = Przejdź do strony głównej
error-400-title = Nieprawidłowe żądanie
error-400-message = Nie można zrozumieć żądania. Wróć i spróbuj ponownie.
form-malformed = Formularz dotarł niekompletny lub uszkodzony, więc nic nie zostało zapisane. Wróć, odśwież stronę i wyślij formularz ponownie.
form-too-large = Formularz był większy, niż akceptuje ta strona, więc nic nie zostało zapisane. Wróć i wyślij mniej danych.
error-403-title = Niedozwolone
error-403-message = Nie masz uprawnień do tej strony lub akcji. Jeśli strona była otwarta przez długi czas, odśwież ją i spróbuj ponownie.
error-404-title = Nie znaleziono
error-404-message = Nic tu nie ma lub nie masz do tego dostępu.
error-405-title = Niedozwolone
error-405-message = Ten adres nie przyjmuje tego rodzaju żądań.
error-409-title = Konflikt
error-409-message = Ktoś inny zmienił te dane w tym samym czasie. Odśwież stronę i spróbuj ponownie.
error-410-title = Już niedostępne
error-410-message = Ten zasób nie jest już dostępny.
error-413-title = Za duży rozmiar
error-413-message = Przesłane dane przekraczają dozwolony rozmiar.
error-422-title = Sprawdź wprowadzone dane
error-422-message = Nie można zaakceptować części wprowadzonych danych.
error-429-title = Zbyt wiele żądań
error-429-message = Zbyt wiele prób. Odczekaj kilka minut i spróbuj ponownie.
error-500-title = Coś poszło nie tak
error-500-message = Po naszej stronie wystąpił nieoczekiwany błąd, który został zarejestrowany. Spróbuj ponownie później.
error-503-title = Usługa tymczasowo niedostępna
error-503-message = Usługa nie może obecnie połączyć się ze swoją bazą danych. Spróbuj ponownie za chwilę.

catalog-for-customer = Dla klienta { $customer }
catalog-family = Rodzina produktów
catalog-all = Wszystkie
catalog-licence = Licencja
catalog-search = Wyszukaj produkty
catalog-filter = Filtruj
catalog-none = Żaden produkt nie pasuje do tych filtrów.
catalog-product = Produkt
catalog-price = Cena
catalog-quantity = Ilość
catalog-add-to-cart = Dodaj do koszyka
catalog-review-cart = Przejrzyj ({ $count })
catalog-added = Dodano do koszyka: { $quantity } × { $product }.
catalog-unknown-product = Ten produkt nie istnieje lub nie jest już sprzedawany.
catalog-unavailable-azure-market = Rezerwacje platformy Azure są niedostępne na rynku tego klienta ({ $market }).
catalog-unavailable-no-price = Produkt nie jest sprzedawany w walucie rozliczeniowej tego klienta.
licence-perpetual = Bezterminowa
licence-subscription-any = Subskrypcja
licence-subscription = Subskrypcja na { $years ->
    [one] 1 rok
    [few] { $years } lata
    [many] { $years } lat
   *[other] { $years } roku
}
quantity-out-of-range = Ilość musi mieścić się w zakresie od 1 do 1000.
quantity-not-a-number = Ilość musi być liczbą całkowitą z zakresu od 1 do 1000.
quantity-cart-over-limit = Koszyk może zawierać maksymalnie 1000 sztuk jednego produktu.
tax-excluded = Ceny nie obejmują podatku.
tax-included-au = Ceny obejmują podatek GST ({ $rate }%).
tax-included-br = Ceny obejmują podatek ({ $rate }%).
tax-part = W tym podatek: { $amount }
family-windows-server = Windows Server
family-sql-server = SQL Server
family-azure-reservation = Rezerwacja platformy Azure
family-linux-plan = Plan oprogramowania SUSE / Red Hat na platformie Azure
family-windows-esu = Rozszerzone aktualizacje zabezpieczeń systemu Windows

review-title = Przejrzyj
review-empty = Koszyk jest pusty.
review-unit-price = Cena jednostkowa
review-amount = Kwota
review-remove = Usuń
review-update = Aktualizuj
review-total = Suma
review-place-order = Kup
review-continue = Dodaj więcej produktów
review-updated = Ilość została zmieniona.
review-removed = Produkt został usunięty z koszyka.
order-title = Zamówienie { $number }
order-number = Numer zamówienia
order-customer = Klient
order-placed-at = Złożono (UTC)
order-placed-by = Złożone przez
order-status = Stan
order-tax = Podatek
order-lines = Pozycje
order-to-history = Przejdź do strony Historia zamówień
order-tax-included = Zawiera podatek ({ $rate }%)
order-tax-excluded = Nie zawiera podatku
order-status-completed = Zrealizowane
order-status-cancelled = Anulowane
order-status-partly-cancelled = Częściowo anulowane
order-line-count = { $count ->
    [one] 1 pozycja
    [few] { $count } pozycje
    [many] { $count } pozycji
   *[other] { $count } pozycji
}
order-placed = Złożono zamówienie { $number }.
order-already-placed = Zamówienie { $number } zostało już złożone; nie złożono go po raz drugi.
order-cart-already-ordered = Ten koszyk został już zamówiony jako zamówienie { $number } z innej strony Przejrzyj; nic nie zostało zamówione ponownie.
order-prices-changed = Od wyświetlenia tej strony zmieniły się ceny lub ilości. Sprawdź nowe kwoty i ponownie wybierz przycisk Kup.
order-empty-cart = Koszyk jest pusty: dodaj produkty, zanim złożysz zamówienie.
order-form-expired = Ten formularz jest nieaktualny. Sprawdź poniższy koszyk i ponownie wybierz przycisk Kup.

## Strona Oprogramowanie
software-product = Produkt
software-purchased = Data zakupu (UTC)
software-status = Stan
software-status-active = Aktywny
software-status-cancelled = Anulowany
software-open = Klucze i pliki do pobrania
software-choose = Wybierz wersję, język i architekturę
software-version = Wersja produktu
software-language = Język
software-file-type = Architektura / typ pliku
software-get-keys-and-downloads = Pobierz klucze i pliki do pobrania
software-selection-not-offered = Ta kombinacja wersji, języka i typu pliku nie jest oferowana dla tego produktu. Wybierz ponownie z list.
software-file = Plik
software-size = Rozmiar
file-size-bytes = { $bytes } B
software-sha256 = SHA-256
software-get-key = Pobierz klucz
software-download = Pobierz
software-copy-link = Kopiuj link
software-copy = Kopiuj
software-copy-key = Kopiuj klucz do schowka
software-copied = Skopiowano do schowka.
software-new-link = Nowy link do pobrania (wyświetlany tylko teraz; każdy, kto go ma, może pobrać plik)
software-no-file = Dla tego wariantu nie zarejestrowano jeszcze żadnego pliku.
software-links = Linki do pobrania
software-link-variant = Wariant
software-link-created = Utworzono (UTC)
software-link-created-by = Utworzony przez
software-link-meter = Pozostało
software-cancelled-no-key = Ten zakup został anulowany: jego klucz i linki do pobrania już nie działają.
software-plan-no-files = Ten plan oprogramowania działa na platformie Azure: nie ma klucza produktu ani plików do pobrania.
software-key-title = Klucz produktu
software-key-mak = Klucz aktywacji wielokrotnej (MAK): jeden klucz aktywuje wiele urządzeń.
software-back = Wróć do zakupu
software-close = Zamknij
software-kms-title = Potrzebujesz klucza KMS?
software-kms-text = Zakupy w tym kanale są aktywowane za pośrednictwem klucza aktywacji wielokrotnej (MAK). Klucze usługi zarządzania kluczami (KMS) nie są dostępne, nawet na żądanie. Aby bez przestojów przenieść urządzenia, które obecnie aktywują się za pomocą usługi KMS, wdróż klucz MAK w ciągu 180 dni, przez które ich aktywacja KMS pozostaje ważna.
link-meter = Pozostało pobrań: { $left } z { $max } · wygasa { $date }
link-state-expired = Wygasł { $date }
link-state-used-up = Wykorzystano wszystkie pobrania ({ $max })
link-state-revoked = Odwołany
link-gone-title = Ten link do pobrania już nie działa
link-gone-expired = Link wygasł: linki działają przez 14 dni.
link-gone-used-up = Link został wykorzystany do wszystkich 50 pobrań.
link-gone-revoked = Link został odwołany, ponieważ zakup anulowano.
link-gone-advice = Poproś partnera o nowy link; każdy nowy link działa przez kolejne 14 dni lub 50 pobrań.
variant-language-en-US = Angielski (Stany Zjednoczone)
variant-language-tr-TR = Turecki
variant-language-hu-HU = Węgierski
variant-language-pl-PL = Polski
variant-language-ru-RU = Rosyjski
variant-language-ko-KR = Koreański
variant-language-zh-CN = Chiński (uproszczony)
variant-file-type-x64_iso = x64 ISO
variant-file-type-x86_iso = x86 ISO
variant-file-type-x64_cab = x64 CAB
variant-file-type-x64_msu = x64 MSU
variant-file-type-x86_msu = x86 MSU

## Centrum administracyjne klienta
nav-your-products = Twoje produkty
tile-your-products = Oprogramowanie kupione dla Twojej organizacji wraz z kluczami i plikami do pobrania.
your-products-title = Twoje produkty
access-title = Dostęp do kluczy i pobrań
access-intro = Osoby, które wyświetliły Twoje klucze produktów lub pobrały Twoje oprogramowanie, od najnowszych wpisów. Godziny są podane w strefie UTC.
access-empty = Nikt jeszcze nie wyświetlił klucza ani nie pobrał oprogramowania.
access-when = Czas (UTC)
access-who = Kto
access-operation = Co
access-older = Starsze wpisy
access-by-link-unknown = Link do pobrania
access-by-link = Link do pobrania, z adresu { $ip }
activity-op-key-viewed = Wyświetlono klucz
activity-op-downloaded = Pobrano
activity-op-link-created = Utworzono link
activity-op-link-used = Pobrano przez link
activity-op-link-refused = Odmowa pobrania przez link
activity-op-purchase-cancelled = Anulowano zakup
activity-op-order-placed = Złożono zamówienie

## Przenoszenie z licencjonowania zbiorowego (KMS) do CSP
kms-title = Przenoszenie z licencjonowania zbiorowego do CSP bez przestojów
kms-intro = Urządzenia aktywowane za pomocą usługi KMS pozostają aktywne przez 180 dni, zanim spróbują odnowić aktywację. Zainstaluj klucz aktywacji wielokrotnej z tego zakupu na każdym urządzeniu przed upływem tego czasu, a nic nie przestanie działać. Podaj, kiedy urządzenia ostatnio aktywowały się w usłudze KMS: jedną datę dla wszystkich albo plik CSV z jednym urządzeniem w każdym wierszu (nazwa urządzenia, data w formacie RRRR-MM-DD).
kms-activated-on = Ostatnia aktywacja KMS (wszystkie urządzenia)
kms-devices-file = Lub lista urządzeń (CSV)
kms-devices-hint = Na przykład: SRV-01,2026-06-01. Dozwolony jest wiersz nagłówka. Maksymalnie 10 000 urządzeń, 1 MB.
kms-submit = Pokaż terminy
kms-plan-title = Terminy odnowienia
kms-device = Urządzenie
kms-last-activation = Ostatnia aktywacja KMS (UTC)
kms-deadline = Termin odnowienia (UTC)
kms-days = Pozostało dni
kms-days-left = { $days ->
    [one] 1 dzień
    [few] { $days } dni
    [many] { $days } dni
   *[other] { $days } dnia
}
kms-overdue-since = po terminie od { $date }
kms-all-devices = Wszystkie urządzenia
kms-commands = Polecenia dla każdego urządzenia (uruchom jako administrator)
kms-script = Pobierz jako skrypt
kms-script-about = Instaluje klucz aktywacji wielokrotnej produktu { $product } (zamówienie { $order }) i aktywuje system Windows.
kms-script-run-as = Uruchom w wierszu polecenia z podwyższonymi uprawnieniami na każdym urządzeniu przed upływem jego terminu odnowienia KMS.
kms-bad-rows = Te wiersze zostały pominięte; pozostałe są wymienione poniżej.
kms-bad-row = Wiersz { $line }: { $reason }
kms-row-unreadable = nie można odczytać wiersza jako CSV.
kms-row-columns = oczekiwano dwóch wartości: nazwy urządzenia i daty.
kms-row-name = nazwa urządzenia jest pusta, za długa lub zawiera znaki sterujące.
kms-row-date = data nie jest w formacie RRRR-MM-DD.
kms-row-future = data przypada w przyszłości.
kms-row-too-early = data jest wcześniejsza niż 2000-01-01.
kms-row-too-many = ponad 10 000 urządzeń; podziel listę.
kms-error-nothing = Wprowadź datę lub wybierz listę urządzeń.
kms-error-date = Wprowadź datę w formacie RRRR-MM-DD.
kms-error-future = Ostatnia aktywacja nie może przypadać w przyszłości. Wprowadź datę, w której urządzenia ostatnio aktywowały się w usłudze KMS.
kms-error-too-early = Wprowadź datę 2000-01-01 lub późniejszą.

## Anulowanie zakupu
software-cancel = Anuluj
cancel-title = Anuluj zakup
cancel-show-order = Pokaż
cancel-state-open = { $days ->
    [one] Na anulowanie tego zamówienia pozostał 1 dzień (do { $until }).
    [few] Na anulowanie tego zamówienia pozostały { $days } dni (do { $until }).
    [many] Na anulowanie tego zamówienia pozostało { $days } dni (do { $until }).
   *[other] Na anulowanie tego zamówienia pozostało { $days } dnia (do { $until }).
}
cancel-state-passed = Okres anulowania zakończył się { $ended }. Tego zamówienia nie można już anulować w tym miejscu.
cancel-state-never = Planów oprogramowania SUSE Linux i Red Hat na platformie Azure nie można anulować ani wymienić.
cancel-state-support-only = Ten produkt można anulować tylko za pomocą wniosku o pomoc techniczną.
cancel-state-already = Zakup tego produktu w tym zamówieniu został już anulowany.
cancel-support-link = Prześlij wniosek o pomoc techniczną
cancel-important = Ważne
cancel-important-revoked = Wszystkie klucze produktów i linki do pobrania związane z tym zakupem natychmiast przestaną działać. Ty i Twój klient odpowiadacie za odinstalowanie anulowanego oprogramowania i usunięcie wszelkich kopii pobranych plików.
cancel-important-listed = Anulowany zakup będzie nadal wyświetlany na stronie Oprogramowanie klienta z oznaczeniem „Anulowany”, ale bez klucza aktywacji.
cancel-important-credit = Kredyt za anulowane zamówienie pojawi się na następnej fakturze miesięcznej: oprogramowanie bezterminowe otrzyma zwrot 100% środków, a subskrypcje oprogramowania — kredyt proporcjonalny za niewykorzystane dni okresu subskrypcji.
cancel-acknowledge = Potwierdzam przeczytanie ważnego komunikatu dotyczącego anulowania.
cancel-credit-preview = Kredyt w wysokości { $amount } pojawi się na fakturze za { $invoice }.
cancel-submit = Prześlij
cancel-back = Wróć do strony Oprogramowanie
cancel-done = Zamówienie { $order }: anulowano produkt { $product }. Jego klucze i linki do pobrania już nie działają. Kredyt w wysokości { $amount } pojawi się na fakturze za { $invoice }.
cancel-already = To zamówienie zostało już anulowane. Nie wykonano żadnych dalszych działań.
cancel-error-acknowledge = Zaznacz pole wyboru, aby potwierdzić przeczytanie ważnego komunikatu. Nic nie zostało anulowane.
cancel-error-not-in-order = To zamówienie nie zawiera produktu { $product }. Wybierz jedno z zamówień z listy. Nic nie zostało anulowane.
cancel-error-refused = { $reason } Nic nie zostało anulowane.

## Miesiące i faktury
invoice-line-count = { $count ->
    [one] 1 pozycja
    [few] { $count } pozycje
    [many] { $count } pozycji
   *[other] { $count } pozycji
}
invoice-status-open = otwarta
invoice-status-issued = wystawiona
order-line-cancelled = (anulowano: { $count })

## Rozliczenia: faktury miesięczne
billing-invoices = Faktury miesięczne
billing-hint = Jedna faktura na miesiąc kalendarzowy (UTC) i walutę. Faktura za bieżący miesiąc jest otwarta i rośnie z każdym zamówieniem i kredytem; faktury za wcześniejsze miesiące są wystawione i już się nie zmieniają.
invoice-title = Faktura za { $month } · { $currency }
invoice-month = Miesiąc
invoice-currency = Waluta
invoice-status = Stan
invoice-number = Numer faktury
invoice-issued-on = Data wystawienia
invoice-period = Okres
invoice-charges = Opłaty
invoice-credits = Kredyty
invoice-net = Suma
invoice-open-hint = faktura za bieżący miesiąc; przyznane teraz kredyty pojawią się tutaj
invoice-empty = W tym miesiącu nie złożono jeszcze żadnych zamówień ani nie przyznano kredytów.
invoice-date = Data (UTC)
invoice-kind = Typ
invoice-customer = Klient
invoice-amount = Kwota
invoice-kind-charge = Zamówienie
invoice-kind-cancellation = Kredyt: anulowanie
invoice-kind-refund = Kredyt: zatwierdzony zwrot
invoice-download-pdf = Pobierz plik PDF
invoice-pdf-page = Strona { $number }
invoice-download-csv = Pobierz plik CSV
invoice-back = Wróć do strony Rozliczenia
invoice-csv-date = Data (UTC)
invoice-csv-kind = Typ
invoice-csv-customer = Klient
invoice-csv-tenant = Identyfikator dzierżawy
invoice-csv-order = Numer zamówienia
invoice-csv-product = Produkt
invoice-csv-quantity = Ilość
invoice-csv-amount = Kwota
invoice-csv-currency = Waluta
invoice-csv-tax = Podatek

## Wnioski o pomoc techniczną (strona partnera)
support-report = Zgłoś problem
support-my-requests = Moje wnioski o pomoc techniczną
support-number = Wniosek
support-title = Tytuł
support-type = Typ problemu
support-impact = Wpływ
support-choose = Wybierz…
support-description = Opis
support-tenant = Identyfikator GUID dzierżawy klienta lub nazwa domeny
support-tenant-hint = Jeden z Twoich klientów, np. adatum.test.
support-order = Identyfikator zamówienia lub subskrypcji
support-order-hint = Numer zamówienia ze strony Historia zamówień klienta lub identyfikator zamówienia. Wymagane w przypadku zwrotu.
support-reason = Przyczyna zwrotu pieniędzy lub opis problemu
support-amount = Żądana kwota
support-amount-hint = W przypadku zwrotu: w walucie zamówienia, maksymalnie zapłacona kwota pomniejszona o przyznane już kredyty, np. 1069,00.
support-contact = Kontakt
support-contact-name = Imię i nazwisko
support-contact-email = Adres e-mail
support-contact-phone = Numer telefonu
support-filed-at = Złożono (UTC)
support-status = Stan
support-timeline = Korespondencja
support-back = Wróć do strony Moje wnioski o pomoc techniczną
support-approved-amount = Zatwierdzona kwota
support-request-title = Wniosek { $number }
support-prefill-title = Zwrot za zamówienie { $order }
support-filed = Wniosek { $number } został przesłany. Pomoc techniczna odpowie w tym miejscu.
support-type-refund = Zakup/zwrot CSP w imieniu klientów
support-type-billing = Rozliczenia i faktury
support-type-order = Zamówienia i aprowizacja
support-type-keys-downloads = Klucze produktów i pliki do pobrania
support-type-other = Inny problem
support-impact-critical = Krytyczny: działalność klienta jest wstrzymana
support-impact-high = Wysoki: problem poważnie utrudnia pracę klienta
support-impact-moderate = Umiarkowany: klient może obejść problem
support-impact-low = Niski: pytanie lub drobny problem
support-status-new = Nowy
support-status-in-review = W trakcie przeglądu
support-status-waiting-for-partner = Oczekuje na Twoją odpowiedź
support-status-approved = Zatwierdzony
support-status-rejected = Odrzucony
support-event-filed = Złożono wniosek
support-event-taken = Przejęty przez pomoc techniczną
support-event-info-requested = Poproszono o więcej informacji
support-event-replied = Odpowiedź
support-event-approved = Zatwierdzono
support-event-rejected = Odrzucono
support-error-type = Wybierz typ problemu.
support-error-impact = Wybierz wpływ.
support-error-title = Wprowadź tytuł o długości maksymalnie 150 znaków.
support-error-reason = Opisz przyczynę, używając maksymalnie 4000 znaków.
support-error-tenant = Wprowadź identyfikator GUID dzierżawy lub nazwę domeny jednego z Twoich klientów.
support-error-order-required = Zwrot wymaga wskazania zamówienia: wprowadź jego numer lub identyfikator.
support-error-order = Ten klient nie ma zamówienia o takim numerze ani identyfikatorze.
support-error-amount-required = Wprowadź kwotę, o którą wnioskujesz.
support-error-amount-malformed = Wprowadź kwotę cyframi z separatorem dziesiętnym, np. 1069,00.
support-error-amount-positive = Kwota musi być większa od zera.
support-error-amount-precision = Kwota ma więcej miejsc po przecinku, niż dopuszcza waluta zamówienia.
support-error-amount-above = Kwota przekracza sumę możliwą do zwrotu dla tego zamówienia (zapłacona kwota pomniejszona o przyznane już kredyty).
support-error-contact-name = Wprowadź swoje imię i nazwisko.
support-error-contact-email = Wprowadź adres e-mail, na przykład nazwa@example.com.
support-error-contact-phone = Wprowadź numer telefonu zawierający od 6 do 15 cyfr, np. +48 22 555 01 00.
activity-op-support-request-filed = Złożono wniosek o pomoc techniczną
support-add-files = Dodaj pliki
support-files-hint = Opcjonalnie. Maksymalnie 5 plików o rozmiarze do 10 MB każdy: PDF, PNG, JPEG, TXT, CSV lub EML.
support-files-too-many = Wybierz maksymalnie 5 plików.
support-error-file-size = Każdy plik może mieć maksymalnie 10 MB. Wybierz mniejszy plik.
support-error-file-count = Nie dodano pliku { $name }: wiadomość może zawierać maksymalnie 5 plików.
support-error-file-type = Nie dodano pliku { $name }: akceptowane są tylko pliki PDF, PNG, JPEG, TXT, CSV i EML, których zawartość odpowiada ich typowi.
support-error-file-empty = Nie dodano pliku { $name }: plik jest pusty.
support-error-files = Nie można było dodać niektórych plików. Wybierz pliki ponownie.
support-reply = Odpowiedz pomocy technicznej
support-reply-body = Twoja odpowiedź
support-reply-send = Wyślij odpowiedź
support-replied = Twoja odpowiedź została wysłana do pomocy technicznej.
support-not-waiting = Pomoc techniczna nie oczekuje na odpowiedź w sprawie tego wniosku; nic nie zostało wysłane.
support-error-message = Napisz wiadomość o długości maksymalnie 4000 znaków.
nav-console = Konsola pomocy technicznej
tile-console = Przeglądaj wnioski o pomoc techniczną wszystkich partnerów, proś o informacje oraz zatwierdzaj lub odrzucaj zwroty.
console-age-days = { $n ->
    [one] 1 dzień
    [few] { $n } dni
    [many] { $n } dni
   *[other] { $n } dnia
}
console-age-hours = { $n ->
    [one] 1 godzina
    [few] { $n } godziny
    [many] { $n } godzin
   *[other] { $n } godziny
}
console-filter-open = Otwarte (nowe, w trakcie przeglądu, oczekujące na partnera)
console-filter-all = Wszystkie
console-sort = Kolejność
console-sort-oldest = Najdłużej oczekujące najpierw
console-sort-newest = Najnowsze najpierw
console-show = Pokaż
console-empty = Żaden wniosek nie pasuje do tego filtru.
console-waiting = Czas oczekiwania
console-partner = Partner
console-assignee = Przypisano do
console-order = Zamówienie { $number }
console-placed = Złożono (UTC):
console-paid = Zapłacono
console-credited = Przyznany kredyt
console-refundable = Możliwy zwrot
console-window = Okres anulowania
console-total = Suma
console-credits = Kredyty już przyznane dla tego zamówienia
console-decide = Decyzja
console-take = Przejmij ten wniosek
console-ask-body = Pytanie do partnera
console-ask = Poproś o więcej informacji
console-approve-amount = Kwota do zwrotu
console-approve-hint = Nie więcej niż żądana kwota i nie więcej niż { $refundable }, czyli kwota, którą nadal można zwrócić dla tego zamówienia.
console-revoke = Odwołaj także wszystkie klucze produktów i linki do pobrania z tego zamówienia
console-note = Notatka dla partnera (opcjonalnie)
console-approve = Zatwierdź zwrot
console-resolve = Oznacz jako rozwiązany
console-reject-body = Powód odrzucenia
console-reject = Odrzuć
console-back = Wróć do kolejki
console-moved = Ten wniosek został już rozpatrzony lub zmieniony przez kogoś innego; nie wykonano żadnych dalszych działań.
console-taken = Przejęto wniosek.
console-asked = Twoje pytanie zostało wysłane do partnera.
console-rejected = Wniosek został odrzucony.
console-approved = Wniosek został zatwierdzony.
console-error-above-requested = Kwota jest wyższa niż kwota, o którą wnioskował partner.
console-error-above-refundable = Kwota jest wyższa niż kwota, którą nadal można zwrócić dla tego zamówienia.
activity-op-support-request-taken = Przejęto wniosek o pomoc techniczną
activity-op-support-info-requested = Pomoc techniczna poprosiła o informacje
activity-op-support-replied = Partner odpowiedział pomocy technicznej
activity-op-support-request-approved = Zatwierdzono wniosek o pomoc techniczną
activity-op-support-request-rejected = Odrzucono wniosek o pomoc techniczną
console-age-minutes = { $n ->
    [one] 1 minuta
    [few] { $n } minuty
    [many] { $n } minut
   *[other] { $n } minuty
}
support-file-size = { $kb } KB
console-status-new = Nowy
console-status-in-review = W trakcie przeglądu
console-status-waiting-for-partner = Oczekuje na partnera
console-status-approved = Zatwierdzony
console-status-rejected = Odrzucony

## Ustawienia konta › Dziennik aktywności
activity-title = Dziennik aktywności
users-title = Zarządzanie użytkownikami
users-search = Znajdź użytkownika
users-search-hint = Część imienia i nazwiska lub adresu e-mail.
users-search-found = Użytkownicy pasujący do „{ $q }”
users-search-none = Żaden użytkownik nie ma takiego imienia i nazwiska ani adresu e-mail.
users-search-clear = Pokaż wszystkich użytkowników
activity-intro = Użytkownicy, którzy w wybranym zakresie dat wyświetlili klucze oprogramowania lub pobrali oprogramowanie, od najnowszych wpisów. Inne rekordy (zamówienia, anulowania, decyzje pomocy technicznej, logowania, zmiany użytkowników) można wybrać w polu Operacja.
activity-from = Od (data, UTC)
activity-to = Do (data, UTC)
activity-customer-filter = Klient (domena lub identyfikator dzierżawy)
activity-show = Pokaż
activity-export = Pobierz plik CSV
activity-newest = Najnowsze wpisy
activity-empty = W tym zakresie nie zarejestrowano niczego, co pasuje do tych filtrów.
activity-range = Od { $from } 00:00 do { $to } 24:00 UTC, od najnowszych.
activity-col-time = Czas (UTC)
activity-col-user = Użytkownik
activity-col-customer = Klient
activity-col-product = Produkt
activity-col-order = Zamówienie
activity-col-operation = Operacja
activity-col-details = Szczegóły
activity-csv-time = Czas (UTC)
activity-csv-tenant = Identyfikator dzierżawy
activity-error-from = Wprowadź datę początkową w formacie rok-miesiąc-dzień, na przykład 2026-11-01.
activity-error-to = Wprowadź datę końcową w formacie rok-miesiąc-dzień, na przykład 2026-11-30.
activity-error-order = Data początkowa jest późniejsza niż data końcowa.
activity-error-range = Wybierz zakres obejmujący maksymalnie 366 dni.
activity-error-operation = Wybierz operację z listy.
activity-error-user = Wybierz użytkownika z listy.
activity-error-customer = Żaden z Twoich klientów nie ma takiej domeny ani identyfikatora dzierżawy.
activity-op-group-access = Dostęp do kluczy i pobieranie oprogramowania
activity-op-group-all = Wszystkie operacje
activity-user-anyone = Dowolny użytkownik
activity-who = Lub ktoś inny
activity-who-hint = Użytkownik klienta, pracownik pomocy technicznej lub token interfejsu API: wpisz adres e-mail lub nazwę tokenu. Zastępuje to wybór powyżej.
activity-error-who = Nikt o tym adresie e-mail ani nazwie tokenu interfejsu API nie wykonywał operacji na Twoich danych. Sprawdź pisownię lub wybierz z listy.
activity-detail-request = Wniosek o pomoc techniczną { $number }
activity-detail-unrecorded-refusals = { $count ->
    [one] Od poprzedniego wpisu zliczono jeszcze 1 odmowę dla tego linku, bez zapisywania jej w dzienniku
    [few] Od poprzedniego wpisu zliczono jeszcze { $count } odmowy dla tego linku, bez zapisywania ich w dzienniku
    [many] Od poprzedniego wpisu zliczono jeszcze { $count } odmów dla tego linku, bez zapisywania ich w dzienniku
   *[other] Od poprzedniego wpisu zliczono jeszcze { $count } odmowy dla tego linku, bez zapisywania ich w dzienniku
}
activity-op-signed-in = Zalogowano
activity-op-user-added = Dodano użytkownika
activity-op-customer-added = Dodano klienta
activity-op-user-roles-changed = Zmieniono role
activity-op-user-disabled = Wyłączono użytkownika
activity-op-user-enabled = Ponownie włączono użytkownika
activity-op-password-issued = Wydano dane logowania
activity-op-password-set = Ustawiono hasło
activity-op-activity-exported = Wyeksportowano dziennik aktywności

## Ustawienia konta › Zarządzanie użytkownikami
users-add = Dodaj użytkownika
users-add-submit = Dodaj użytkownika
users-roles = Role
users-status = Stan
users-status-active = Aktywny
users-status-disabled = Wyłączony
users-credential = Sposób pierwszego logowania użytkownika
users-credential-link = Link do ustawienia hasła, ważny przez 24 godziny
users-credential-password = Hasło jednorazowe, do zmiany przy pierwszym logowaniu
users-change-roles = Role
users-save-roles = Zapisz role
users-access = Dostęp
users-enable = Włącz ponownie użytkownika
users-disable = Wyłącz użytkownika
users-disable-note = Wyłączony użytkownik zostaje natychmiast wylogowany i nie może się zalogować, dopóki nie zostanie ponownie włączony.
users-new-credential = Nowe dane logowania
users-issue = Utwórz dane logowania
users-added = Dodano użytkownika.
users-one-time-password = Hasło jednorazowe
users-set-password-link = Link do ustawienia hasła
users-password-once = To hasło jest wyświetlane tylko teraz. Przekaż je użytkownikowi poufnie; przy pierwszym logowaniu użytkownik wybierze własne hasło.
users-link-once = Ten link jest wyświetlany tylko teraz i działa jeden raz przez 24 godziny. Wyślij go użytkownikowi poufnie.
users-back-to-user = Wróć do użytkownika
users-back-to-list = Wszyscy użytkownicy
users-roles-saved = Role zostały zapisane. Obowiązują od następnego kliknięcia użytkownika.
users-enabled = Użytkownik został ponownie włączony.
users-disabled = Użytkownik został wyłączony i wylogowany.
users-error-name = Wprowadź imię i nazwisko o długości maksymalnie 200 znaków.
users-error-email = Wprowadź adres e-mail, na przykład nazwa@example.com.
users-error-roles = Wybierz co najmniej jedną rolę.
users-error-role-unknown = Wybierz role z listy.
users-error-credential = Wybierz sposób pierwszego logowania użytkownika.
users-error-email-taken = Użytkownik z tym adresem e-mail już istnieje.
users-error-last-global-admin = W Twojej organizacji musi pozostać co najmniej jeden aktywny administrator globalny.
users-error-yourself = Nie możesz wyłączyć własnego konta.
password-change = Zmień hasło
password-title = Wybierz hasło
password-intro = Nowe hasło dla konta { $email }. Użyj co najmniej 12 znaków.
password-current = Bieżące hasło
password-new = Nowe hasło
password-confirm = Powtórz nowe hasło
password-save = Zapisz hasło
password-saved = Nowe hasło zostało zapisane.
password-set-sign-in = Hasło zostało ustawione. Zaloguj się przy jego użyciu.
password-link-spent = Ten link wygasł lub został już użyty. Poproś administratora globalnego swojej organizacji o nowy link.
password-error-short = Użyj co najmniej 12 znaków.
password-error-long = To hasło jest za długie.
password-error-confirm = Hasła nie są takie same.
password-error-current = Bieżące hasło jest nieprawidłowe.

## Ustawienia konta › Tokeny interfejsu API
activity-op-api-token-created = Utworzono token interfejsu API
activity-op-api-token-revoked = Odwołano token interfejsu API
api-tokens-title = Tokeny interfejsu API
api-tokens-intro = Twoje programy wywołują interfejs API aplikacji CSP Desk (ścieżki i dane JSON jak w Partner Center, w ramach /v1) przy użyciu tokenu wysyłanego jako „Authorization: Bearer …”. Token działa w imieniu Twojej firmy z nadanymi mu zakresami i nigdy nie może zrobić więcej niż Ty.
api-tokens-list-caption = Tokeny Twojej firmy, od najnowszych
api-tokens-name = Nazwa
api-tokens-scopes = Zakresy
api-tokens-created-by = Utworzony przez
api-tokens-created = Utworzono
api-tokens-expires = Wygasa
api-tokens-last-used = Ostatnie użycie
api-tokens-status = Stan
api-tokens-actions = Akcje
api-tokens-never-used = Nigdy
api-tokens-status-active = Aktywny
api-tokens-status-expired = Wygasł
api-tokens-status-revoked = Odwołany
api-tokens-revoke = Odwołaj
api-tokens-revoked = Token został odwołany. Żądania z jego użyciem będą od teraz odrzucane.
api-tokens-none = Nie ma jeszcze tokenów interfejsu API.
api-tokens-create = Utwórz token
api-tokens-validity = Ważny przez
api-tokens-days = { $days ->
    [one] 1 dzień
    [few] { $days } dni
    [many] { $days } dni
   *[other] { $days } dnia
}
api-tokens-scope-not-yours = Twoje role na to nie pozwalają
api-scope-customers-read = Odczyt klientów
api-scope-customers-write = Dodawanie klientów
api-scope-orders-read = Odczyt zamówień
api-scope-orders-write = Składanie i anulowanie zamówień
api-scope-software-keys = Pobieranie kluczy produktów i linków do pobrania
api-scope-billing-read = Odczyt faktur
api-scope-audit-read = Odczyt dziennika aktywności
api-tokens-error-name = Wprowadź nazwę wskazującą, który program używa tokenu.
api-tokens-error-name-long = Użyj maksymalnie 80 znaków, bez tabulatorów i podziałów wiersza.
api-tokens-error-name-taken = Twoja firma ma już token o tej nazwie (odwołane tokeny zachowują swoje nazwy, aby dziennik aktywności pozostał jednoznaczny). Wybierz inną nazwę.
api-tokens-error-days = Wybierz okres ważności tokenu: maksymalnie rok.
api-tokens-error-scopes = Wybierz co najmniej jeden zakres.
api-tokens-error-scope-not-yours = Wybrano zakres, na który nie pozwalają Twoje role.
api-tokens-created-title = Utworzono token
api-tokens-created-message = Utworzono token „{ $name }”.
api-tokens-secret = Token
api-tokens-secret-once = Skopiuj token teraz: jest wyświetlany tylko ten jeden raz, a CSP Desk przechowuje wyłącznie jego odcisk. Jeśli go zgubisz, odwołaj go i utwórz nowy.
api-tokens-back = Wróć do tokenów interfejsu API

## Błędy interfejsu API (pole „description” odpowiedzi z błędem)
api-error-no-token = Wyślij token interfejsu API jako „Authorization: Bearer <token>”.
api-error-bad-token = Token interfejsu API jest nieprawidłowy.
api-error-token-revoked = Token interfejsu API został odwołany.
api-error-token-expired = Token interfejsu API wygasł.
api-error-token-creator-disabled = Użytkownik, który utworzył ten token interfejsu API, jest wyłączony, więc token już nie działa.
api-error-scope = Zakresy tokenu interfejsu API lub role jego twórcy nie pozwalają na to żądanie.
api-error-not-found = Nie znaleziono zasobu.
api-error-customer-id = Identyfikator klienta jest nieprawidłowy: musi to być identyfikator dzierżawy (GUID).
api-error-conflict = Żądanie jest sprzeczne z bieżącym stanem zasobu.
api-error-rate = Zbyt wiele żądań z użyciem tego tokenu interfejsu API. Spróbuj ponownie po upływie liczby sekund podanej w nagłówku Retry-After.
api-error-unavailable = Usługa jest chwilowo niedostępna. Spróbuj ponownie za chwilę.
api-error-bad-request = Żądanie jest nieprawidłowe.
api-error-internal = Po naszej stronie wystąpił błąd. Spróbuj ponownie; jeśli problem będzie się powtarzał, zgłoś go.
api-error-size = Parametr size musi być liczbą całkowitą od 1 do { $most }.
api-error-seek = Parametr seekOperation musi mieć wartość Next.
api-error-continuation = Przy seekOperation=Next wyślij nagłówek MS-ContinuationToken z linku next poprzedniej strony.
api-error-route = Nie ma takiej ścieżki ani metody interfejsu API.
api-error-body-size = Treść żądania przekracza { $kb } KB.
api-error-body-json = Treść żądania nie jest prawidłowym kodem JSON (wiersz { $line }, kolumna { $column }).
api-error-body-missing = Pole { $field } jest wymagane.
api-error-body-unknown = Pole { $field } jest tu nieznane.
api-error-body-type = Wartość pola { $field } ma niewłaściwy typ lub postać.
api-error-request-id = Nagłówek MS-RequestId może zawierać tylko litery, cyfry i łączniki, maksymalnie 64 znaki (identyfikator GUID).
api-error-request-id-reused = Ten nagłówek MS-RequestId został już użyty z inną treścią żądania.
api-error-country = Parametr country jest wymagany: dwuliterowy kod rynku, na przykład TR.
api-error-target-view = Parametr targetView musi mieć wartość Software, SoftwarePerpetual, SoftwareSubscriptions lub AzureReservations.
api-error-order-no-lines = Pole lineItems musi zawierać co najmniej jedną pozycję.
api-error-order-many-lines = Maksymalna liczba pozycji w zamówieniu to { $most }.
api-error-order-line-numbers = Pole lineItemNumber musi numerować pozycje kolejno: 0, 1, 2 itd., każdą tylko raz.
api-error-order-quantity = Pole { $field } musi być liczbą całkowitą od 1 do 1000.
api-error-order-offer-form = Pole { $field } musi zawierać wartość catalogItemId z /v1/products, na przykład ws2022-std:0001:0001.
api-error-order-offer-twice = Oferta { $offer } występuje w więcej niż jednej pozycji: kup ją raz w większej ilości.
api-error-order-offer-unknown = Oferty { $offer } nie ma w katalogu lub nie ma ona ceny w walucie klienta.
api-error-order-not-sold = Oferta { $offer } nie jest dostępna na rynku klienta.
api-error-order-customer = Wartość referenceCustomerId nie odpowiada klientowi podanemu w adresie.
api-error-order-currency = Wartość currencyCode nie jest walutą klienta.
api-error-order-id = Wartość id nie odpowiada zamówieniu podanemu w adresie.
api-error-order-status = Pole status musi mieć wartość cancelled: w tym miejscu zamówienie można tylko anulować.
api-error-order-no-line = Zamówienie nie ma pozycji o numerze { $line }.
api-error-order-not-cancellable = Tego zamówienia nie można anulować: jego pozycje zostały już anulowane lub produktu nie można anulować.
api-error-order-support-only = Ten zakup można anulować tylko za pomocą wniosku o pomoc techniczną.
api-error-order-window = Upłynął { $days }-dniowy okres anulowania. Nie możemy anulować zakupu.
api-error-customer-name = Pole companyProfile.companyName jest wymagane: maksymalnie 200 znaków, bez znaków sterujących.
api-error-customer-domain = Pole companyProfile.domain musi zawierać nazwę domeny, na przykład contoso.com.
api-error-customer-country = Pole billingProfile.defaultAddress.country musi zawierać dwuliterowy kod rynku, na przykład TR.
api-error-customer-currency = Pole billingProfile.currencyCode musi zawierać walutę, w której wystawiamy faktury, na przykład USD, EUR lub TRY.
api-error-software-cancelled = Ten zakup został anulowany: jego klucz i linki do pobrania zostały odwołane.
api-error-audit-start = Parametr startDate jest wymagany, w formacie rrrr-mm-dd.
api-error-audit-end = Parametr endDate musi być datą w formacie rrrr-mm-dd.
api-error-audit-range = Data w parametrze endDate musi być taka sama jak w parametrze startDate lub późniejsza, maksymalnie o { $days ->
    [one] 1 dzień
    [few] { $days } dni
    [many] { $days } dni
   *[other] { $days } dnia
}.
api-error-audit-filter = Parametr filter musi być obiektem JSON {"{"}"Field": "CustomerId", "CompanyName" lub "ResourceType", "Value": …, "Operator": "equals" (lub "substring" dla CompanyName){"}"}.
api-error-audit-resource-type = Wartość ResourceType w filtrze musi być jedną z następujących: Order, Software, SupportRequest, User, AuditRecord lub ApplicationCredentials.
api-error-audit-too-many = Filtr CompanyName pasuje do więcej niż { $most } klientów: podaj dłuższy fragment nazwy lub filtruj według CustomerId.

## Confirmation steps (Approve refund, Disable user)
confirm-title = Potwierdź
confirm-back = Wróć
console-confirm-refund = Zatwierdzić zwrot w wysokości { $amount } dla klienta { $customer }?
console-confirm-invoice = Kwota zostanie zapisana jako kredyt na otwartej fakturze partnera ({ $month }, { $currency }).
console-confirm-resolve = Oznaczyć wniosek nr { $number } klienta { $customer } jako rozwiązany?
console-confirm-revoke = Wszystkie klucze produktów i linki do pobrania z tego zamówienia zostaną natychmiast odwołane.
console-confirm-note = Twoja notatka dla partnera:
users-disable-confirm = Wyłączyć użytkownika { $name } ({ $email })?

## Revoking a download link
link-revoke = Odwołaj
link-revoked = Link został odwołany: od teraz nie pozwala niczego pobrać.
link-already-revoked = Ten link był już odwołany.
activity-op-link-revoked = Odwołano link

## The Software list's cancellation column, and how a credit is computed
software-cancellable-until = Można anulować do
software-window-passed = Termin minął
software-window-never = Nie można anulować
software-window-support-only = Tylko przez zgłoszenie do pomocy technicznej
cancel-credit-how-perpetual = Licencja bezterminowa: cała zapłacona kwota ({ $paid }) zostanie zapisana jako kredyt.
cancel-credit-how-term = Zapłacona kwota ({ $paid }) × niewykorzystane dni ({ $unused }) ÷ dni okresu ({ $term }), z zaokrągleniem w dół do najmniejszej jednostki waluty.
cancel-credit-how-earlier = Pomniejszone o wcześniej przyznany kredyt: { $earlier }.

## Said to screen readers after a Copy button
copy-done = Skopiowano do schowka.

## Order history: finding an order, and its order
orders-search = Znajdź zamówienie
orders-search-hint = Numer zamówienia lub część nazwy produktu.
orders-search-found = Zamówienia pasujące do „{ $q }”
orders-search-none = Żadne zamówienie nie ma takiego numeru ani produktu o takiej nazwie.
orders-search-clear = Pokaż wszystkie zamówienia
search-submit = Szukaj
sort-show-newest = (pokaż najpierw najnowsze)
sort-show-oldest = (pokaż najpierw najstarsze)

## What needs attention (home page), and the support list's filter
attention-title = Wymaga uwagi
attention-waiting = Wnioski o pomoc czekające na Twoją odpowiedź
attention-ending = Okresy anulowania kończące się w ciągu 3 dni
attention-expiring = Linki do pobrania wygasające w ciągu 2 dni
attention-invoices = Otwarte faktury z tego miesiąca
attention-invoice = { $currency }: obciążenia { $charges }, kredyty { $credits }
attention-none = Na razie nic.
attention-soonest = Najbliższe
attention-later = Późniejsze
attention-expires = Wygasa (UTC)
attention-downloads-left = Pozostałe pobrania
support-waiting-only = Tylko wnioski czekające na Twoją odpowiedź
support-search = Znajdź zgłoszenie
support-search-hint = Numer zgłoszenia albo część tytułu lub nazwy klienta.
support-search-found = Zgłoszenia pasujące do „{ $q }”
support-search-none = Żadne zgłoszenie nie ma takiego numeru, tytułu ani klienta.
support-search-clear = Pokaż wszystkie zgłoszenia
support-show-waiting = Pokaż tylko wnioski czekające na Twoją odpowiedź
support-show-all = Pokaż wszystkie wnioski

## Billing: the chart and the filters
billing-chart-title = Obciążenia i kredyty w { $currency }, ostatnie 12 miesięcy
billing-any = Dowolna
billing-year = Rok
billing-filter = Pokaż
billing-show-all-currencies = Pokaż wszystkie waluty, także te bez pozycji w tym miesiącu
