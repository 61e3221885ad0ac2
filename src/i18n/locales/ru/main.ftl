# Русский каталог. Официальные термины взяты из русского исходного документа (2018)
# и документации Центра партнеров (Клиенты, Добавить продукты, Программное обеспечение,
# Журнал заказов, Представление рабочих областей, Текущее представление...).

app-name = CSP Desk
skip-to-content = Перейти к содержимому
nav-label = Главное меню
breadcrumbs-label = Навигационная цепочка
nav-home = Главная
nav-customers = Клиенты
nav-billing = Выставление счетов
nav-support = Поддержка
nav-account = Параметры учетной записи
tile-customers = Найдите клиента, добавьте продукты и управляйте его программным обеспечением.
tile-billing = Ежемесячные счета и кредиты.
tile-support = Сообщите о проблеме и отслеживайте свои запросы в службу поддержки.
tile-account = Ваш профиль, роли и настройки.
home-welcome = Добро пожаловать, { $name }
home-current-hint = Выберите рабочую область в меню слева.
view-workspaces = Представление рабочих областей
view-current = Текущее представление
language = Язык
language-apply = Сменить язык
language-en = English
language-tr = Türkçe
language-hu = Magyar
language-pl = Polski
language-ru = Русский
language-zh-Hans = 简体中文
language-ko = 한국어
gear-label = Параметры
sign-out = Выйти

signin-title = Вход
signin-email = Электронная почта
signin-password = Пароль
signin-submit = Войти
signin-failed = Неверный адрес электронной почты или пароль.
signin-locked = Слишком много неудачных попыток входа в эту учетную запись. Повторите попытку через { $minutes } мин.

profile-title = Мой профиль
profile-name = Имя
profile-email = Электронная почта
profile-roles = Ваши роли
profile-language = Язык
profile-view = Макет панели мониторинга

role-admin-agent = Агент администратора
role-global-admin = Глобальный администратор
role-sales-agent = Агент по продажам
role-helpdesk-agent = Агент службы поддержки
role-billing-admin = Администратор выставления счетов
role-account-admin = Администратор учетной записи
role-referral-admin = Администратор рефералов
role-marketing-admin = Администратор маркетингового контента
role-customer-global-admin = Глобальный администратор (клиент)
role-customer-user = Пользователь (клиент)
role-support-engineer = Инженер службы поддержки

billing-empty = Счетов пока нет. Счет за месяц открывается с первым заказом, размещенным в этом месяце.
support-empty = У вас нет запросов в службу поддержки.

customers-search-label = Поиск клиентов
customers-search-placeholder = Название компании, домен или идентификатор арендатора
customers-search-submit = Найти
customers-search-too-long = Слишком длинный текст для поиска: максимальное число символов — { $max }.
customers-none = Клиентов пока нет.
customers-no-match = Нет клиентов, соответствующих условиям поиска.
customers-count = { $count ->
    [one] { $count } клиент
    [few] { $count } клиента
    [many] { $count } клиентов
   *[other] { $count } клиента
}
customers-count-more = { $count ->
    [one] Более { $count } клиента
    [few] Более { $count } клиентов
    [many] Более { $count } клиентов
   *[other] Более { $count } клиентов
}
customer-add = Добавить клиента
customer-add-submit = Добавить клиента
customer-added = Клиент «{ $name }» добавлен.
customer-company-name = Название компании
customer-domain = Основной домен
customer-tenant-id = Идентификатор арендатора
customer-market = Рынок
customer-market-iso = Рынок (код страны ISO)
customer-since = Клиент с
customer-currency = Валюта выставления счетов
customer-error-name-required = Введите название компании.
customer-error-name-invalid = Название компании должно содержать не более 200 символов и не должно содержать управляющих символов.
customer-error-domain-invalid = Введите доменное имя, например contoso.com.
customer-error-domain-taken = Этот домен уже принадлежит другому клиенту.
customer-error-market-invalid = Выберите рынок из списка.
customer-error-currency-invalid = Выберите валюту из списка.
customer-tabs-label = Сведения о клиенте
add-products = Добавить продукты
tab-software = Программное обеспечение
tab-order-history = Журнал заказов
software-empty = Для этого клиента еще не приобреталось программное обеспечение.
software-search = Найти покупку
software-search-hint = Часть названия продукта.
software-search-found = Покупки по условию «{ $q }»
software-search-none = Нет покупок продукта с таким названием.
software-search-clear = Показать все покупки
orders-empty = У этого клиента еще нет заказов.

form-has-errors = Исправьте поля, отмеченные ниже.
form-cancel = Отмена

pager-label = Страницы
support-requests-total = { $count ->
    [one] { $count } запрос
    [few] { $count } запроса
    [many] { $count } запросов
   *[other] { $count } запроса
}
support-requests-total-more = { $count ->
    [one] Более { $count } запроса
    [few] Более { $count } запросов
    [many] Более { $count } запросов
   *[other] Более { $count } запросов
}
pager-newest = Самые новые
pager-older = Более ранние
pager-orders-total = { $count ->
    [one] { $count } заказ
    [few] { $count } заказа
    [many] { $count } заказов
   *[other] { $count } заказа
}
pager-purchases-total = { $count ->
    [one] { $count } покупка
    [few] { $count } покупки
    [many] { $count } покупок
   *[other] { $count } покупки
}

error-go-home = Перейти на главную страницу
error-400-title = Неверный запрос
error-400-message = Не удалось распознать запрос. Вернитесь назад и повторите попытку.
form-malformed = Форма получена неполной или поврежденной, поэтому ничего не сохранено. Вернитесь назад, обновите страницу и отправьте форму еще раз.
form-too-large = Форма оказалась больше, чем допускает эта страница, поэтому ничего не сохранено. Вернитесь назад и отправьте меньше данных.
error-403-title = Доступ запрещен
error-403-message = У вас нет разрешения на эту страницу или это действие. Если страница была долго открыта, обновите ее и повторите попытку.
error-404-title = Не найдено
error-404-message = Здесь ничего нет, или у вас нет к этому доступа.
error-405-title = Не разрешено
error-405-message = Этот адрес не принимает запросы такого типа.
error-409-title = Конфликт
error-409-message = Кто-то другой изменил эти данные одновременно с вами. Обновите страницу и повторите попытку.
error-410-title = Больше недоступно
error-410-message = Этот ресурс больше недоступен.
error-413-title = Слишком большой объем
error-413-message = Отправленные данные превышают допустимый размер.
error-422-title = Проверьте введенные данные
error-422-message = Некоторые из введенных данных не удалось принять.
error-429-title = Слишком много запросов
error-429-message = Слишком много попыток. Подождите несколько минут и повторите попытку.
error-500-title = Что-то пошло не так
error-500-message = На нашей стороне произошла непредвиденная ошибка; она записана в журнал. Повторите попытку позже.
error-503-title = Временно недоступно
error-503-message = Служба сейчас не может подключиться к своей базе данных. Повторите попытку немного позже.

catalog-for-customer = Для клиента { $customer }
catalog-family = Семейство продуктов
catalog-all = Все
catalog-licence = Лицензия
catalog-search = Поиск продуктов
catalog-filter = Фильтровать
catalog-none = Нет продуктов, соответствующих этим фильтрам.
catalog-product = Продукт
catalog-price = Цена
catalog-quantity = Количество
catalog-add-to-cart = Добавить в корзину
catalog-review-cart = Проверка ({ $count })
catalog-added = Добавлено в корзину: { $quantity } × { $product }.
catalog-unknown-product = Такого продукта нет, или он больше не продается.
catalog-unavailable-azure-market = Зарезервированные экземпляры Azure недоступны на рынке этого клиента ({ $market }).
catalog-unavailable-no-price = Не продается в валюте выставления счетов этого клиента.
licence-perpetual = Бессрочная
licence-subscription-any = Подписка
licence-subscription = { $years ->
    [one] Подписка на { $years } год
    [few] Подписка на { $years } года
    [many] Подписка на { $years } лет
   *[other] Подписка на { $years } года
}
quantity-out-of-range = Количество должно быть от 1 до 1000.
quantity-not-a-number = Количество должно быть целым числом от 1 до 1000.
quantity-cart-over-limit = В корзине может быть не более 1000 единиц одного продукта.
tax-excluded = Цены указаны без учета налога.
tax-included-au = Цены включают GST ({ $rate } %).
tax-included-br = Цены включают налог ({ $rate } %).
tax-part = Включая налог: { $amount }
family-windows-server = Windows Server
family-sql-server = SQL Server
family-azure-reservation = Зарезервированный экземпляр Azure
family-linux-plan = План программного обеспечения SUSE / Red Hat в Azure
family-windows-esu = Расширенные обновления безопасности Windows

review-title = Проверка
review-empty = Корзина пуста.
review-unit-price = Цена за единицу
review-amount = Сумма
review-remove = Удалить
review-update = Обновить
review-total = Итого
review-place-order = Купить
review-continue = Добавить еще продукты
review-updated = Количество изменено.
review-removed = Продукт удален из корзины.
order-title = Заказ { $number }
order-number = Номер заказа
order-customer = Клиент
order-placed-at = Дата размещения (UTC)
order-placed-by = Кем размещен
order-status = Состояние
order-tax = Налог
order-lines = Позиции
order-to-history = Перейти в раздел «Журнал заказов»
order-tax-included = Включая налог ({ $rate } %)
order-tax-excluded = Без учета налога
order-status-completed = Выполнен
order-status-cancelled = Отменен
order-status-partly-cancelled = Частично отменен
order-line-count = { $count ->
    [one] { $count } позиция
    [few] { $count } позиции
    [many] { $count } позиций
   *[other] { $count } позиции
}
order-placed = Заказ { $number } размещен.
order-already-placed = Заказ { $number } уже был размещен; повторно он не размещался.
order-cart-already-ordered = Эта корзина уже была оформлена как заказ { $number } на другой странице «Проверка»; повторный заказ не размещен.
order-prices-changed = С момента открытия этой страницы изменились цены или количество. Проверьте новые суммы и разместите заказ еще раз.
order-empty-cart = Корзина пуста: добавьте продукты, прежде чем размещать заказ.
order-form-expired = Эта форма устарела. Проверьте корзину ниже и разместите заказ еще раз.

## Страница «Программное обеспечение»
software-product = Продукт
software-purchased = Дата покупки (UTC)
software-status = Состояние
software-status-active = Активно
software-status-cancelled = Отменено
software-open = Ключи и загрузки
software-choose = Выберите версию, язык и разрядность
software-version = Версия продукта
software-language = Язык
software-file-type = Разрядность / тип файла
software-get-keys-and-downloads = Получить ключи и загрузки
software-selection-not-offered = Такое сочетание версии, языка и типа файла для этого продукта не предлагается. Выберите значения в списках еще раз.
software-file = Файл
software-size = Размер
file-size-bytes = { $bytes ->
    [one] { $bytes } байт
    [few] { $bytes } байта
    [many] { $bytes } байт
   *[other] { $bytes } байта
}
software-sha256 = SHA-256
software-get-key = Получить ключ
software-download = Скачать
software-copy-link = Копировать ссылку
software-copy = Копировать
software-copy-key = Копировать ключ в буфер обмена
software-copied = Скопировано в буфер обмена.
software-new-link = Новая ссылка для скачивания (показывается только сейчас; любой, у кого она есть, может скачать файл)
software-no-file = Для этого варианта еще не зарегистрирован файл.
software-links = Ссылки для скачивания
software-link-variant = Вариант
software-link-created = Создана (UTC)
software-link-created-by = Кем создана
software-link-meter = Осталось
software-cancelled-no-key = Эта покупка отменена: ее ключ и ссылки для скачивания больше не работают.
software-plan-no-files = Этот план программного обеспечения работает в Azure: у него нет ключа продукта и файлов для скачивания.
software-key-title = Ключ продукта
software-key-mak = Ключ многократной активации (MAK): один ключ активирует множество устройств.
software-back = Назад к покупке
software-close = Закрыть
software-kms-title = Нужен ключ KMS?
software-kms-text = Покупки по этому каналу активируются с помощью ключа многократной активации (MAK). Ключи службы управления ключами (KMS) не предоставляются, даже по запросу. Чтобы без простоя перевести устройства, которые сейчас активируются через KMS, разверните MAK в течение 180 дней, пока их активация KMS остается действительной.
link-meter = Осталось скачиваний: { $left } из { $max } · действует до { $date }
link-state-expired = Срок действия истек { $date }
link-state-used-up = Использованы все скачивания ({ $max })
link-state-revoked = Отозвана
link-gone-title = Эта ссылка для скачивания больше не работает
link-gone-expired = Срок действия ссылки истек: ссылки действуют 14 дней.
link-gone-used-up = По ссылке уже выполнены все 50 скачиваний.
link-gone-revoked = Ссылка отозвана, так как покупка была отменена.
link-gone-advice = Попросите у своего партнера новую ссылку; каждая новая ссылка действует еще 14 дней или 50 скачиваний.
variant-language-en-US = Английский (США)
variant-language-tr-TR = Турецкий
variant-language-hu-HU = Венгерский
variant-language-pl-PL = Польский
variant-language-ru-RU = Русский
variant-language-ko-KR = Корейский
variant-language-zh-CN = Китайский (упрощенное письмо)
variant-file-type-x64_iso = x64 ISO
variant-file-type-x86_iso = x86 ISO
variant-file-type-x64_cab = x64 CAB
variant-file-type-x64_msu = x64 MSU
variant-file-type-x86_msu = x86 MSU

## Центр администрирования клиента
nav-your-products = Ваши продукты
tile-your-products = Программное обеспечение, приобретенное для вашей организации, с ключами и загрузками.
your-products-title = Ваши продукты
access-title = Доступ к ключам и загрузкам
access-intro = Кто просматривал ключи ваших продуктов или скачивал ваше программное обеспечение, сначала самые новые записи. Время указано в формате UTC.
access-empty = Пока никто не просматривал ключи и не скачивал программное обеспечение.
access-when = Время (UTC)
access-who = Кто
access-operation = Действие
access-older = Более ранние записи
access-by-link-unknown = Ссылка для скачивания
access-by-link = Ссылка для скачивания, с адреса { $ip }
activity-op-key-viewed = Ключ просмотрен
activity-op-downloaded = Скачано
activity-op-link-created = Ссылка создана
activity-op-link-used = Скачано по ссылке
activity-op-link-refused = Ссылка отклонена
activity-op-purchase-cancelled = Покупка отменена
activity-op-order-placed = Заказ размещен

## Переход с корпоративного лицензирования (KMS) на CSP
kms-title = Переход с корпоративного лицензирования на CSP без простоя
kms-intro = Устройства, активированные через KMS, остаются активированными в течение 180 дней, после чего пытаются продлить активацию. Установите ключ многократной активации из этой покупки на каждое устройство до истечения этого срока, и ничего не перестанет работать. Укажите, когда устройства последний раз активировались через KMS: одну дату для всех устройств или CSV-файл, по одному устройству в строке (имя устройства, дата в формате ГГГГ-ММ-ДД).
kms-activated-on = Последняя активация KMS (все устройства)
kms-devices-file = Или список устройств (CSV)
kms-devices-hint = Например: SRV-01,2026-06-01. Допускается строка заголовка. Не более 10 000 устройств, 1 МБ.
kms-submit = Показать крайние сроки
kms-plan-title = Крайние сроки продления
kms-device = Устройство
kms-last-activation = Последняя активация KMS (UTC)
kms-deadline = Крайний срок продления (UTC)
kms-days = Осталось дней
kms-days-left = { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
}
kms-overdue-since = просрочено с { $date }
kms-all-devices = Все устройства
kms-commands = Команды для каждого устройства (запускайте от имени администратора)
kms-script = Скачать как скрипт
kms-script-about = Устанавливает ключ многократной активации продукта { $product } (заказ { $order }) и активирует Windows.
kms-script-run-as = Запустите на каждом устройстве из командной строки с правами администратора до крайнего срока продления KMS.
kms-bad-rows = Эти строки пропущены; остальные приведены ниже.
kms-bad-row = Строка { $line }: { $reason }
kms-row-unreadable = строку не удается прочитать как CSV.
kms-row-columns = ожидаются два значения: имя устройства и дата.
kms-row-name = имя устройства пустое, слишком длинное или содержит управляющие символы.
kms-row-date = дата указана не в формате ГГГГ-ММ-ДД.
kms-row-future = дата находится в будущем.
kms-row-too-early = дата раньше 2000-01-01.
kms-row-too-many = более 10 000 устройств; разделите список.
kms-error-nothing = Введите дату или выберите список устройств.
kms-error-date = Введите дату в формате ГГГГ-ММ-ДД.
kms-error-future = Последняя активация не может быть в будущем. Введите дату, когда устройства последний раз активировались через KMS.
kms-error-too-early = Введите дату не ранее 2000-01-01.

## Отмена покупки
software-cancel = Отмена
cancel-title = Отмена покупки
cancel-show-order = Показать
cancel-state-open = { $days ->
    [one] Отменить этот заказ можно еще { $days } день, до { $until }.
    [few] Отменить этот заказ можно еще { $days } дня, до { $until }.
    [many] Отменить этот заказ можно еще { $days } дней, до { $until }.
   *[other] Отменить этот заказ можно еще { $days } дня, до { $until }.
}
cancel-state-passed = Период отмены закончился { $ended }. Этот заказ больше нельзя отменить здесь.
cancel-state-never = Планы программного обеспечения SUSE Linux и Red Hat в Azure нельзя отменить или обменять.
cancel-state-support-only = Этот продукт можно отменить только через запрос в службу поддержки клиентов.
cancel-state-already = Покупка этого продукта в данном заказе уже отменена.
cancel-support-link = Отправить запрос в службу поддержки клиентов
cancel-important = Важно
cancel-important-revoked = Все ключи продукта и ссылки для скачивания по этой покупке сразу перестают работать. Вы и ваш клиент несете ответственность за удаление отмененного программного обеспечения и всех копий его загрузок.
cancel-important-listed = Покупка остается на странице «Программное обеспечение» клиента с пометкой об отмене, но без ключа активации.
cancel-important-credit = Кредит за отмененный заказ появится в вашем следующем ежемесячном счете: за бессрочное программное обеспечение возвращается 100 % стоимости, за подписки на программное обеспечение предоставляется пропорциональный кредит за неиспользованные дни срока.
cancel-acknowledge = Я прочитал(а) сообщение «Важно» об отмене.
cancel-credit-preview = Кредит в размере { $amount } появится в счете за { $invoice }.
cancel-submit = Отправить
cancel-back = Назад к разделу «Программное обеспечение»
cancel-done = Заказ { $order }: продукт { $product } отменен. Его ключи и ссылки для скачивания больше не работают. Кредит в размере { $amount } появится в счете за { $invoice }.
cancel-already = Этот заказ уже отменен. Больше ничего не сделано.
cancel-error-acknowledge = Установите флажок, чтобы подтвердить, что вы прочитали сообщение «Важно». Ничего не отменено.
cancel-error-not-in-order = Этот заказ не содержит продукт { $product }. Выберите один из заказов в списке. Ничего не отменено.
cancel-error-refused = { $reason } Ничего не отменено.

## Месяцы и счета
invoice-line-count = { $count ->
    [one] { $count } позиция
    [few] { $count } позиции
    [many] { $count } позиций
   *[other] { $count } позиции
}
invoice-status-open = открыт
invoice-status-issued = выставлен
order-line-cancelled = (отменено: { $count })

## Выставление счетов: ежемесячные счета
billing-invoices = Ежемесячные счета
billing-hint = Один счет на каждый календарный месяц (UTC) и валюту. Счет текущего месяца открыт и пополняется с каждым заказом и кредитом; счета за прошлые месяцы выставлены и больше не меняются.
invoice-title = Счет за { $month } · { $currency }
invoice-month = Месяц
invoice-currency = Валюта
invoice-status = Состояние
invoice-number = Номер счета
invoice-issued-on = Дата выставления
invoice-period = Период
invoice-charges = Начисления
invoice-credits = Кредиты
invoice-net = Итого
invoice-open-hint = счет этого месяца; кредиты, предоставленные сейчас, появятся здесь
invoice-empty = В этом месяце пока нет заказов и кредитов.
invoice-date = Дата (UTC)
invoice-kind = Тип
invoice-customer = Клиент
invoice-amount = Сумма
invoice-kind-charge = Заказ
invoice-kind-cancellation = Кредит: отмена
invoice-kind-refund = Кредит: одобренный возврат средств
invoice-download-pdf = Скачать PDF
invoice-pdf-page = Страница { $number }
invoice-download-csv = Скачать CSV
invoice-back = Назад к разделу «Выставление счетов»
invoice-csv-date = Дата (UTC)
invoice-csv-kind = Тип
invoice-csv-customer = Клиент
invoice-csv-tenant = Идентификатор арендатора
invoice-csv-order = Номер заказа
invoice-csv-product = Продукт
invoice-csv-quantity = Количество
invoice-csv-amount = Сумма
invoice-csv-currency = Валюта
invoice-csv-tax = Налог

## Запросы в службу поддержки (сторона партнера)
support-report = Сообщить о проблеме
support-my-requests = Мои запросы в службу поддержки
support-number = Запрос
support-title = Заголовок
support-type = Тип проблемы
support-impact = Влияние
support-choose = Выберите…
support-description = Описание
support-tenant = GUID арендатора или доменное имя клиента
support-tenant-hint = Один из ваших клиентов, например adatum.test.
support-order = Идентификатор заказа или идентификатор подписки
support-order-hint = Номер заказа на вкладке «Журнал заказов» клиента или идентификатор заказа. Обязателен для возврата средств.
support-reason = Причина возврата средств или описание проблемы
support-amount = Запрошенная сумма
support-amount-hint = Для возврата средств: в валюте заказа, не более уплаченной суммы за вычетом уже предоставленных кредитов, например 1069.00.
support-contact = Контактные данные
support-contact-name = Имя
support-contact-email = Электронная почта
support-contact-phone = Телефон
support-filed-at = Отправлен (UTC)
support-status = Состояние
support-timeline = Переписка
support-back = Назад к моим запросам в службу поддержки
support-approved-amount = Одобренная сумма
support-request-title = Запрос { $number }
support-prefill-title = Возврат средств по заказу { $order }
support-filed = Запрос { $number } отправлен. Служба поддержки ответит здесь.
support-type-refund = CSP: покупка и возврат денежных средств от имени клиентов
support-type-billing = Выставление счетов и счета
support-type-order = Заказы и подготовка
support-type-keys-downloads = Ключи продуктов и загрузки
support-type-other = Другое
support-impact-critical = Критическое: работа клиента остановлена
support-impact-high = Высокое: клиент серьезно затронут
support-impact-moderate = Умеренное: у клиента есть обходное решение
support-impact-low = Низкое: вопрос или незначительная проблема
support-status-new = Новый
support-status-in-review = На рассмотрении
support-status-waiting-for-partner = Ожидается ваш ответ
support-status-approved = Одобрен
support-status-rejected = Отклонен
support-event-filed = Запрос отправлен
support-event-taken = Взят в работу службой поддержки
support-event-info-requested = Запрошены дополнительные сведения
support-event-replied = Ответ
support-event-approved = Одобрен
support-event-rejected = Отклонен
support-error-type = Выберите тип проблемы.
support-error-impact = Выберите влияние.
support-error-title = Введите заголовок длиной не более 150 символов.
support-error-reason = Опишите причину, используя не более 4000 символов.
support-error-tenant = Введите GUID арендатора или доменное имя одного из ваших клиентов.
support-error-order-required = Для возврата средств нужен заказ: введите номер или идентификатор заказа.
support-error-order = У этого клиента нет заказа с таким номером или идентификатором.
support-error-amount-required = Введите запрашиваемую сумму.
support-error-amount-malformed = Введите сумму цифрами с десятичной точкой, например 1069.00.
support-error-amount-positive = Сумма должна быть больше нуля.
support-error-amount-precision = В сумме больше десятичных знаков, чем допускает валюта заказа.
support-error-amount-above = Сумма превышает то, что можно вернуть по этому заказу (уплаченная сумма за вычетом уже предоставленных кредитов).
support-error-contact-name = Введите свое имя.
support-error-contact-email = Введите адрес электронной почты, например name@example.com.
support-error-contact-phone = Введите номер телефона, содержащий от 6 до 15 цифр, например +7 495 555 01 00.
activity-op-support-request-filed = Запрос в службу поддержки отправлен
support-add-files = Добавить файлы
support-files-hint = Необязательно. До 5 файлов размером не более 10 МБ каждый: PDF, PNG, JPEG, TXT, CSV или EML.
support-files-too-many = Выберите не более 5 файлов.
support-error-file-size = Размер каждого файла не должен превышать 10 МБ. Выберите файл меньшего размера.
support-error-file-count = Файл { $name } не добавлен: к сообщению можно приложить не более 5 файлов.
support-error-file-type = Файл { $name } не добавлен: принимаются только файлы PDF, PNG, JPEG, TXT, CSV и EML, содержимое которых соответствует их типу.
support-error-file-empty = Файл { $name } не добавлен: файл пуст.
support-error-files = Не удалось добавить некоторые файлы. Выберите файлы еще раз.
support-reply = Ответить службе поддержки
support-reply-body = Ваш ответ
support-reply-send = Отправить ответ
support-replied = Ваш ответ отправлен в службу поддержки.
support-not-waiting = Служба поддержки не ожидает ответа по этому запросу; ничего не отправлено.
support-error-message = Напишите сообщение длиной не более 4000 символов.
nav-console = Консоль поддержки
tile-console = Просматривайте запросы в службу поддержки от всех партнеров, запрашивайте сведения, одобряйте или отклоняйте возвраты средств.
console-age-days = { $n ->
    [one] { $n } день
    [few] { $n } дня
    [many] { $n } дней
   *[other] { $n } дня
}
console-age-hours = { $n ->
    [one] { $n } час
    [few] { $n } часа
    [many] { $n } часов
   *[other] { $n } часа
}
console-filter-open = Открытые (новые, на рассмотрении, ожидают ответа партнера)
console-filter-all = Все
console-sort = Сортировка
console-sort-oldest = Сначала ожидающие дольше всех
console-sort-newest = Сначала новые
console-show = Показать
console-empty = Нет запросов, соответствующих этому фильтру.
console-waiting = Ожидание
console-partner = Партнер
console-assignee = Исполнитель
console-order = Заказ { $number }
console-placed = Дата размещения (UTC):
console-paid = Оплачено
console-credited = Сумма кредитов
console-refundable = Доступно для возврата
console-window = Период отмены
console-total = Итого
console-credits = Кредиты, уже предоставленные по этому заказу
console-decide = Решение
console-take = Взять этот запрос в работу
console-ask-body = Вопрос партнеру
console-ask = Запросить дополнительные сведения
console-approve-amount = Сумма возврата
console-approve-hint = Не больше запрошенной суммы и не больше суммы, еще доступной для возврата по заказу ({ $refundable }).
console-revoke = Также отозвать все ключи продукта и ссылки для скачивания по этому заказу
console-note = Примечание для партнера (необязательно)
console-approve = Одобрить возврат средств
console-resolve = Отметить как решенный
console-reject-body = Причина отклонения
console-reject = Отклонить
console-back = Назад к очереди
console-moved = По этому запросу уже принято решение, или его изменил кто-то другой; больше ничего не сделано.
console-taken = Вы взяли этот запрос в работу.
console-asked = Ваш вопрос отправлен партнеру.
console-rejected = Запрос отклонен.
console-approved = Запрос одобрен.
console-error-above-requested = Сумма превышает запрошенную партнером.
console-error-above-refundable = Сумма превышает остаток, еще доступный для возврата по заказу.
activity-op-support-request-taken = Запрос в службу поддержки взят в работу
activity-op-support-info-requested = Служба поддержки запросила сведения
activity-op-support-replied = Партнер ответил службе поддержки
activity-op-support-request-approved = Запрос в службу поддержки одобрен
activity-op-support-request-rejected = Запрос в службу поддержки отклонен
console-age-minutes = { $n ->
    [one] { $n } минута
    [few] { $n } минуты
    [many] { $n } минут
   *[other] { $n } минуты
}
support-file-size = { $kb } КБ
console-status-new = Новый
console-status-in-review = На рассмотрении
console-status-waiting-for-partner = Ожидает ответа партнера
console-status-approved = Одобрен
console-status-rejected = Отклонен

## Параметры учетной записи › Журнал действий
activity-title = Журнал действий
users-title = Управление пользователями
users-search = Найти пользователя
users-search-hint = Часть имени или адреса электронной почты.
users-search-found = Пользователи по условию «{ $q }»
users-search-none = Нет пользователя с таким именем или адресом электронной почты.
users-search-clear = Показать всех пользователей
activity-intro = Кто просматривал ключи программного обеспечения или скачивал программное обеспечение в выбранном вами диапазоне дат, сначала самые новые записи. Другие записи (заказы, отмены, решения службы поддержки, входы, изменения пользователей) можно выбрать в поле «Операция».
activity-from = С (дата, UTC)
activity-to = По (дата, UTC)
activity-customer-filter = Клиент (домен или идентификатор арендатора)
activity-show = Показать
activity-export = Скачать CSV
activity-newest = Самые новые записи
activity-empty = В этом диапазоне с такими фильтрами ничего не записано.
activity-range = С { $from } 00:00 по { $to } 24:00 UTC, сначала самые новые.
activity-col-time = Время (UTC)
activity-col-user = Пользователь
activity-col-customer = Клиент
activity-col-product = Продукт
activity-col-order = Заказ
activity-col-operation = Операция
activity-col-details = Подробности
activity-csv-time = Время (UTC)
activity-csv-tenant = Идентификатор арендатора
activity-error-from = Введите начальную дату в формате год-месяц-день, например 2026-11-01.
activity-error-to = Введите конечную дату в формате год-месяц-день, например 2026-11-30.
activity-error-order = Начальная дата позже конечной.
activity-error-range = Выберите диапазон длиной не более 366 дней.
activity-error-operation = Выберите операцию из списка.
activity-error-user = Выберите пользователя из списка.
activity-error-customer = Ни у одного из ваших клиентов нет такого домена или идентификатора арендатора.
activity-op-group-access = Доступ к ключам и скачивание
activity-op-group-all = Все операции
activity-user-anyone = Любой пользователь
activity-who = Или другой человек
activity-who-hint = Пользователь клиента, сотрудник поддержки или токен API: введите адрес электронной почты или имя токена. Это заменяет выбор выше.
activity-error-who = Никто с таким адресом электронной почты или именем токена API не выполнял действий с вашими данными. Проверьте написание или выберите из списка.
activity-detail-request = Запрос в службу поддержки { $number }
activity-detail-unrecorded-refusals = { $count ->
    [one] С момента предыдущей записи по этой ссылке подсчитан, но не записан еще { $count } отказ
    [few] С момента предыдущей записи по этой ссылке подсчитаны, но не записаны еще { $count } отказа
    [many] С момента предыдущей записи по этой ссылке подсчитаны, но не записаны еще { $count } отказов
   *[other] С момента предыдущей записи по этой ссылке подсчитаны, но не записаны еще { $count } отказа
}
activity-op-signed-in = Выполнен вход
activity-op-user-added = Пользователь добавлен
activity-op-customer-added = Клиент добавлен
activity-op-user-roles-changed = Роли изменены
activity-op-user-disabled = Пользователь отключен
activity-op-user-enabled = Пользователь снова включен
activity-op-password-issued = Выданы данные для входа
activity-op-password-set = Пароль задан
activity-op-activity-exported = Журнал действий экспортирован

## Параметры учетной записи › Управление пользователями
users-add = Добавить пользователя
users-add-submit = Добавить пользователя
users-roles = Роли
users-status = Состояние
users-status-active = Активен
users-status-disabled = Отключен
users-credential = Как пользователь выполнит первый вход
users-credential-link = Ссылка для задания пароля, действительная 24 часа
users-credential-password = Одноразовый пароль, который нужно заменить при первом входе
users-change-roles = Роли
users-save-roles = Сохранить роли
users-access = Доступ
users-enable = Снова включить пользователя
users-disable = Отключить пользователя
users-disable-note = Для отключенного пользователя сразу выполняется выход, и он не сможет войти, пока его снова не включат.
users-new-credential = Новые данные для входа
users-issue = Создать данные для входа
users-added = Пользователь добавлен.
users-one-time-password = Одноразовый пароль
users-set-password-link = Ссылка для задания пароля
users-password-once = Этот пароль показывается только сейчас. Передайте его пользователю конфиденциально; при первом входе пользователь задаст собственный пароль.
users-link-once = Эта ссылка показывается только сейчас и срабатывает один раз в течение 24 часов. Отправьте ее пользователю конфиденциально.
users-back-to-user = Назад к пользователю
users-back-to-list = Все пользователи
users-roles-saved = Роли сохранены. Они вступят в силу при следующем действии пользователя.
users-enabled = Пользователь снова включен.
users-disabled = Пользователь отключен, и для него выполнен выход.
users-error-name = Введите имя длиной не более 200 символов.
users-error-email = Введите адрес электронной почты, например name@example.com.
users-error-roles = Выберите хотя бы одну роль.
users-error-role-unknown = Выберите роли из списка.
users-error-credential = Выберите, как пользователь выполнит первый вход.
users-error-email-taken = Пользователь с таким адресом электронной почты уже существует.
users-error-last-global-admin = В вашей организации должен остаться хотя бы один активный глобальный администратор.
users-error-yourself = Нельзя отключить собственную учетную запись.
password-change = Изменить пароль
password-title = Задайте пароль
password-intro = Новый пароль для { $email }. Используйте не менее 12 символов.
password-current = Текущий пароль
password-new = Новый пароль
password-confirm = Повторите новый пароль
password-save = Сохранить пароль
password-saved = Новый пароль сохранен.
password-set-sign-in = Пароль задан. Войдите с этим паролем.
password-link-spent = Срок действия этой ссылки истек, или она уже использована. Попросите новую ссылку у глобального администратора вашей организации.
password-error-short = Используйте не менее 12 символов.
password-error-long = Этот пароль слишком длинный.
password-error-confirm = Пароли не совпадают.
password-error-current = Текущий пароль указан неверно.

## Параметры учетной записи › Маркеры API
activity-op-api-token-created = Маркер API создан
activity-op-api-token-revoked = Маркер API отозван
api-tokens-title = Маркеры API
api-tokens-intro = Ваши программы вызывают API CSP Desk (пути и JSON такие же, как в Центре партнеров, в разделе /v1) с маркером, который передается в заголовке "Authorization: Bearer …". Маркер действует от имени вашей компании в пределах предоставленных ему областей и никогда не может сделать больше, чем разрешено вам самим.
api-tokens-list-caption = Маркеры вашей компании, сначала самые новые
api-tokens-name = Название
api-tokens-scopes = Области
api-tokens-created-by = Кем создан
api-tokens-created = Создан
api-tokens-expires = Истекает
api-tokens-last-used = Последнее использование
api-tokens-status = Состояние
api-tokens-actions = Действия
api-tokens-never-used = Никогда
api-tokens-status-active = Активен
api-tokens-status-expired = Истек
api-tokens-status-revoked = Отозван
api-tokens-revoke = Отозвать
api-tokens-revoked = Маркер отозван. С этого момента запросы с ним отклоняются.
api-tokens-none = Маркеров API пока нет.
api-tokens-create = Создать маркер
api-tokens-validity = Срок действия
api-tokens-days = { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
}
api-tokens-scope-not-yours = ваши роли этого не допускают
api-scope-customers-read = Просмотр клиентов
api-scope-customers-write = Добавление клиентов
api-scope-orders-read = Просмотр заказов
api-scope-orders-write = Размещение и отмена заказов
api-scope-software-keys = Получение ключей продуктов и ссылок для скачивания
api-scope-billing-read = Просмотр счетов
api-scope-audit-read = Просмотр журнала действий
api-tokens-error-name = Введите название, по которому понятно, какая программа использует маркер.
api-tokens-error-name-long = Используйте не более 80 символов, без знаков табуляции и разрывов строк.
api-tokens-error-name-taken = У вашей компании уже есть маркер с таким названием (отозванные маркеры сохраняют свои названия, чтобы журнал действий оставался однозначным). Выберите другое название.
api-tokens-error-days = Выберите срок действия маркера: не более года.
api-tokens-error-scopes = Выберите хотя бы одну область.
api-tokens-error-scope-not-yours = Вы выбрали область, которую не допускают ваши роли.
api-tokens-created-title = Маркер создан
api-tokens-created-message = Маркер «{ $name }» создан.
api-tokens-secret = Маркер
api-tokens-secret-once = Скопируйте маркер сейчас: он показывается только один раз, а CSP Desk хранит только его отпечаток. Если маркер будет утерян, отзовите его и создайте новый.
api-tokens-back = Назад к маркерам API

## Ошибки API (поле "description" в ответах API с ошибкой)
api-error-no-token = Передайте маркер API в заголовке "Authorization: Bearer <token>".
api-error-bad-token = Маркер API недействителен.
api-error-token-revoked = Маркер API отозван.
api-error-token-expired = Срок действия маркера API истек.
api-error-token-creator-disabled = Пользователь, создавший этот маркер API, отключен, поэтому маркер больше не работает.
api-error-scope = Области маркера API или роли его создателя не допускают этот запрос.
api-error-not-found = Ресурс не найден.
api-error-customer-id = Недопустимый идентификатор клиента: это должен быть идентификатор арендатора (GUID).
api-error-conflict = Запрос конфликтует с текущим состоянием ресурса.
api-error-rate = Слишком много запросов с этим маркером API. Повторите попытку через число секунд, указанное в заголовке Retry-After.
api-error-unavailable = Служба временно недоступна. Повторите попытку немного позже.
api-error-bad-request = Недопустимый запрос.
api-error-internal = На нашей стороне что-то пошло не так. Повторите попытку; если ошибка повторяется, сообщите о ней.
api-error-size = Параметр size должен быть целым числом от 1 до { $most }.
api-error-seek = Параметр seekOperation должен иметь значение Next.
api-error-continuation = При seekOperation=Next передайте заголовок MS-ContinuationToken из ссылки next предыдущей страницы.
api-error-route = Такого пути или метода API не существует.
api-error-body-size = Текст запроса превышает { $kb } КБ.
api-error-body-json = Текст запроса не является допустимым JSON (строка { $line }, столбец { $column }).
api-error-body-missing = Поле { $field } является обязательным.
api-error-body-unknown = Поле { $field } здесь неизвестно.
api-error-body-type = Значение поля { $field } имеет неверный тип или формат.
api-error-request-id = MS-RequestId должен состоять из букв, цифр и дефисов, не более 64 символов (GUID).
api-error-request-id-reused = Этот MS-RequestId уже использовался с другим текстом запроса.
api-error-country = Параметр country обязателен: двухбуквенный код рынка, например TR.
api-error-target-view = Параметр targetView должен иметь значение Software, SoftwarePerpetual, SoftwareSubscriptions или AzureReservations.
api-error-order-no-lines = lineItems должен содержать хотя бы одну позицию.
api-error-order-many-lines = Максимальное число позиций в заказе — { $most }.
api-error-order-line-numbers = lineItemNumber должен нумеровать позиции как 0, 1, 2 и так далее, каждую по одному разу.
api-error-order-quantity = Поле { $field } должно быть целым числом от 1 до 1000.
api-error-order-offer-form = Поле { $field } должно содержать catalogItemId из /v1/products, например ws2022-std:0001:0001.
api-error-order-offer-twice = Предложение { $offer } указано в нескольких позициях: купите его один раз в большем количестве.
api-error-order-offer-unknown = Предложения { $offer } нет в каталоге, или для него нет цены в валюте клиента.
api-error-order-not-sold = Предложение { $offer } недоступно на рынке клиента.
api-error-order-customer = referenceCustomerId не соответствует клиенту, указанному в адресе.
api-error-order-currency = currencyCode не соответствует валюте клиента.
api-error-order-id = id не соответствует заказу, указанному в адресе.
api-error-order-status = status должен иметь значение cancelled: здесь заказ можно только отменить.
api-error-order-no-line = В заказе нет позиции с номером { $line }.
api-error-order-not-cancellable = Этот заказ нельзя отменить: его позиции уже отменены, или продукт не подлежит отмене.
api-error-order-support-only = Эту покупку можно отменить только через запрос в службу поддержки.
api-error-order-window = Ваш { $days }-дневный период отмены истек. Мы не можем отменить вашу покупку.
api-error-customer-name = Поле companyProfile.companyName является обязательным: не более 200 символов, без управляющих символов.
api-error-customer-domain = companyProfile.domain должен быть доменным именем, например contoso.com.
api-error-customer-country = billingProfile.defaultAddress.country должен быть двухбуквенным кодом рынка, например TR.
api-error-customer-currency = billingProfile.currencyCode должен быть валютой, в которой мы выставляем счета, например USD, EUR или TRY.
api-error-software-cancelled = Эта покупка отменена: ее ключ и ссылки для скачивания отозваны.
api-error-audit-start = Параметр startDate обязателен, в формате ГГГГ-ММ-ДД.
api-error-audit-end = endDate должен быть датой в формате ГГГГ-ММ-ДД.
api-error-audit-range = { $days ->
    [one] endDate должен быть не раньше startDate и не более чем на { $days } день позже.
    [few] endDate должен быть не раньше startDate и не более чем на { $days } дня позже.
    [many] endDate должен быть не раньше startDate и не более чем на { $days } дней позже.
   *[other] endDate должен быть не раньше startDate и не более чем на { $days } дня позже.
}
api-error-audit-filter = filter должен быть JSON вида {"{"}"Field": "CustomerId", "CompanyName" или "ResourceType", "Value": …, "Operator": "equals" (или "substring" для CompanyName){"}"}.
api-error-audit-resource-type = ResourceType в фильтре не является ни одним из значений Order, Software, SupportRequest, User, AuditRecord или ApplicationCredentials.
api-error-audit-too-many = Фильтру CompanyName соответствует слишком много клиентов (более { $most }): укажите большую часть названия или используйте фильтр по CustomerId.

## Confirmation steps (Approve refund, Disable user)
confirm-title = Подтверждение
confirm-back = Назад
console-confirm-refund = Одобрить возврат средств в размере { $amount } клиенту { $customer }?
console-confirm-invoice = Сумма будет зачислена партнеру как кредит в открытом счете ({ $month }, { $currency }).
console-confirm-resolve = Отметить запрос № { $number } клиента { $customer } как решенный?
console-confirm-revoke = Все ключи продукта и ссылки для скачивания по этому заказу будут сразу отозваны.
console-confirm-note = Ваше примечание для партнера:
users-disable-confirm = Отключить пользователя { $name } ({ $email })?

## Revoking a download link
link-revoke = Отозвать
link-revoked = Ссылка отозвана: по ней больше ничего нельзя скачать.
link-already-revoked = Эта ссылка уже была отозвана.
activity-op-link-revoked = Ссылка отозвана

## The Software list's cancellation column, and how a credit is computed
software-cancellable-until = Можно отменить до
software-window-passed = Срок истек
software-window-never = Отменить нельзя
software-window-support-only = Только через запрос в службу поддержки
cancel-credit-how-perpetual = Бессрочная лицензия: кредитуется вся уплаченная сумма ({ $paid }).
cancel-credit-how-term = Уплаченная сумма ({ $paid }) × неиспользованные дни ({ $unused }) ÷ дни срока ({ $term }), с округлением вниз до наименьшей единицы валюты.
cancel-credit-how-earlier = За вычетом ранее зачисленного кредита: { $earlier }.

## Said to screen readers after a Copy button
copy-done = Скопировано в буфер обмена.

## Order history: finding an order, and its order
orders-search = Найти заказ
orders-search-hint = Номер заказа или часть названия продукта.
orders-search-found = Заказы по запросу «{ $q }»
orders-search-none = Нет заказа с таким номером или с продуктом с таким названием.
orders-search-clear = Показать все заказы
search-submit = Найти
sort-show-newest = (сначала новые)
sort-show-oldest = (сначала старые)

## What needs attention (home page), and the support list's filter
attention-title = Требует внимания
attention-waiting = Запросы в службу поддержки, ожидающие вашего ответа
attention-ending = Сроки отмены, истекающие в ближайшие 3 дня
attention-expiring = Ссылки для скачивания, истекающие в ближайшие 2 дня
attention-invoices = Открытые счета этого месяца
attention-invoice = { $currency }: начислено { $charges }, кредиты { $credits }
attention-none = Сейчас ничего нет.
attention-soonest = Ближайшие
attention-later = Следующие
attention-expires = Истекает (UTC)
attention-downloads-left = Осталось скачиваний
support-waiting-only = Только запросы, ожидающие вашего ответа
support-search = Найти запрос
support-search-hint = Номер запроса или часть его названия либо имени клиента.
support-search-found = Запросы по условию «{ $q }»
support-search-none = Нет запроса с таким номером, названием или клиентом.
support-search-clear = Показать все запросы
support-show-waiting = Показать только запросы, ожидающие вашего ответа
support-show-all = Показать все запросы

## Billing: the chart and the filters
billing-chart-title = Начисления и кредиты в { $currency } за последние 12 месяцев
billing-any = Любая
billing-year = Год
billing-filter = Показать
billing-show-all-currencies = Показать все валюты, в том числе без операций в этом месяце
