# Magyar katalógus. A hivatalos felületi kifejezések a 2021-es magyar forrásdokumentumból származnak
# (Ügyfelek, Termékek hozzáadása, Szoftver, Rendelési előzmények, Munkaterületek nézet, Jelenlegi nézet...).

app-name = CSP Desk
skip-to-content = Ugrás a tartalomra
nav-label = Főmenü
breadcrumbs-label = Navigációs útvonal
nav-home = Kezdőlap
nav-customers = Ügyfelek
nav-billing = Számlázás
nav-support = Támogatás
nav-account = Fiókbeállítások
tile-customers = Ügyfél keresése, termékek hozzáadása és az ügyfél szoftvereinek kezelése.
tile-billing = Havi számlák és kreditek.
tile-support = Probléma jelentése és a támogatási kérelmek nyomon követése.
tile-account = Profilja, szerepkörei és beállításai.
home-welcome = Üdvözöljük, { $name }!
home-current-hint = Válasszon munkaterületet a bal oldali menüből.
view-workspaces = Munkaterületek nézet
view-current = Jelenlegi nézet
language = Nyelv
language-apply = Nyelv módosítása
language-en = English
language-tr = Türkçe
language-hu = Magyar
language-pl = Polski
language-ru = Русский
language-zh-Hans = 简体中文
language-ko = 한국어
gear-label = Beállítások
sign-out = Kijelentkezés

signin-title = Bejelentkezés
signin-email = E-mail
signin-password = Jelszó
signin-submit = Bejelentkezés
signin-failed = Az e-mail-cím vagy a jelszó helytelen.
signin-locked = Túl sok sikertelen bejelentkezési kísérlet történt ezzel a fiókkal. Próbálkozzon újra { $minutes } perc múlva.

profile-title = Saját profil
profile-name = Név
profile-email = E-mail
profile-roles = Az Ön szerepkörei
profile-language = Nyelv
profile-view = Irányítópult elrendezése

role-admin-agent = Rendszergazdai ügynök
role-global-admin = Globális rendszergazda
role-sales-agent = Értékesítési ügynök
role-helpdesk-agent = Ügyfélszolgálati ügynök
role-billing-admin = Számlázási rendszergazda
role-account-admin = Fiók-rendszergazda
role-referral-admin = Ajánlói rendszergazda
role-marketing-admin = Marketingtartalom-rendszergazda
role-customer-global-admin = Globális rendszergazda (ügyfél)
role-customer-user = Felhasználó (ügyfél)
role-support-engineer = Támogatási mérnök

billing-empty = Még nincsenek számlák. A havi számla a hónap első rendelésével nyílik meg.
support-empty = Nincsenek támogatási kérelmei.

customers-search-label = Ügyfelek keresése
customers-search-placeholder = Cégnév, tartomány vagy bérlőazonosító
customers-search-submit = Keresés
customers-search-too-long = A keresett szöveg túl hosszú: legfeljebb { $max } karaktert használjon.
customers-none = Még nincsenek ügyfelek.
customers-no-match = Egyetlen ügyfél sem felel meg a keresésnek.
customers-count = { $count ->
    [one] { $count } ügyfél
   *[other] { $count } ügyfél
}
customers-count-more = Több mint { $count } ügyfél
customer-add = Ügyfél hozzáadása
customer-add-submit = Ügyfél hozzáadása
customer-added = Ügyfél hozzáadva: { $name }.
customer-company-name = Cégnév
customer-domain = Elsődleges tartomány
customer-tenant-id = Bérlőazonosító
customer-market = Piac
customer-market-iso = Piac (ISO-országkód)
customer-since = Ügyfélkapcsolat kezdete
customer-currency = Számlázási pénznem
customer-error-name-required = Adja meg a cégnevet.
customer-error-name-invalid = A cégnév legfeljebb 200 karakter lehet, vezérlőkarakterek nélkül.
customer-error-domain-invalid = Adjon meg egy tartománynevet, például contoso.com.
customer-error-domain-taken = Ez a tartomány már egy másik ügyfélhez tartozik.
customer-error-market-invalid = Válasszon piacot a listából.
customer-error-currency-invalid = Válasszon pénznemet a listából.
customer-tabs-label = Ügyfél adatai
add-products = Termékek hozzáadása
tab-software = Szoftver
tab-order-history = Rendelési előzmények
software-empty = Ennek az ügyfélnek még nem vásároltak szoftvert.
software-search = Vásárlás keresése
software-search-hint = Egy termék nevének egy része.
software-search-found = A(z) „{ $q }” kifejezésnek megfelelő vásárlások
software-search-none = Nincs ilyen nevű termék vásárlása.
software-search-clear = Az összes vásárlás megjelenítése
orders-empty = Ennek az ügyfélnek még nincsenek rendelései.

form-has-errors = Javítsa az alább megjelölt mezőket.
form-cancel = Mégse

pager-label = Oldalak
support-requests-total = { $count ->
    [one] { $count } kérelem
   *[other] { $count } kérelem
}
support-requests-total-more = Több mint { $count } kérelem
pager-newest = Legújabbak
pager-older = Régebbiek
pager-orders-total = { $count ->
    [one] { $count } rendelés
   *[other] { $count } rendelés
}
pager-purchases-total = { $count ->
    [one] { $count } vásárlás
   *[other] { $count } vásárlás
}

error-go-home = Ugrás a kezdőlapra
error-400-title = Hibás kérés
error-400-message = A kérés nem értelmezhető. Lépjen vissza, és próbálkozzon újra.
form-malformed = Az űrlap hiányosan vagy sérülten érkezett meg, ezért semmit sem mentettünk. Lépjen vissza, töltse be újra az oldalt, és küldje el ismét.
form-too-large = Az űrlap nagyobb volt, mint amekkorát ez az oldal elfogad, ezért semmit sem mentettünk. Lépjen vissza, és küldjön kevesebb adatot.
error-403-title = Nem engedélyezett
error-403-message = Nincs engedélye ehhez az oldalhoz vagy művelethez. Ha az oldal sokáig nyitva volt, töltse be újra, és próbálkozzon ismét.
error-404-title = Nem található
error-404-message = Itt nincs semmi, vagy nincs hozzá hozzáférése.
error-405-title = Nem engedélyezett
error-405-message = Ez a cím nem fogad ilyen típusú kérést.
error-409-title = Ütközés
error-409-message = Valaki más ugyanekkor módosította ezt. Töltse be újra az oldalt, és próbálkozzon ismét.
error-410-title = Már nem érhető el
error-410-message = Ez már nem érhető el.
error-413-title = Túl nagy
error-413-message = Az elküldött adat nagyobb a megengedettnél.
error-422-title = Ellenőrizze a megadott adatokat
error-422-message = A megadott adatok egy része nem fogadható el.
error-429-title = Túl sok kérés
error-429-message = Túl sok próbálkozás. Várjon néhány percet, és próbálkozzon újra.
error-500-title = Hiba történt
error-500-message = Váratlan hiba történt a mi oldalunkon; a hibát naplóztuk. Próbálkozzon újra később.
error-503-title = Átmenetileg nem érhető el
error-503-message = A szolgáltatás jelenleg nem éri el az adatbázisát. Próbálkozzon újra egy kis idő múlva.

catalog-for-customer = Ügyfél: { $customer }
catalog-family = Termékcsalád
catalog-all = Összes
catalog-licence = Licenc
catalog-search = Termékek keresése
catalog-filter = Szűrés
catalog-none = Egyetlen termék sem felel meg ezeknek a szűrőknek.
catalog-product = Termék
catalog-price = Ár
catalog-quantity = Mennyiség
catalog-add-to-cart = Kosárba
catalog-review-cart = Áttekintés ({ $count })
catalog-added = Hozzáadva a kosárhoz: { $quantity } × { $product }.
catalog-unknown-product = Ez a termék nem létezik, vagy már nem forgalmazzák.
catalog-unavailable-azure-market = Az Azure-foglalások nem érhetők el ennek az ügyfélnek a piacán ({ $market }).
catalog-unavailable-no-price = Ennek az ügyfélnek a számlázási pénznemében nem kapható.
licence-perpetual = Örökös
licence-subscription-any = Előfizetés
licence-subscription = Előfizetés, { $years ->
    [one] { $years } év
   *[other] { $years } év
}
quantity-out-of-range = A mennyiségnek 1 és 1000 között kell lennie.
quantity-not-a-number = A mennyiségnek 1 és 1000 közötti egész számnak kell lennie.
quantity-cart-over-limit = A kosárban egy termékből legfeljebb 1000 darab lehet.
tax-excluded = Az árak nem tartalmazzák az adót.
tax-included-au = Az árak tartalmazzák a GST-t ({ $rate }%).
tax-included-br = Az árak tartalmazzák az adót ({ $rate }%).
tax-part = Ebből adó: { $amount }
family-windows-server = Windows Server
family-sql-server = SQL Server
family-azure-reservation = Azure-foglalás
family-linux-plan = Azure-beli SUSE / Red Hat szoftvercsomag
family-windows-esu = Windows bővített biztonsági frissítések

review-title = Áttekintés
review-empty = A kosár üres.
review-unit-price = Egységár
review-amount = Összeg
review-remove = Eltávolítás
review-update = Frissítés
review-total = Összesen
review-place-order = Vásárlás
review-continue = További termékek hozzáadása
review-updated = A mennyiség módosult.
review-removed = A terméket eltávolítottuk a kosárból.
order-title = Rendelés: { $number }
order-number = Rendelésszám
order-customer = Ügyfél
order-placed-at = Leadva (UTC)
order-placed-by = Leadta
order-status = Állapot
order-tax = Adó
order-lines = Tételek
order-to-history = Ugrás a Rendelési előzményekhez
order-tax-included = Az adót tartalmazza ({ $rate }%)
order-tax-excluded = Az adót nem tartalmazza
order-status-completed = Teljesítve
order-status-cancelled = Lemondva
order-status-partly-cancelled = Részben lemondva
order-line-count = { $count ->
    [one] { $count } tétel
   *[other] { $count } tétel
}
order-placed = A rendelés leadva. Rendelésszám: { $number }.
order-already-placed = A rendelést ({ $number }) már leadták, ezért nem adtuk le még egyszer.
order-cart-already-ordered = Ezt a kosarat egy másik Áttekintés oldalról már megrendelték (rendelésszám: { $number }); újabb rendelés nem történt.
order-prices-changed = Az oldal megjelenítése óta megváltoztak az árak vagy a mennyiségek. Ellenőrizze az új összegeket, és adja le újra a rendelést.
order-empty-cart = A kosár üres: a rendelés leadása előtt adjon hozzá termékeket.
order-form-expired = Ez az űrlap elavult. Ellenőrizze az alábbi kosarat, és adja le újra a rendelést.

## Szoftver lap
software-product = Termék
software-purchased = Vásárlás dátuma (UTC)
software-status = Állapot
software-status-active = Aktív
software-status-cancelled = Lemondva
software-open = Kulcsok és letöltések
software-choose = Válassza ki a termékverziót, a nyelvet és a bitverziót
software-version = Termékverzió
software-language = Nyelv
software-file-type = Bitverzió / fájltípus
software-get-keys-and-downloads = Kulcsok és letöltések lekérése
software-selection-not-offered = Ehhez a termékhez ez a verzió-, nyelv- és fájltípus-kombináció nem érhető el. Válasszon újra a listákból.
software-file = Fájl
software-size = Méret
file-size-bytes = { $bytes } bájt
software-sha256 = SHA-256
software-get-key = Kulcs lekérése
software-download = Letöltés
software-copy-link = Hivatkozás másolása
software-copy = Másolás
software-copy-key = Kulcs másolása a vágólapra
software-copied = A vágólapra másolva.
software-new-link = Új letöltési hivatkozás (csak most jelenik meg; bárki letöltheti vele a fájlt, akinél megvan)
software-no-file = Ehhez a változathoz még nincs regisztrált fájl.
software-links = Letöltési hivatkozások
software-link-variant = Változat
software-link-created = Létrehozva (UTC)
software-link-created-by = Létrehozta
software-link-meter = Hátralévő
software-cancelled-no-key = Ezt a vásárlást lemondták: a kulcsa és a letöltési hivatkozásai már nem működnek.
software-plan-no-files = Ez a szoftvercsomag az Azure-ban fut: nincs hozzá termékkulcs, és nincsenek letölthető fájljai.
software-key-title = Termékkulcs
software-key-mak = Többszörös aktiválási kulcs (MAK): egyetlen kulccsal számos eszköz aktiválható.
software-back = Vissza a vásárláshoz
software-close = Bezárás
software-kms-title = KMS-kulcsra van szüksége?
software-kms-text = Az ebben a csatornában vásárolt termékek aktiválása többszörös aktiválási kulccsal (MAK) történik. A kulcskezelő szolgáltatás (KMS) kulcsai nem érhetők el, kérésre sem. Ha a jelenleg KMS-sel aktivált eszközöket állásidő nélkül szeretné átállítani, telepítse a MAK-ot azon 180 napon belül, amíg a KMS-aktiválásuk érvényes marad.
link-meter = { $max } letöltésből { $left } maradt · lejár: { $date }
link-state-expired = Lejárt: { $date }
link-state-used-up = Az összes letöltés felhasználva ({ $max })
link-state-revoked = Visszavonva
link-gone-title = Ez a letöltési hivatkozás már nem működik
link-gone-expired = A hivatkozás lejárt: a hivatkozások 14 napig érvényesek.
link-gone-used-up = A hivatkozással már mind az 50 letöltést felhasználták.
link-gone-revoked = A hivatkozást visszavontuk, mert a vásárlást lemondták.
link-gone-advice = Kérjen új hivatkozást a partnerétől; minden új hivatkozás újabb 14 napig vagy 50 letöltésig működik.
variant-language-en-US = Angol (Egyesült Államok)
variant-language-tr-TR = Török
variant-language-hu-HU = Magyar
variant-language-pl-PL = Lengyel
variant-language-ru-RU = Orosz
variant-language-ko-KR = Koreai
variant-language-zh-CN = Kínai (egyszerűsített)
variant-file-type-x64_iso = x64 ISO
variant-file-type-x86_iso = x86 ISO
variant-file-type-x64_cab = x64 CAB
variant-file-type-x64_msu = x64 MSU
variant-file-type-x86_msu = x86 MSU

## Ügyfél-felügyeleti központ
nav-your-products = Saját termékek
tile-your-products = A szervezete számára vásárolt szoftverek, kulcsokkal és letöltésekkel.
your-products-title = Saját termékek
access-title = Hozzáférés a kulcsokhoz és a letöltésekhez
access-intro = Kik tekintették meg a termékkulcsait vagy töltötték le a szoftvereit, a legújabbal kezdve. Az időpontok UTC szerint értendők.
access-empty = Még senki sem tekintett meg kulcsot, és senki sem töltött le szoftvert.
access-when = Időpont (UTC)
access-who = Ki
access-operation = Mi történt
access-older = Régebbi bejegyzések
access-by-link-unknown = Letöltési hivatkozás
access-by-link = Letöltési hivatkozás, IP-cím: { $ip }
activity-op-key-viewed = Kulcs megtekintve
activity-op-downloaded = Letöltve
activity-op-link-created = Hivatkozás létrehozva
activity-op-link-used = Letöltve hivatkozással
activity-op-link-refused = Hivatkozás elutasítva
activity-op-purchase-cancelled = Vásárlás lemondva
activity-op-order-placed = Rendelés leadva

## Átállás mennyiségi licencelésről (KMS) CSP-re
kms-title = Átállás mennyiségi licencelésről CSP-re állásidő nélkül
kms-intro = A KMS-sel aktivált eszközök 180 napig aktiválva maradnak, mielőtt megpróbálják megújítani az aktiválást. Ha addig minden eszközre telepíti ennek a vásárlásnak a többszörös aktiválási kulcsát (MAK), semmi sem áll le. Adja meg, mikor aktiválódtak az eszközök utoljára a KMS-sel: egyetlen dátumot az összeshez, vagy egy CSV-fájlt, amelyben soronként egy eszköz szerepel (eszköznév, dátum ÉÉÉÉ-HH-NN formátumban).
kms-activated-on = Utolsó KMS-aktiválás (minden eszköz)
kms-devices-file = Vagy eszközlista (CSV)
kms-devices-hint = Például: SRV-01,2026-06-01. Fejlécsor megengedett. Legfeljebb 10 000 eszköz, 1 MB.
kms-submit = Határidők megjelenítése
kms-plan-title = Megújítási határidők
kms-device = Eszköz
kms-last-activation = Utolsó KMS-aktiválás (UTC)
kms-deadline = Megújítási határidő (UTC)
kms-days = Hátralévő napok
kms-days-left = { $days ->
    [one] { $days } nap
   *[other] { $days } nap
}
kms-overdue-since = { $date } óta lejárt
kms-all-devices = Minden eszköz
kms-commands = Parancsok az egyes eszközökhöz (rendszergazdaként futtassa őket)
kms-script = Letöltés szkriptként
kms-script-about = Telepíti a következő termék többszörös aktiválási kulcsát (MAK): { $product } (rendelésszám: { $order }), majd aktiválja a Windowst.
kms-script-run-as = Minden eszközön emelt szintű parancssorból futtassa, az eszköz KMS-megújítási határideje előtt.
kms-bad-rows = Az alábbi sorokat kihagytuk; a többi lent látható.
kms-bad-row = { $line }. sor: { $reason }
kms-row-unreadable = a sor nem olvasható be CSV-ként.
kms-row-columns = két értéket vártunk: eszköznevet és dátumot.
kms-row-name = az eszköznév üres, túl hosszú, vagy vezérlőkaraktert tartalmaz.
kms-row-date = a dátum nem ÉÉÉÉ-HH-NN formátumú.
kms-row-future = a dátum a jövőben van.
kms-row-too-early = a dátum 2000-01-01 előtti.
kms-row-too-many = több mint 10 000 eszköz; ossza fel a listát.
kms-error-nothing = Adjon meg egy dátumot, vagy válasszon ki egy eszközlistát.
kms-error-date = A dátumot ÉÉÉÉ-HH-NN formátumban adja meg.
kms-error-future = Az utolsó aktiválás nem lehet a jövőben. Adja meg, mikor aktiválódtak az eszközök utoljára a KMS-sel.
kms-error-too-early = A dátum legkorábban 2000-01-01 lehet.

## Vásárlás lemondása
software-cancel = Lemondás
cancel-title = Vásárlás lemondása
cancel-show-order = Megjelenítés
cancel-state-open = { $days ->
    [one] Még { $days } nap van hátra a rendelés lemondására (határidő: { $until }).
   *[other] Még { $days } nap van hátra a rendelés lemondására (határidő: { $until }).
}
cancel-state-passed = A lemondási időszak lejárt: { $ended }. Ez a rendelés itt már nem mondható le.
cancel-state-never = Az Azure-beli SUSE Linux- és Red Hat-szoftvercsomagok nem mondhatók le, és nem is cserélhetők.
cancel-state-support-only = Ez a termék csak ügyféltámogatási kérelemmel mondható le.
cancel-state-already = Ebben a rendelésben a termék vásárlását már lemondták.
cancel-support-link = Ügyféltámogatási kérelem küldése
cancel-important = Fontos
cancel-important-revoked = A vásárlás összes termékkulcsa és letöltési hivatkozása azonnal érvénytelenné válik. Ön és az ügyfele felelős a lemondott szoftver és a letöltéseiből készült összes másolat eltávolításáért.
cancel-important-listed = A lemondott vásárlás továbbra is megjelenik az ügyfél Szoftver lapján, lemondottként megjelölve, aktiválási kulcs nélkül.
cancel-important-credit = A lemondott rendelés kreditje a következő havi számlán jelenik meg: az örökös licencű szoftver 100%-os kreditet kap, a szoftver-előfizetések pedig időarányos kreditet a futamidő fel nem használt napjaira.
cancel-acknowledge = Elolvastam a lemondásról szóló Fontos üzenetet.
cancel-credit-preview = { $amount } összegű kredit jelenik meg ezen a számlán: { $invoice }.
cancel-submit = Küldés
cancel-back = Vissza a Szoftver laphoz
cancel-done = Lemondva: { $product } (rendelésszám: { $order }). A kulcsai és a letöltési hivatkozásai már nem működnek. { $amount } összegű kredit jelenik meg ezen a számlán: { $invoice }.
cancel-already = Ezt a rendelést már lemondták. További művelet nem történt.
cancel-error-acknowledge = Jelölje be a jelölőnégyzetet annak megerősítésére, hogy elolvasta a Fontos üzenetet. Nem történt lemondás.
cancel-error-not-in-order = Ez a rendelés nem tartalmazza a következő terméket: { $product }. Válasszon egy rendelést a listából. Nem történt lemondás.
cancel-error-refused = { $reason } Nem történt lemondás.

## Hónapok és számlák
invoice-line-count = { $count ->
    [one] { $count } tétel
   *[other] { $count } tétel
}
invoice-status-open = nyitott
invoice-status-issued = kiállítva
order-line-cancelled = ({ $count } lemondva)

## Számlázás: havi számlák
billing-invoices = Havi számlák
billing-hint = Naptári hónaponként (UTC) és pénznemenként egy számla készül. Az aktuális hónap számlája nyitott, és minden rendeléssel és kredittel bővül; a korábbi hónapok számlái ki vannak állítva, és már nem változnak.
invoice-title = Számla: { $month } · { $currency }
invoice-month = Hónap
invoice-currency = Pénznem
invoice-status = Állapot
invoice-number = Számlaszám
invoice-issued-on = Kiállítás dátuma
invoice-period = Időszak
invoice-charges = Terhelések
invoice-credits = Kreditek
invoice-net = Összesen
invoice-open-hint = az aktuális havi számla; a most adott kreditek itt jelennek meg
invoice-empty = Ebben a hónapban még nem volt rendelés vagy kredit.
invoice-date = Dátum (UTC)
invoice-kind = Típus
invoice-customer = Ügyfél
invoice-amount = Összeg
invoice-kind-charge = Rendelés
invoice-kind-cancellation = Kredit: lemondás
invoice-kind-refund = Kredit: jóváhagyott visszatérítés
invoice-download-pdf = PDF letöltése
invoice-pdf-page = { $number }. oldal
invoice-download-csv = CSV letöltése
invoice-back = Vissza a Számlázáshoz
invoice-csv-date = Dátum (UTC)
invoice-csv-kind = Típus
invoice-csv-customer = Ügyfél
invoice-csv-tenant = Bérlőazonosító
invoice-csv-order = Rendelésszám
invoice-csv-product = Termék
invoice-csv-quantity = Mennyiség
invoice-csv-amount = Összeg
invoice-csv-currency = Pénznem
invoice-csv-tax = Adó

## Támogatási kérelmek (partneroldal)
support-report = Probléma jelentése
support-my-requests = Saját támogatási kérelmek
support-number = Kérelem
support-title = Cím
support-type = Probléma típusa
support-impact = Hatás
support-choose = Válasszon…
support-description = Leírás
support-tenant = Az ügyfél bérlői GUID-ja vagy tartományneve
support-tenant-hint = Az egyik ügyfele, például adatum.test.
support-order = Rendelésazonosító vagy előfizetés-azonosító
support-order-hint = Az ügyfél Rendelési előzményeiben szereplő rendelésszám vagy a rendelés azonosítója. Visszatérítéshez kötelező.
support-reason = A visszatérítés oka vagy a probléma leírása
support-amount = Kért összeg
support-amount-hint = Visszatérítés esetén: a rendelés pénznemében, legfeljebb a kifizetett összeg és a már adott kreditek különbözete, például 1069,00.
support-contact = Kapcsolattartó
support-contact-name = Név
support-contact-email = E-mail
support-contact-phone = Telefon
support-filed-at = Beküldve (UTC)
support-status = Állapot
support-timeline = Üzenetváltás
support-back = Vissza a saját támogatási kérelmekhez
support-approved-amount = Jóváhagyott összeg
support-request-title = Kérelem: { $number }
support-prefill-title = Visszatérítés – rendelésszám: { $order }
support-filed = A kérelmet beküldtük (kérelemszám: { $number }). A támogatás itt fog válaszolni.
support-type-refund = CSP vásárlás/visszatérítés ügyfelek nevében
support-type-billing = Számlázás és számlák
support-type-order = Rendelések és kiépítés
support-type-keys-downloads = Termékkulcsok és letöltések
support-type-other = Egyéb
support-impact-critical = Kritikus: az ügyfél üzletmenete leállt
support-impact-high = Magas: az ügyfelet súlyosan érinti
support-impact-moderate = Közepes: az ügyfél meg tudja kerülni a problémát
support-impact-low = Alacsony: kérdés vagy kisebb probléma
support-status-new = Új
support-status-in-review = Ellenőrzés alatt
support-status-waiting-for-partner = Az Ön válaszára vár
support-status-approved = Jóváhagyva
support-status-rejected = Elutasítva
support-event-filed = Kérelem beküldve
support-event-taken = A támogatás átvette
support-event-info-requested = További információ kérve
support-event-replied = Válasz
support-event-approved = Jóváhagyva
support-event-rejected = Elutasítva
support-error-type = Válassza ki a probléma típusát.
support-error-impact = Válassza ki a hatást.
support-error-title = Adjon meg egy legfeljebb 150 karakteres címet.
support-error-reason = Írja le az okot legfeljebb 4000 karakterben.
support-error-tenant = Adja meg valamelyik ügyfele bérlői GUID-ját vagy tartománynevét.
support-error-order-required = Visszatérítéshez meg kell adni a rendelést: írja be a rendelésszámot vagy a rendelés azonosítóját.
support-error-order = Ennek az ügyfélnek nincs ilyen számú vagy azonosítójú rendelése.
support-error-amount-required = Adja meg a kért összeget.
support-error-amount-malformed = Az összeget számjegyekkel, tizedesvesszővel adja meg, például 1069,00.
support-error-amount-positive = Az összegnek nullánál nagyobbnak kell lennie.
support-error-amount-precision = Az összeg több tizedesjegyet tartalmaz, mint amennyit a rendelés pénzneme megenged.
support-error-amount-above = Az összeg több, mint amennyi ezen a rendelésen visszatéríthető (a kifizetett összeg és a már adott kreditek különbözete).
support-error-contact-name = Adja meg a nevét.
support-error-contact-email = Adjon meg egy e-mail-címet, például nev@example.com.
support-error-contact-phone = Adjon meg egy 6–15 számjegyből álló telefonszámot, például +36 1 555 0100.
activity-op-support-request-filed = Támogatási kérelem beküldve
support-add-files = Fájlok hozzáadása
support-files-hint = Nem kötelező. Legfeljebb 5 fájl, egyenként legfeljebb 10 MB méretű: PDF, PNG, JPEG, TXT, CSV vagy EML.
support-files-too-many = Legfeljebb 5 fájlt válasszon.
support-error-file-size = Egy fájl legfeljebb 10 MB méretű lehet. Válasszon kisebb fájlt.
support-error-file-count = { $name }: a fájlt nem adtuk hozzá, mert egy üzenethez legfeljebb 5 fájl csatolható.
support-error-file-type = { $name }: a fájlt nem adtuk hozzá, mert csak olyan PDF-, PNG-, JPEG-, TXT-, CSV- és EML-fájlokat fogadunk el, amelyek tartalma megfelel a típusuknak.
support-error-file-empty = { $name }: a fájlt nem adtuk hozzá, mert üres.
support-error-files = Néhány fájlt nem sikerült hozzáadni. Válassza ki újra a fájlokat.
support-reply = Válasz a támogatásnak
support-reply-body = Az Ön válasza
support-reply-send = Válasz küldése
support-replied = A válaszát elküldtük a támogatásnak.
support-not-waiting = A támogatás nem vár választ ennél a kérelemnél, ezért nem küldtünk el semmit.
support-error-message = Legfeljebb 4000 karakteres üzenetet írjon.
nav-console = Támogatási konzol
tile-console = Az összes partner támogatási kérelmeinek áttekintése, információkérés, visszatérítések jóváhagyása vagy elutasítása.
console-age-days = { $n ->
    [one] { $n } nap
   *[other] { $n } nap
}
console-age-hours = { $n ->
    [one] { $n } óra
   *[other] { $n } óra
}
console-filter-open = Nyitott (új, ellenőrzés alatt, partnerre vár)
console-filter-all = Összes
console-sort = Sorrend
console-sort-oldest = A legrégebben várakozók elöl
console-sort-newest = A legújabbak elöl
console-show = Megjelenítés
console-empty = Egyetlen kérelem sem felel meg ennek a szűrőnek.
console-waiting = Várakozási idő
console-partner = Partner
console-assignee = Hozzárendelve
console-order = Rendelés: { $number }
console-placed = Leadva (UTC):
console-paid = Kifizetve
console-credited = Kreditként jóváírva
console-refundable = Visszatéríthető
console-window = Lemondási időszak
console-total = Összesen
console-credits = A rendelésre már adott kreditek
console-decide = Döntés
console-take = Kérelem átvétele
console-ask-body = Kérdés a partnernek
console-ask = További információ kérése
console-approve-amount = Visszatérítendő összeg
console-approve-hint = Legfeljebb a kért összeg, és legfeljebb a rendelésen még visszatéríthető összeg ({ $refundable }).
console-revoke = Egyúttal a rendelés összes termékkulcsának és letöltési hivatkozásának visszavonása
console-note = Megjegyzés a partnernek (nem kötelező)
console-approve = Visszatérítés jóváhagyása
console-resolve = Megjelölés megoldottként
console-reject-body = Az elutasítás oka
console-reject = Elutasítás
console-back = Vissza a várólistához
console-moved = Ezt a kérelmet valaki más már elbírálta vagy módosította; további művelet nem történt.
console-taken = Ön átvette ezt a kérelmet.
console-asked = A kérdését elküldtük a partnernek.
console-rejected = A kérelem elutasítva.
console-approved = A kérelem jóváhagyva.
console-error-above-requested = Az összeg több, mint amennyit a partner kért.
console-error-above-refundable = Az összeg több, mint amennyi a rendelésen még visszatéríthető.
activity-op-support-request-taken = Támogatási kérelem átvéve
activity-op-support-info-requested = A támogatás információt kért
activity-op-support-replied = A partner válaszolt a támogatásnak
activity-op-support-request-approved = Támogatási kérelem jóváhagyva
activity-op-support-request-rejected = Támogatási kérelem elutasítva
console-age-minutes = { $n ->
    [one] { $n } perc
   *[other] { $n } perc
}
support-file-size = { $kb } KB
console-status-new = Új
console-status-in-review = Ellenőrzés alatt
console-status-waiting-for-partner = Partnerre vár
console-status-approved = Jóváhagyva
console-status-rejected = Elutasítva

## Fiókbeállítások › Tevékenységnapló
activity-title = Tevékenységnapló
users-title = Felhasználók kezelése
users-search = Felhasználó keresése
users-search-hint = Egy név vagy e-mail-cím egy része.
users-search-found = A(z) „{ $q }” kifejezésnek megfelelő felhasználók
users-search-none = Nincs ilyen nevű vagy e-mail-című felhasználó.
users-search-clear = Az összes felhasználó megjelenítése
activity-intro = A kiválasztott időszakban szoftverkulcsokat megtekintő vagy szoftvert letöltő felhasználók, a legújabbal kezdve. A többi bejegyzés (rendelések, lemondások, támogatási döntések, bejelentkezések, felhasználói módosítások) a Művelet mezőben választható ki.
activity-from = Kezdete (dátum, UTC)
activity-to = Vége (dátum, UTC)
activity-customer-filter = Ügyfél (tartomány vagy bérlőazonosító)
activity-show = Megjelenítés
activity-export = CSV letöltése
activity-newest = Legújabb bejegyzések
activity-empty = Ebben az időszakban ezekkel a szűrőkkel nem rögzítettünk semmit.
activity-range = { $from } 00:00 és { $to } 24:00 (UTC) között, a legújabbal kezdve.
activity-col-time = Időpont (UTC)
activity-col-user = Felhasználó
activity-col-customer = Ügyfél
activity-col-product = Termék
activity-col-order = Rendelés
activity-col-operation = Művelet
activity-col-details = Részletek
activity-csv-time = Időpont (UTC)
activity-csv-tenant = Bérlőazonosító
activity-error-from = A kezdő dátumot év-hónap-nap formátumban adja meg, például 2026-11-01.
activity-error-to = A záró dátumot év-hónap-nap formátumban adja meg, például 2026-11-30.
activity-error-order = A kezdő dátum későbbi, mint a záró dátum.
activity-error-range = Legfeljebb 366 napos időszakot válasszon.
activity-error-operation = Válasszon műveletet a listából.
activity-error-user = Válasszon felhasználót a listából.
activity-error-customer = Egyik ügyfelének sincs ilyen tartománya vagy bérlőazonosítója.
activity-op-group-access = Kulcshozzáférés és letöltések
activity-op-group-all = Minden művelet
activity-user-anyone = Bárki
activity-who = Vagy valaki más
activity-who-hint = Ügyfél felhasználója, ügyfélszolgálati munkatárs vagy API-token: írja be az e-mail-címét vagy a token nevét. Ez a fenti választás helyébe lép.
activity-error-who = Ilyen e-mail-címmel vagy API-tokennévvel senki nem végzett műveletet az adatain. Ellenőrizze a beírást, vagy válasszon a listából.
activity-detail-request = Támogatási kérelem: { $number }
activity-detail-unrecorded-refusals = { $count ->
    [one] Az előző bejegyzés óta még { $count } alkalommal elutasítottuk ezt a hivatkozást; ezt megszámoltuk, de nem rögzítettük
   *[other] Az előző bejegyzés óta még { $count } alkalommal elutasítottuk ezt a hivatkozást; ezeket megszámoltuk, de nem rögzítettük
}
activity-op-signed-in = Bejelentkezés
activity-op-user-added = Felhasználó hozzáadva
activity-op-customer-added = Ügyfél hozzáadva
activity-op-user-roles-changed = Szerepkörök módosítva
activity-op-user-disabled = Felhasználó letiltva
activity-op-user-enabled = Felhasználó újra engedélyezve
activity-op-password-issued = Bejelentkezési adatok kiadva
activity-op-password-set = Jelszó beállítva
activity-op-activity-exported = Tevékenységnapló exportálva

## Fiókbeállítások › Felhasználók kezelése
users-add = Felhasználó hozzáadása
users-add-submit = Felhasználó hozzáadása
users-roles = Szerepkörök
users-status = Állapot
users-status-active = Aktív
users-status-disabled = Letiltva
users-credential = Hogyan jelentkezik be a felhasználó első alkalommal
users-credential-link = Jelszóbeállító hivatkozással, amely 24 óráig érvényes
users-credential-password = Egyszer használatos jelszóval, amelyet az első bejelentkezéskor le kell cserélni
users-change-roles = Szerepkörök
users-save-roles = Szerepkörök mentése
users-access = Hozzáférés
users-enable = Felhasználó újbóli engedélyezése
users-disable = Felhasználó letiltása
users-disable-note = A letiltott felhasználót a rendszer azonnal kijelentkezteti, és nem tud bejelentkezni, amíg újra nem engedélyezik.
users-new-credential = Új bejelentkezési adatok
users-issue = Bejelentkezési adatok létrehozása
users-added = A felhasználó hozzáadva.
users-one-time-password = Egyszer használatos jelszó
users-set-password-link = Jelszóbeállító hivatkozás
users-password-once = Ez a jelszó csak most jelenik meg. Juttassa el bizalmasan a felhasználónak; az első bejelentkezéskor saját jelszót választ.
users-link-once = Ez a hivatkozás csak most jelenik meg, és egyszer használható, 24 órán belül. Küldje el bizalmasan a felhasználónak.
users-back-to-user = Vissza a felhasználóhoz
users-back-to-list = Minden felhasználó
users-roles-saved = A szerepkörök mentve. A felhasználó következő kattintásától érvényesek.
users-enabled = A felhasználó újra engedélyezve.
users-disabled = A felhasználó letiltva és kijelentkeztetve.
users-error-name = Adjon meg egy legfeljebb 200 karakteres nevet.
users-error-email = Adjon meg egy e-mail-címet, például nev@example.com.
users-error-roles = Válasszon legalább egy szerepkört.
users-error-role-unknown = A szerepköröket a listából válassza.
users-error-credential = Válassza ki, hogyan jelentkezzen be a felhasználó első alkalommal.
users-error-email-taken = Már létezik felhasználó ezzel az e-mail-címmel.
users-error-last-global-admin = A szervezetében legalább egy aktív Globális rendszergazdának maradnia kell.
users-error-yourself = A saját fiókját nem tilthatja le.
password-change = Jelszó módosítása
password-title = Jelszó megadása
password-intro = Új jelszó a következő fiókhoz: { $email }. Legalább 12 karaktert használjon.
password-current = Jelenlegi jelszó
password-new = Új jelszó
password-confirm = Új jelszó még egyszer
password-save = Jelszó mentése
password-saved = Az új jelszavát mentettük.
password-set-sign-in = A jelszava be van állítva. Jelentkezzen be vele.
password-link-spent = Ez a hivatkozás lejárt, vagy már felhasználták. Kérjen újat a szervezete valamelyik Globális rendszergazdájától.
password-error-short = Legalább 12 karaktert használjon.
password-error-long = Ez a jelszó túl hosszú.
password-error-confirm = A két jelszó nem egyezik.
password-error-current = A jelenlegi jelszó helytelen.

## Fiókbeállítások › API-jogkivonatok
activity-op-api-token-created = API-jogkivonat létrehozva
activity-op-api-token-revoked = API-jogkivonat visszavonva
api-tokens-title = API-jogkivonatok
api-tokens-intro = Programjai egy „Authorization: Bearer …” formában küldött jogkivonattal hívják a CSP Desk API-t (a /v1 alatt, a Partnerközpontéval azonos elérési utakkal és JSON-nal). A jogkivonat az Ön által megadott hatókörökkel jár el a cége nevében, és soha nem tesz többet, mint amit Ön maga megtehet.
api-tokens-list-caption = A cége jogkivonatai, a legújabbal kezdve
api-tokens-name = Név
api-tokens-scopes = Hatókörök
api-tokens-created-by = Létrehozta
api-tokens-created = Létrehozva
api-tokens-expires = Lejárat
api-tokens-last-used = Utolsó használat
api-tokens-status = Állapot
api-tokens-actions = Műveletek
api-tokens-never-used = Soha
api-tokens-status-active = Aktív
api-tokens-status-expired = Lejárt
api-tokens-status-revoked = Visszavonva
api-tokens-revoke = Visszavonás
api-tokens-revoked = A jogkivonatot visszavontuk. A vele küldött kéréseket mostantól elutasítjuk.
api-tokens-none = Még nincsenek API-jogkivonatok.
api-tokens-create = Jogkivonat létrehozása
api-tokens-validity = Érvényesség
api-tokens-days = { $days ->
    [one] { $days } nap
   *[other] { $days } nap
}
api-tokens-scope-not-yours = a szerepkörei nem engedélyezik
api-scope-customers-read = Ügyfelek olvasása
api-scope-customers-write = Ügyfelek hozzáadása
api-scope-orders-read = Rendelések olvasása
api-scope-orders-write = Rendelések leadása és lemondása
api-scope-software-keys = Termékkulcsok és letöltési hivatkozások lekérése
api-scope-billing-read = Számlák olvasása
api-scope-audit-read = A tevékenységnapló olvasása
api-tokens-error-name = Adjon meg egy nevet, amelyből kiderül, melyik program használja a jogkivonatot.
api-tokens-error-name-long = Legfeljebb 80 karaktert használjon, tabulátor és sortörés nélkül.
api-tokens-error-name-taken = A cégének már van ilyen nevű jogkivonata (a visszavont jogkivonatok is megtartják a nevüket, hogy a tevékenységnapló egyértelmű maradjon). Válasszon másik nevet.
api-tokens-error-days = Válassza ki, meddig legyen érvényes a jogkivonat: legfeljebb egy évig.
api-tokens-error-scopes = Válasszon legalább egy hatókört.
api-tokens-error-scope-not-yours = Olyan hatókört választott, amelyet a szerepkörei nem engedélyeznek.
api-tokens-created-title = Jogkivonat létrehozva
api-tokens-created-message = Jogkivonat létrehozva: „{ $name }”.
api-tokens-secret = Jogkivonat
api-tokens-secret-once = Másolja ki most a jogkivonatot: csak ez egyszer jelenik meg, és a CSP Desk csak az ujjlenyomatát tárolja. Ha elveszíti, vonja vissza, és hozzon létre újat.
api-tokens-back = Vissza az API-jogkivonatokhoz

## API-hibák (az API hibaválaszainak „description” mezője)
api-error-no-token = Küldjön API-jogkivonatot „Authorization: Bearer <token>” formában.
api-error-bad-token = Az API-jogkivonat érvénytelen.
api-error-token-revoked = Az API-jogkivonatot visszavonták.
api-error-token-expired = Az API-jogkivonat lejárt.
api-error-token-creator-disabled = Az API-jogkivonatot létrehozó felhasználó le van tiltva, ezért a jogkivonat már nem működik.
api-error-scope = Az API-jogkivonat hatókörei vagy a létrehozójának szerepkörei nem engedélyezik ezt a kérést.
api-error-not-found = Az erőforrás nem található.
api-error-customer-id = Az ügyfél-azonosító érvénytelen: bérlőazonosítónak (GUID) kell lennie.
api-error-conflict = A kérés ütközik az erőforrás jelenlegi állapotával.
api-error-rate = Túl sok kérés érkezett ezzel az API-jogkivonattal. Próbálkozzon újra a Retry-After fejlécben megadott számú másodperc elteltével.
api-error-unavailable = A szolgáltatás rövid ideig nem érhető el. Próbálkozzon újra hamarosan.
api-error-bad-request = A kérés érvénytelen.
api-error-internal = Hiba történt a mi oldalunkon. Próbálkozzon újra; ha a hiba továbbra is fennáll, jelentse.
api-error-size = A size értékének 1 és { $most } közötti egész számnak kell lennie.
api-error-seek = A seekOperation értéke csak Next lehet.
api-error-continuation = seekOperation=Next esetén küldje el az előző oldal next hivatkozásából származó MS-ContinuationToken fejlécet.
api-error-route = Nincs ilyen API-elérési út vagy metódus.
api-error-body-size = A kérés törzse nagyobb, mint { $kb } KB.
api-error-body-json = A kérés törzse nem érvényes JSON ({ $line }. sor, { $column }. oszlop).
api-error-body-missing = { $field }: a mező megadása kötelező.
api-error-body-unknown = { $field }: ez a mező itt nem ismert.
api-error-body-type = { $field }: a mező értékének típusa vagy formátuma helytelen.
api-error-request-id = Az MS-RequestId legfeljebb 64 karakterből állhat, és csak betűket, számjegyeket és kötőjeleket tartalmazhat (GUID).
api-error-request-id-reused = Ezt az MS-RequestId-t már egy másik kéréstörzzsel használták.
api-error-country = A country megadása kötelező: egy piac kétbetűs kódja, például TR.
api-error-target-view = A targetView értéke Software, SoftwarePerpetual, SoftwareSubscriptions vagy AzureReservations lehet.
api-error-order-no-lines = A lineItems tömbnek legalább egy sort kell tartalmaznia.
api-error-order-many-lines = Egy rendelés legfeljebb { $most } sort tartalmazhat.
api-error-order-line-numbers = A lineItemNumber értékeinek 0, 1, 2 stb. sorszámmal kell számozniuk a sorokat, mindegyiket pontosan egyszer.
api-error-order-quantity = { $field }: a mező értékének 1 és 1000 közötti egész számnak kell lennie.
api-error-order-offer-form = { $field }: a mező értékének a /v1/products egyik catalogItemId értékének kell lennie, például ws2022-std:0001:0001.
api-error-order-offer-twice = { $offer }: az ajánlat több sorban is szerepel; vásárolja meg egyszer, nagyobb mennyiséggel.
api-error-order-offer-unknown = { $offer }: az ajánlat nincs a katalógusban, vagy nincs ára az ügyfél pénznemében.
api-error-order-not-sold = { $offer }: az ajánlat nem érhető el az ügyfél piacán.
api-error-order-customer = A referenceCustomerId nem a címben szereplő ügyfél.
api-error-order-currency = A currencyCode nem az ügyfél pénzneme.
api-error-order-id = Az id nem a címben szereplő rendelés.
api-error-order-status = A status értéke csak cancelled lehet: itt egy rendelést csak lemondani lehet.
api-error-order-no-line = A rendelésben nincs ilyen sorszámú tétel: { $line }.
api-error-order-not-cancellable = Ez a rendelés nem mondható le: a tételei már le vannak mondva, vagy a termék nem mondható le.
api-error-order-support-only = Ez a vásárlás csak támogatási kérelemmel mondható le.
api-error-order-window = Az Ön lemondási időszaka ({ $days } nap) lejárt. A vásárlást nem tudjuk lemondani.
api-error-customer-name = A companyProfile.companyName megadása kötelező: legfeljebb 200 karakter, vezérlőkarakterek nélkül.
api-error-customer-domain = A companyProfile.domain értékének tartománynévnek kell lennie, például contoso.com.
api-error-customer-country = A billingProfile.defaultAddress.country értékének egy piac kétbetűs kódjának kell lennie, például TR.
api-error-customer-currency = A billingProfile.currencyCode értékének olyan pénznemnek kell lennie, amelyben számlázunk, például USD, EUR vagy TRY.
api-error-software-cancelled = Ezt a vásárlást lemondták: a kulcsát és a letöltési hivatkozásait visszavontuk.
api-error-audit-start = A startDate megadása kötelező, yyyy-mm-dd formátumban.
api-error-audit-end = Az endDate értékének yyyy-mm-dd formátumú dátumnak kell lennie.
api-error-audit-range = Az endDate nem lehet korábbi a startDate értékénél, és legfeljebb { $days } nappal lehet későbbi.
api-error-audit-filter = A filter értékének a következő JSON-nak kell lennie: {"{"}"Field": "CustomerId", "CompanyName" vagy "ResourceType", "Value": …, "Operator": "equals" (CompanyName esetén "substring"){"}"}.
api-error-audit-resource-type = A szűrő ResourceType értéke nem a következők egyike: Order, Software, SupportRequest, User, AuditRecord, ApplicationCredentials.
api-error-audit-too-many = A CompanyName szűrő több mint { $most } ügyfélre illeszkedik: adjon meg többet a névből, vagy szűrjön CustomerId alapján.

## Confirmation steps (Approve refund, Disable user)
confirm-title = Megerősítés
confirm-back = Vissza
console-confirm-refund = Jóváhagyja a(z) { $amount } összegű visszatérítést? Ügyfél: { $customer }
console-confirm-invoice = Az összeg kreditként kerül a partner nyitott számlájára ({ $month }, { $currency }).
console-confirm-resolve = Megoldottként jelöli meg a(z) { $number } számú kérelmet? Ügyfél: { $customer }
console-confirm-revoke = A rendelés összes termékkulcsát és letöltési hivatkozását a rendszer azonnal visszavonja.
console-confirm-note = Az Ön megjegyzése a partnernek:
users-disable-confirm = Letiltja ezt a felhasználót: { $name } ({ $email })?

## Revoking a download link
link-revoke = Visszavonás
link-revoked = A hivatkozás visszavonva: mostantól semmit sem lehet vele letölteni.
link-already-revoked = Ez a hivatkozás már korábban vissza lett vonva.
activity-op-link-revoked = Hivatkozás visszavonva

## The Software list's cancellation column, and how a credit is computed
software-cancellable-until = Lemondható eddig
software-window-passed = Lejárt a határidő
software-window-never = Nem mondható le
software-window-support-only = Csak támogatási kérelemmel
cancel-credit-how-perpetual = Örökös licencű szoftver: a kifizetett teljes összeg ({ $paid }) jóváírásra kerül.
cancel-credit-how-term = Kifizetett összeg ({ $paid }) × { $unused } fel nem használt nap ÷ az időszak { $term } napja, a pénznem legkisebb egységére lefelé kerekítve.
cancel-credit-how-earlier = Levonva a korábban jóváírt összeg: { $earlier }.

## Said to screen readers after a Copy button
copy-done = A vágólapra másolva.

## Order history: finding an order, and its order
orders-search = Rendelés keresése
orders-search-hint = Rendelésszám vagy egy termék nevének része.
orders-search-found = A következőnek megfelelő rendelések: „{ $q }”
orders-search-none = Nincs ilyen számú rendelés, és ilyen nevű terméket tartalmazó sem.
orders-search-clear = Összes rendelés megjelenítése
search-submit = Keresés
sort-show-newest = (a legújabbak elöl)
sort-show-oldest = (a legrégebbiek elöl)

## What needs attention (home page), and the support list's filter
attention-title = Teendők
attention-waiting = Az Ön válaszára váró támogatási kérelmek
attention-ending = A következő 3 napban lejáró lemondási határidők
attention-expiring = A következő 2 napban lejáró letöltési hivatkozások
attention-invoices = E havi nyitott számlák
attention-invoice = { $currency }: { $charges } terhelés, { $credits } jóváírás
attention-none = Jelenleg nincs ilyen.
attention-soonest = A legkorábbiak
attention-later = A későbbiek
attention-expires = Lejárat (UTC)
attention-downloads-left = Hátralévő letöltések
support-waiting-only = Csak az Ön válaszára váró kérelmek
support-search = Kérelem keresése
support-search-hint = Kérelemszám, vagy a cím vagy az ügyfél nevének egy része.
support-search-found = A(z) „{ $q }” kifejezésnek megfelelő kérelmek
support-search-none = Nincs ilyen számú, című vagy ügyfelű kérelem.
support-search-clear = Az összes kérelem megjelenítése
support-show-waiting = Csak az Ön válaszára váró kérelmek megjelenítése
support-show-all = Összes kérelem megjelenítése

## Billing: the chart and the filters
billing-chart-title = Terhelések és jóváírások ({ $currency }), az elmúlt 12 hónap
billing-any = Bármelyik
billing-year = Év
billing-filter = Megjelenítés
billing-show-all-currencies = Minden pénznem megjelenítése, azoké is, amelyekben ebben a hónapban nincs tétel
