# Türkçe katalog. Resmî terimler 2021 Türkçe kaynak belgeden alınmıştır
# (Müşteriler, Ürün ekle, Yazılım, Sipariş geçmişi, Çalışma alanları görünümü, Geçerli görünüm...).

app-name = CSP Desk
skip-to-content = İçeriğe atla
nav-label = Ana menü
breadcrumbs-label = İçerik haritası
nav-home = Giriş
nav-customers = Müşteriler
nav-billing = Faturalama
nav-support = Destek
nav-account = Hesap ayarları
tile-customers = Bir müşteri bulun, ürün ekleyin ve yazılımlarını yönetin.
tile-billing = Aylık faturalar ve krediler.
tile-support = Sorun bildirin ve destek isteklerinizi izleyin.
tile-account = Profiliniz, rolleriniz ve tercihleriniz.
home-welcome = Hoş geldiniz, { $name }
home-current-hint = Soldaki menüden bir çalışma alanı seçin.
view-workspaces = Çalışma alanları görünümü
view-current = Geçerli görünüm
language = Dil
language-apply = Dili değiştir
language-en = English
language-tr = Türkçe
gear-label = Ayarlar
sign-out = Oturumu kapat

signin-title = Oturum aç
signin-email = E-posta
signin-password = Parola
signin-submit = Oturum aç
signin-failed = E-posta adresi veya parola doğru değil.
signin-locked = Bu hesap için çok fazla başarısız oturum açma denemesi yapıldı. { $minutes } dakika sonra yeniden deneyin.

profile-title = Profilim
profile-name = Ad
profile-email = E-posta
profile-roles = Rolleriniz
profile-language = Dil
profile-view = Pano düzeni

role-admin-agent = Yönetici aracısı
role-global-admin = Genel yönetici
role-sales-agent = Satış aracısı
role-helpdesk-agent = Yardım masası aracısı
role-billing-admin = Faturalama yöneticisi
role-account-admin = Hesap yöneticisi
role-referral-admin = Referans yöneticisi
role-marketing-admin = Pazarlama içeriği yöneticisi
role-customer-global-admin = Genel yönetici (müşteri)
role-customer-user = Kullanıcı (müşteri)
role-support-engineer = Destek mühendisi

billing-empty = Henüz fatura yok. Bir ayın ilk siparişiyle birlikte o ayın faturası açılır.
support-empty = Destek isteğiniz yok.

customers-search-label = Müşterilerde ara
customers-search-placeholder = Şirket adı, etki alanı veya kiracı kimliği
customers-search-submit = Ara
customers-search-too-long = Arama metni çok uzun: en fazla { $max } karakter kullanın.
customers-none = Henüz müşteri yok.
customers-no-match = Aramanızla eşleşen müşteri yok.
customers-count = { $count ->
    [one] 1 müşteri
   *[other] { $count } müşteri
}
customer-add = Müşteri ekle
customer-add-submit = Müşteri ekle
customer-added = { $name } eklendi.
customer-company-name = Şirket adı
customer-domain = Birincil etki alanı
customer-tenant-id = Kiracı kimliği
customer-market = Pazar
customer-market-iso = Pazar (ISO ülke kodu)
customer-since = Müşteri olma tarihi
customer-currency = Faturalama para birimi
customer-error-name-required = Şirket adını girin.
customer-error-name-invalid = Şirket adı en fazla 200 karakter olmalı ve denetim karakteri içermemelidir.
customer-error-domain-invalid = contoso.com gibi bir etki alanı adı girin.
customer-error-domain-taken = Bu etki alanı zaten bir müşteriye ait.
customer-error-market-invalid = Listeden bir pazar seçin.
customer-error-currency-invalid = Listeden bir para birimi seçin.
customer-tabs-label = Müşteri ayrıntıları
add-products = Ürün ekle
tab-software = Yazılım
tab-order-history = Sipariş geçmişi
software-empty = Bu müşteri için henüz yazılım satın alınmadı.
orders-empty = Bu müşterinin henüz siparişi yok.

form-has-errors = Lütfen aşağıda işaretlenen alanları düzeltin.
form-cancel = Vazgeç

pager-label = Sayfalar
pager-previous = Önceki
pager-next = Sonraki
pager-position = Sayfa { $page } / { $pages }

error-go-home = Giriş sayfasına git
error-400-title = Hatalı istek
error-400-message = İstek anlaşılamadı. Geri dönüp yeniden deneyin.
error-403-title = İzin verilmiyor
error-403-message = Bu sayfa veya işlem için izniniz yok. Sayfa uzun süre açık kaldıysa yenileyip yeniden deneyin.
error-404-title = Bulunamadı
error-404-message = Burada bir şey yok ya da buna erişiminiz yok.
error-405-title = İzin verilmiyor
error-405-message = Bu adres bu tür bir isteği kabul etmiyor.
error-409-title = Çakışma
error-409-message = Başka biri bunu aynı anda değiştirdi. Sayfayı yenileyip yeniden deneyin.
error-410-title = Artık kullanılamıyor
error-410-message = Bu artık kullanılamıyor.
error-413-title = Çok büyük
error-413-message = Gönderdiğiniz içerik izin verilenden büyük.
error-422-title = Lütfen girdiğiniz bilgileri denetleyin
error-422-message = Girdiğiniz bilgilerin bir kısmı kabul edilemedi.
error-429-title = Çok fazla istek
error-429-message = Çok fazla deneme yapıldı. Birkaç dakika bekleyip yeniden deneyin.
error-500-title = Bir sorun oluştu
error-500-message = Bizim tarafımızda beklenmeyen bir hata oluştu ve kaydedildi. Daha sonra yeniden deneyin.
error-503-title = Geçici olarak kullanılamıyor
error-503-message = Hizmet şu anda veritabanına ulaşamıyor. Birazdan yeniden deneyin.

catalog-for-customer = { $customer } için
catalog-family = Ürün ailesi
catalog-all = Tümü
catalog-licence = Lisans
catalog-search = Ürünlerde ara
catalog-filter = Filtrele
catalog-none = Bu filtrelerle eşleşen ürün yok.
catalog-product = Ürün
catalog-price = Fiyat
catalog-quantity = Miktar
catalog-add-to-cart = Sepete ekle
catalog-review-cart = Gözden geçir ({ $count })
catalog-added = Sepete eklendi: { $quantity } × { $product }.
catalog-unknown-product = Bu ürün yok ya da artık satılmıyor.
catalog-unavailable-azure-market = Azure ayırmaları bu müşterinin pazarında ({ $market }) kullanılamaz.
catalog-unavailable-no-price = Bu müşterinin faturalama para biriminde satılmıyor.
licence-perpetual = Kalıcı
licence-subscription-any = Abonelik
licence-subscription = Abonelik, { $years } yıl
quantity-out-of-range = Miktar 1 ile 1000 arasında olmalıdır.
quantity-not-a-number = Miktar 1 ile 1000 arasında bir tam sayı olmalıdır.
quantity-cart-over-limit = Sepette bir üründen en fazla 1000 adet olabilir.
tax-excluded = Fiyatlar vergi hariçtir.
tax-included-au = Fiyatlara GST (%{ $rate }) dahildir.
tax-included-br = Fiyatlara vergi (%{ $rate }) dahildir.
tax-part = Dahil vergi: { $amount }
family-windows-server = Windows Server
family-sql-server = SQL Server
family-azure-reservation = Azure ayırması
family-linux-plan = Azure'da SUSE / RedHat yazılım planı
family-windows-esu = Windows genişletilmiş güvenlik güncelleştirmeleri
