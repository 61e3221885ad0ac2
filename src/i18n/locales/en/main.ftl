# English catalog. Official labels follow the source documents (SPEC.md "Official labels").

app-name = CSP Desk
skip-to-content = Skip to content
nav-label = Main menu
breadcrumbs-label = Breadcrumbs
nav-home = Home
nav-customers = Customers
nav-billing = Billing
nav-support = Support
nav-account = Account settings
tile-customers = Find a customer, add products and manage their software.
tile-billing = Monthly invoices and credits.
tile-support = Report a problem and follow your support requests.
tile-account = Your profile, roles and preferences.
home-welcome = Welcome, { $name }
home-current-hint = Choose a workspace from the menu on the left.
view-workspaces = Workspaces view
view-current = Current view
language = Language
language-apply = Change language
language-en = English
language-tr = Türkçe
gear-label = Settings
sign-out = Sign out

signin-title = Sign in
signin-email = Email
signin-password = Password
signin-submit = Sign in
signin-failed = The email address or password is not correct.
signin-locked = Too many failed sign-in attempts for this account. Try again in { $minutes } minutes.

profile-title = My profile
profile-name = Name
profile-email = Email
profile-roles = Your roles
profile-language = Language
profile-view = Dashboard layout

role-admin-agent = Admin agent
role-global-admin = Global admin
role-sales-agent = Sales agent
role-helpdesk-agent = Helpdesk agent
role-billing-admin = Billing admin
role-account-admin = Account admin
role-referral-admin = Referral admin
role-marketing-admin = Marketing content admin
role-customer-global-admin = Global admin (customer)
role-customer-user = User (customer)
role-support-engineer = Support engineer

billing-empty = There are no invoices yet. An invoice opens with the first order placed in a month.
support-empty = You have no support requests.

customers-search-label = Search customers
customers-search-placeholder = Company name, domain or tenant ID
customers-search-submit = Search
customers-search-too-long = The search text is too long: use at most { $max } characters.
customers-none = There are no customers yet.
customers-no-match = No customer matches your search.
customers-count = { $count ->
    [one] 1 customer
   *[other] { $count } customers
}
customer-add = Add customer
customer-add-submit = Add customer
customer-added = { $name } was added.
customer-company-name = Company name
customer-domain = Primary domain
customer-tenant-id = Tenant ID
customer-market = Market
customer-market-iso = Market (ISO country code)
customer-since = Customer since
customer-currency = Billing currency
customer-error-name-required = Enter the company name.
customer-error-name-invalid = The company name must be at most 200 characters, without control characters.
customer-error-domain-invalid = Enter a domain name such as contoso.com.
customer-error-domain-taken = This domain already belongs to a customer.
customer-error-market-invalid = Choose a market from the list.
customer-error-currency-invalid = Choose a currency from the list.
customer-tabs-label = Customer details
add-products = Add products
tab-software = Software
tab-order-history = Order history
software-empty = No software has been bought for this customer yet.
orders-empty = This customer has no orders yet.

form-has-errors = Please correct the fields marked below.
form-cancel = Cancel

pager-label = Pages
pager-previous = Previous
pager-next = Next
pager-position = Page { $page } of { $pages }

error-go-home = Go to the home page
error-400-title = Bad request
error-400-message = The request could not be understood. Go back and try again.
error-403-title = Not allowed
error-403-message = You do not have permission for this page or action. If the page was open for a long time, reload it and try again.
error-404-title = Not found
error-404-message = There is nothing here, or you do not have access to it.
error-405-title = Not allowed
error-405-message = This address does not accept that kind of request.
error-409-title = Conflict
error-409-message = Someone else changed this at the same time. Reload the page and try again.
error-410-title = No longer available
error-410-message = This is no longer available.
error-413-title = Too large
error-413-message = What you sent is larger than allowed.
error-422-title = Please check your input
error-422-message = Some of what you entered could not be accepted.
error-429-title = Too many requests
error-429-message = Too many attempts. Wait a few minutes and try again.
error-500-title = Something went wrong
error-500-message = An unexpected error happened on our side and was logged. Try again later.
error-503-title = Temporarily unavailable
error-503-message = The service cannot reach its database right now. Try again in a moment.

catalog-for-customer = For { $customer }
catalog-family = Product family
catalog-all = All
catalog-licence = Licence
catalog-search = Search products
catalog-filter = Filter
catalog-none = No product matches these filters.
catalog-product = Product
catalog-price = Price
catalog-quantity = Quantity
catalog-add-to-cart = Add to cart
catalog-review-cart = Review ({ $count })
catalog-added = Added to the cart: { $quantity } × { $product }.
catalog-unknown-product = That product does not exist or is no longer sold.
catalog-unavailable-azure-market = Azure reservations are not available in this customer's market ({ $market }).
catalog-unavailable-no-price = Not sold in this customer's billing currency.
licence-perpetual = Perpetual
licence-subscription-any = Subscription
licence-subscription = Subscription, { $years ->
    [one] 1 year
   *[other] { $years } years
}
quantity-out-of-range = The quantity must be between 1 and 1000.
quantity-not-a-number = The quantity must be a whole number between 1 and 1000.
quantity-cart-over-limit = The cart can hold at most 1000 of one product.
tax-excluded = Prices exclude tax.
tax-included-au = Prices include GST ({ $rate }%).
tax-included-br = Prices include tax ({ $rate }%).
tax-part = Tax included: { $amount }
family-windows-server = Windows Server
family-sql-server = SQL Server
family-azure-reservation = Azure reservation
family-linux-plan = SUSE / Red Hat software plan on Azure
family-windows-esu = Windows extended security updates

review-title = Review
review-empty = The cart is empty.
review-unit-price = Unit price
review-amount = Amount
review-remove = Remove
review-update = Update
review-total = Total
review-place-order = Place order
review-continue = Add more products
review-updated = The quantity was changed.
review-removed = The product was removed from the cart.
order-title = Order { $number }
order-number = Order number
order-customer = Customer
order-placed-at = Placed (UTC)
order-placed-by = Placed by
order-status = Status
order-tax = Tax
order-lines = Lines
order-to-history = Go to Order history
order-tax-included = Includes tax ({ $rate }%)
order-tax-excluded = Excludes tax
order-status-completed = Completed
order-status-cancelled = Cancelled
order-status-partly-cancelled = Partly cancelled
order-line-count = { $count ->
    [one] 1 line
   *[other] { $count } lines
}
order-placed = Order { $number } was placed.
order-already-placed = Order { $number } was already placed; it was not placed twice.
order-prices-changed = Prices or quantities changed since this page was shown. Check the new amounts and place the order again.
order-empty-cart = The cart is empty: add products before placing an order.
order-form-expired = This form is out of date. Check the cart below and place the order again.

## Software page
software-product = Product
software-purchased = Purchase date (UTC)
software-status = Status
software-status-active = Active
software-status-cancelled = Cancelled
software-open = Keys and downloads
software-choose = Choose the version, language and bitness
software-version = Product version
software-language = Language
software-file-type = Bitness / file type
software-get-keys-and-downloads = Get keys and downloads
software-selection-not-offered = That combination of version, language and file type is not offered for this product. Choose again from the lists.
software-file = File
software-size = Size
file-size-bytes = { $bytes } bytes
software-sha256 = SHA-256
software-get-key = Get key
software-download = Download
software-copy-link = Copy link
software-copy = Copy
software-copy-key = Copy key to clipboard
software-copied = Copied to the clipboard.
software-new-link = New download link (shown only now; anyone with it can download the file)
software-no-file = No file has been registered for this variant yet.
software-links = Download links
software-link-variant = Variant
software-link-created = Created (UTC)
software-link-created-by = Created by
software-link-meter = Remaining
software-cancelled-no-key = This purchase was cancelled: its key and download links no longer work.
software-plan-no-files = This software plan runs on Azure: it has no product key or files to download.
software-key-title = Product key
software-key-mak = A Multiple Activation Key: one key activates many devices.
software-back = Back to the purchase
software-close = Close
software-kms-title = Need a KMS key?
software-kms-text = Purchases in this channel are activated with a Multiple Activation Key (MAK). Key Management Service (KMS) keys are not available, not even on request. To move devices that activate against KMS today without downtime, deploy the MAK within the 180 days their KMS activation stays valid.
link-meter = { $left } of { $max } downloads left · expires { $date }
link-state-expired = Expired { $date }
link-state-used-up = All { $max } downloads used
link-state-revoked = Withdrawn
link-gone-title = This download link no longer works
link-gone-expired = The link has expired: links work for 14 days.
link-gone-used-up = The link has been used for all of its 50 downloads.
link-gone-revoked = The link was withdrawn because the purchase was cancelled.
link-gone-advice = Ask your partner for a new link; each new link works for another 14 days or 50 downloads.
variant-language-en-US = English (United States)
variant-language-tr-TR = Turkish
variant-language-hu-HU = Hungarian
variant-language-pl-PL = Polish
variant-language-ru-RU = Russian
variant-language-ko-KR = Korean
variant-language-zh-CN = Chinese (Simplified)
variant-file-type-x64_iso = x64 ISO
variant-file-type-x86_iso = x86 ISO
variant-file-type-x64_cab = x64 CAB
variant-file-type-x64_msu = x64 MSU
variant-file-type-x86_msu = x86 MSU

## Customer admin center
nav-your-products = Your products
tile-your-products = Software bought for your organization, with keys and downloads.
your-products-title = Your products
access-title = Key and download access
access-intro = Who viewed your product keys or downloaded your software, newest first. Times are in UTC.
access-empty = Nobody has viewed a key or downloaded software yet.
access-when = Time (UTC)
access-who = Who
access-operation = What
access-older = Older entries
access-by-link-unknown = Download link
access-by-link = Download link, from { $ip }
activity-op-key-viewed = Key viewed
activity-op-downloaded = Downloaded
activity-op-link-created = Link created
activity-op-link-used = Downloaded by link
activity-op-link-refused = Link refused
activity-op-purchase-cancelled = Purchase cancelled
activity-op-order-placed = Order placed

## Moving from volume licensing (KMS) to CSP
kms-title = Moving from volume licensing to CSP without downtime
kms-intro = Devices activated against KMS stay activated for 180 days before they try to renew. Install this purchase's Multiple Activation Key on each device before then and nothing stops working. Enter when the devices last activated against KMS: one date for all of them, or a CSV file with one device per line (device name, date as YYYY-MM-DD).
kms-activated-on = Last KMS activation (all devices)
kms-devices-file = Or a device list (CSV)
kms-devices-hint = For example: SRV-01,2026-06-01. A header line is allowed. At most 10,000 devices, 1 MB.
kms-submit = Show the deadlines
kms-plan-title = Renewal deadlines
kms-device = Device
kms-last-activation = Last KMS activation (UTC)
kms-deadline = Renewal deadline (UTC)
kms-days = Days left
kms-days-left = { $days ->
    [one] 1 day
   *[other] { $days } days
}
kms-all-devices = All devices
kms-commands = Commands for each device (run as administrator)
kms-script = Download as a script
kms-script-about = Installs the Multiple Activation Key of { $product } (order { $order }) and activates Windows.
kms-script-run-as = Run from an elevated command prompt on each device before its KMS renewal deadline.
kms-bad-rows = These lines were skipped; the others are listed below.
kms-bad-row = Line { $line }: { $reason }
kms-row-unreadable = the line cannot be read as CSV.
kms-row-columns = expected two values: device name and date.
kms-row-name = the device name is empty, too long or contains control characters.
kms-row-date = the date is not in the form YYYY-MM-DD.
kms-row-future = the date is in the future.
kms-row-too-many = more than 10,000 devices; split the list.
kms-error-nothing = Enter a date or choose a device list.
kms-error-date = Enter the date in the form YYYY-MM-DD.

## Cancelling a purchase
software-cancel = Cancel
cancel-title = Cancel purchase
cancel-show-order = Show
cancel-state-open = { $days ->
    [one] 1 day left to cancel this order, until { $until }.
   *[other] { $days } days left to cancel this order, until { $until }.
}
cancel-state-passed = The cancellation window ended on { $ended }. This order can no longer be cancelled here.
cancel-state-never = SUSE Linux and Red Hat software plans on Azure cannot be cancelled or exchanged.
cancel-state-support-only = This product can only be cancelled through a customer support request.
cancel-state-already = This order's purchase of the product is already cancelled.
cancel-support-link = Submit a customer support request
cancel-important = Important
cancel-important-revoked = Every product key and download link of this purchase stops working at once. You and your customer are responsible for removing the cancelled software and any copies of its downloads.
cancel-important-listed = The purchase stays on the customer's Software page, marked cancelled, without an activation key.
cancel-important-credit = A credit for the cancelled order appears on your next monthly invoice: perpetual software gets 100% back, software subscriptions a prorated credit for the unused days of their term.
cancel-acknowledge = I have read the Important message about cancellation.
cancel-credit-preview = A credit of { $amount } will appear on the { $invoice } invoice.
cancel-submit = Submit
cancel-back = Back to Software
cancel-done = Order { $order }: { $product } is cancelled. Its keys and download links no longer work. A credit of { $amount } will appear on the { $invoice } invoice.
cancel-already = This order is already cancelled. Nothing more was done.
cancel-error-acknowledge = Select the checkbox to confirm that you have read the Important message. Nothing was cancelled.
cancel-error-not-in-order = That order does not contain { $product }. Choose one of the orders in the list. Nothing was cancelled.
cancel-error-refused = { $reason } Nothing was cancelled.

## Months and invoices
month-year = { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
invoice-status-open = open
invoice-status-issued = issued
order-line-cancelled = ({ $count } cancelled)

## Billing: monthly invoices
billing-invoices = Monthly invoices
billing-hint = One invoice per calendar month (UTC) and currency. The current month's invoice is open and grows with each order and credit; earlier months are issued and do not change.
invoice-title = Invoice { $month } · { $currency }
invoice-month = Month
invoice-currency = Currency
invoice-status = Status
invoice-period = Period
invoice-charges = Charges
invoice-credits = Credits
invoice-net = Total
invoice-open-hint = this month's invoice; credits given now appear here
invoice-empty = Nothing has been ordered or credited in this month yet.
invoice-date = Date (UTC)
invoice-kind = Type
invoice-customer = Customer
invoice-amount = Amount
invoice-kind-charge = Order
invoice-kind-cancellation = Credit: cancellation
invoice-kind-refund = Credit: approved refund
invoice-download-csv = Download CSV
invoice-back = Back to Billing
invoice-csv-date = Date (UTC)
invoice-csv-kind = Type
invoice-csv-customer = Customer
invoice-csv-tenant = Tenant ID
invoice-csv-order = Order number
invoice-csv-product = Product
invoice-csv-quantity = Quantity
invoice-csv-amount = Amount
invoice-csv-currency = Currency
invoice-csv-tax = Tax
