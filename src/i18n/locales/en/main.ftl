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
language-hu = Magyar
language-pl = Polski
language-ru = Русский
language-zh-Hans = 简体中文
language-ko = 한국어
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
customers-count-more = More than { $count } customers
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
software-search = Find a purchase
software-search-hint = Part of a product's name.
software-search-found = Purchases matching “{ $q }”
software-search-none = No purchase of a product by that name.
software-search-clear = Show all purchases
orders-empty = This customer has no orders yet.

form-has-errors = Please correct the fields marked below.
form-cancel = Cancel

pager-label = Pages
support-requests-total = { $count ->
    [one] 1 request
   *[other] { $count } requests
}
support-requests-total-more = More than { $count } requests
pager-newest = Newest
pager-older = Older
pager-orders-total = { $count ->
    [one] 1 order
   *[other] { $count } orders
}
pager-purchases-total = { $count ->
    [one] 1 purchase
   *[other] { $count } purchases
}

error-go-home = Go to the home page
error-400-title = Bad request
error-400-message = The request could not be understood. Go back and try again.
form-malformed = The form arrived incomplete or garbled, so nothing was saved. Go back, reload the page and send it again.
form-too-large = The form was larger than this page accepts, so nothing was saved. Go back and send less.
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
order-cart-already-ordered = This cart was already ordered as order { $number }, from another Review page; nothing was ordered again.
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
kms-overdue-since = overdue since { $date }
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
kms-row-too-early = the date is before 2000-01-01.
kms-row-too-many = more than 10,000 devices; split the list.
kms-error-nothing = Enter a date or choose a device list.
kms-error-date = Enter the date in the form YYYY-MM-DD.
kms-error-future = The last activation cannot be in the future. Enter the date the devices last activated against KMS.
kms-error-too-early = Enter a date on or after 2000-01-01.

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
invoice-line-count = { $count ->
    [one] 1 line
   *[other] { $count } lines
}
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
invoice-number = Invoice number
invoice-issued-on = Issued on
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
invoice-download-pdf = Download PDF
invoice-pdf-page = Page { $number }
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

## Support requests (partner side)
support-report = Report a problem
support-my-requests = My support requests
support-number = Request
support-title = Title
support-type = Problem type
support-impact = Impact
support-choose = Choose…
support-description = Description
support-tenant = Customer's tenant GUID or domain name
support-tenant-hint = One of your customers, e.g. adatum.test.
support-order = Order ID or subscription ID
support-order-hint = The order number from the customer's Order history, or the order's ID. Required for a refund.
support-reason = Reason for the refund or description of the problem
support-amount = Requested amount
support-amount-hint = For a refund: in the order's currency, at most what was paid less credits already given, e.g. 1069.00.
support-contact = Contact
support-contact-name = Name
support-contact-email = Email
support-contact-phone = Phone
support-filed-at = Filed (UTC)
support-status = Status
support-timeline = Conversation
support-back = Back to My support requests
support-approved-amount = Approved amount
support-request-title = Request { $number }
support-prefill-title = Refund for order { $order }
support-filed = Request { $number } was submitted. Support will answer here.
support-type-refund = CSP Purchase/Refund on behalf of customers
support-type-billing = Billing and invoices
support-type-order = Orders and provisioning
support-type-keys-downloads = Product keys and downloads
support-type-other = Something else
support-impact-critical = Critical: the customer's business is stopped
support-impact-high = High: the customer is seriously affected
support-impact-moderate = Moderate: the customer can work around it
support-impact-low = Low: a question or minor problem
support-status-new = New
support-status-in-review = In review
support-status-waiting-for-partner = Waiting for you
support-status-approved = Approved
support-status-rejected = Rejected
support-event-filed = Request filed
support-event-taken = Taken by support
support-event-info-requested = More information requested
support-event-replied = Reply
support-event-approved = Approved
support-event-rejected = Rejected
support-error-type = Choose a problem type.
support-error-impact = Choose the impact.
support-error-title = Enter a title of at most 150 characters.
support-error-reason = Describe the reason in at most 4,000 characters.
support-error-tenant = Enter the tenant GUID or domain name of one of your customers.
support-error-order-required = A refund needs the order: enter its order number or ID.
support-error-order = This customer has no order with that number or ID.
support-error-amount-required = Enter the amount you are asking for.
support-error-amount-malformed = Enter the amount as digits with a decimal point, e.g. 1069.00.
support-error-amount-positive = The amount must be more than zero.
support-error-amount-precision = The amount has more decimals than the order's currency.
support-error-amount-above = The amount is more than can be refunded on this order (what was paid less credits already given).
support-error-contact-name = Enter your name.
support-error-contact-email = Enter an email address such as name@example.com.
support-error-contact-phone = Enter a phone number with 6 to 15 digits, e.g. +1 425 555 0100.
activity-op-support-request-filed = Support request filed
support-add-files = Add files
support-files-hint = Optional. Up to 5 files of at most 10 MB each: PDF, PNG, JPEG, TXT, CSV or EML.
support-files-too-many = Choose at most 5 files.
support-error-file-size = Each file may be at most 10 MB. Choose a smaller file.
support-error-file-count = { $name } was not added: a message can carry at most 5 files.
support-error-file-type = { $name } was not added: only PDF, PNG, JPEG, TXT, CSV and EML files whose content matches their type are accepted.
support-error-file-empty = { $name } was not added: the file is empty.
support-error-files = Some files could not be added. Choose the files again.
support-reply = Reply to support
support-reply-body = Your answer
support-reply-send = Send reply
support-replied = Your reply was sent to support.
support-not-waiting = Support is not waiting for an answer on this request; nothing was sent.
support-error-message = Write a message of at most 4,000 characters.
nav-console = Support console
tile-console = Review all partners' support requests, ask for information, and approve or reject refunds.
console-age-days = { $n ->
    [one] 1 day
   *[other] { $n } days
}
console-age-hours = { $n ->
    [one] 1 hour
   *[other] { $n } hours
}
console-filter-open = Open (new, in review, waiting for partner)
console-filter-all = All
console-sort = Order
console-sort-oldest = Oldest waiting first
console-sort-newest = Newest first
console-show = Show
console-empty = No request matches this filter.
console-waiting = Waiting
console-partner = Partner
console-assignee = Assigned to
console-order = Order { $number }
console-placed = Placed (UTC):
console-paid = Paid
console-credited = Credited
console-refundable = Refundable
console-window = Cancellation window
console-total = Total
console-credits = Credits already given on this order
console-decide = Decision
console-take = Take this request
console-ask-body = Question for the partner
console-ask = Ask for more information
console-approve-amount = Amount to refund
console-approve-hint = At most the amount requested and at most { $refundable } still refundable on the order.
console-revoke = Also revoke every product key and download link of this order
console-note = Note to the partner (optional)
console-approve = Approve refund
console-resolve = Mark as resolved
console-reject-body = Reason for rejecting
console-reject = Reject
console-back = Back to the queue
console-moved = This request was already decided or changed by someone else; nothing more was done.
console-taken = You took this request.
console-asked = Your question was sent to the partner.
console-rejected = The request was rejected.
console-approved = The request was approved.
console-error-above-requested = The amount is more than the partner asked for.
console-error-above-refundable = The amount is more than is still refundable on the order.
activity-op-support-request-taken = Support request taken
activity-op-support-info-requested = Support asked for information
activity-op-support-replied = Partner replied to support
activity-op-support-request-approved = Support request approved
activity-op-support-request-rejected = Support request rejected
console-age-minutes = { $n ->
    [one] 1 minute
   *[other] { $n } minutes
}
support-file-size = { $kb } KB
console-status-new = New
console-status-in-review = In review
console-status-waiting-for-partner = Waiting for partner
console-status-approved = Approved
console-status-rejected = Rejected

## Account settings › Activity log
activity-title = Activity log
users-title = User management
users-search = Find a user
users-search-hint = Part of a name or an e-mail address.
users-search-found = Users matching “{ $q }”
users-search-none = No user has that name or e-mail address.
users-search-clear = Show all users
activity-intro = Who viewed software keys or downloaded software in the range you choose, newest first. Other records (orders, cancellations, support decisions, sign-ins, user changes) are under Operation.
activity-from = From (date, UTC)
activity-to = To (date, UTC)
activity-customer-filter = Customer (domain or tenant ID)
activity-show = Show
activity-export = Download CSV
activity-newest = Newest entries
activity-empty = Nothing was recorded in this range with these filters.
activity-range = From { $from } 00:00 to { $to } 24:00 UTC, newest first.
activity-col-time = Time (UTC)
activity-col-user = User
activity-col-customer = Customer
activity-col-product = Product
activity-col-order = Order
activity-col-operation = Operation
activity-col-details = Details
activity-csv-time = Time (UTC)
activity-csv-tenant = Tenant ID
activity-error-from = Enter the start date as year-month-day, for example 2026-11-01.
activity-error-to = Enter the end date as year-month-day, for example 2026-11-30.
activity-error-order = The start date is after the end date.
activity-error-range = Choose a range of at most 366 days.
activity-error-operation = Choose an operation from the list.
activity-error-user = Choose a user from the list.
activity-error-customer = None of your customers has this domain or tenant ID.
activity-op-group-access = Key access and downloads
activity-op-group-all = All operations
activity-user-anyone = Anyone
activity-who = Or someone else
activity-who-hint = A customer's user, support staff or an API token: type their e-mail address or the token's name. It replaces the choice above.
activity-error-who = No one by that e-mail address or API token name has acted on your data. Check the spelling, or choose from the list.
activity-detail-request = Support request { $number }
activity-detail-unrecorded-refusals = { $count ->
    [one] 1 more refusal of this link since its previous record was counted, not recorded
   *[other] { $count } more refusals of this link since its previous record were counted, not recorded
}
activity-op-signed-in = Signed in
activity-op-user-added = User added
activity-op-customer-added = Customer added
activity-op-user-roles-changed = Roles changed
activity-op-user-disabled = User disabled
activity-op-user-enabled = User re-enabled
activity-op-password-issued = Sign-in details issued
activity-op-password-set = Password set
activity-op-activity-exported = Activity log exported

## Account settings › User management
users-add = Add user
users-add-submit = Add user
users-roles = Roles
users-status = Status
users-status-active = Active
users-status-disabled = Disabled
users-credential = How the user signs in for the first time
users-credential-link = A set-password link, valid 24 hours
users-credential-password = A one-time password, to be replaced at the first sign-in
users-change-roles = Roles
users-save-roles = Save roles
users-access = Access
users-enable = Re-enable user
users-disable = Disable user
users-disable-note = A disabled user is signed out at once and cannot sign in until re-enabled.
users-new-credential = New sign-in details
users-issue = Create sign-in details
users-added = The user was added.
users-one-time-password = One-time password
users-set-password-link = Set-password link
users-password-once = This password is shown only now. Give it to the user privately; they choose their own at the first sign-in.
users-link-once = This link is shown only now and works once, for 24 hours. Send it to the user privately.
users-back-to-user = Back to the user
users-back-to-list = All users
users-roles-saved = The roles were saved. They apply from the user's next click.
users-enabled = The user was re-enabled.
users-disabled = The user was disabled and signed out.
users-error-name = Enter a name of at most 200 characters.
users-error-email = Enter an email address like name@example.com.
users-error-roles = Choose at least one role.
users-error-role-unknown = Choose roles from the list.
users-error-credential = Choose how the user signs in for the first time.
users-error-email-taken = A user with this email address already exists.
users-error-last-global-admin = Your organization must keep at least one active Global admin.
users-error-yourself = You cannot disable your own account.
password-change = Change password
password-title = Choose a password
password-intro = A new password for { $email }. Use at least 12 characters.
password-current = Current password
password-new = New password
password-confirm = New password again
password-save = Save password
password-saved = Your new password is saved.
password-set-sign-in = Your password is set. Sign in with it.
password-link-spent = This link has expired or was already used. Ask a Global admin of your organization for a new one.
password-error-short = Use at least 12 characters.
password-error-long = This password is too long.
password-error-confirm = The two passwords are not the same.
password-error-current = The current password is not right.

## Account settings › API tokens
activity-op-api-token-created = API token created
activity-op-api-token-revoked = API token revoked
api-tokens-title = API tokens
api-tokens-intro = Your programs call the CSP Desk API (paths and JSON as Partner Center's, under /v1) with a token sent as "Authorization: Bearer …". A token acts for your company with the scopes you give it, and never does more than you may do yourself.
api-tokens-list-caption = Tokens of your company, newest first
api-tokens-name = Name
api-tokens-scopes = Scopes
api-tokens-created-by = Created by
api-tokens-created = Created
api-tokens-expires = Expires
api-tokens-last-used = Last used
api-tokens-status = Status
api-tokens-actions = Actions
api-tokens-never-used = Never
api-tokens-status-active = Active
api-tokens-status-expired = Expired
api-tokens-status-revoked = Revoked
api-tokens-revoke = Revoke
api-tokens-revoked = The token was revoked. Requests made with it are refused from now on.
api-tokens-none = No API tokens yet.
api-tokens-create = Create token
api-tokens-validity = Valid for
api-tokens-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
api-tokens-scope-not-yours = your roles do not allow it
api-scope-customers-read = Read customers
api-scope-customers-write = Add customers
api-scope-orders-read = Read orders
api-scope-orders-write = Place and cancel orders
api-scope-software-keys = Get product keys and download links
api-scope-billing-read = Read invoices
api-scope-audit-read = Read the activity log
api-tokens-error-name = Enter a name that says which program uses the token.
api-tokens-error-name-long = Use at most 80 characters, without tabs or line breaks.
api-tokens-error-name-taken = Your company already has a token of this name (revoked tokens keep theirs, so the activity log stays clear). Choose another.
api-tokens-error-days = Choose how long the token is valid: at most a year.
api-tokens-error-scopes = Choose at least one scope.
api-tokens-error-scope-not-yours = You chose a scope your roles do not allow.
api-tokens-created-title = Token created
api-tokens-created-message = The token "{ $name }" was created.
api-tokens-secret = Token
api-tokens-secret-once = Copy the token now: it is shown only this once and CSP Desk keeps only a fingerprint of it. If it is lost, revoke it and create another.
api-tokens-back = Back to API tokens

## API errors (the "description" of the API's error responses)
api-error-no-token = Send an API token as "Authorization: Bearer <token>".
api-error-bad-token = The API token is not valid.
api-error-token-revoked = The API token was revoked.
api-error-token-expired = The API token has expired.
api-error-token-creator-disabled = The user who created this API token is disabled, so the token no longer works.
api-error-scope = The API token's scopes, or its creator's roles, do not allow this request.
api-error-not-found = The resource was not found.
api-error-customer-id = The customer id is not valid: it must be a tenant id (a GUID).
api-error-conflict = The request conflicts with the resource's current state.
api-error-rate = Too many requests with this API token. Try again after the number of seconds in Retry-After.
api-error-unavailable = The service is briefly unavailable. Try again shortly.
api-error-bad-request = The request is not valid.
api-error-internal = Something went wrong on our side. Try again; if it keeps happening, report it.
api-error-size = size must be a whole number from 1 to { $most }.
api-error-seek = seekOperation must be Next.
api-error-continuation = With seekOperation=Next, send the MS-ContinuationToken header from the previous page's next link.
api-error-route = There is no such API path or method.
api-error-body-size = The request body is larger than { $kb } KB.
api-error-body-json = The request body is not valid JSON (line { $line }, column { $column }).
api-error-body-missing = The field { $field } is required.
api-error-body-unknown = The field { $field } is not known here.
api-error-body-type = The field { $field } has a value of the wrong type or form.
api-error-request-id = MS-RequestId must be letters, digits and dashes, at most 64 (a GUID).
api-error-request-id-reused = This MS-RequestId was already used with another request body.
api-error-country = country is required: the two-letter code of a market, such as TR.
api-error-target-view = targetView must be Software, SoftwarePerpetual, SoftwareSubscriptions or AzureReservations.
api-error-order-no-lines = lineItems must have at least one line.
api-error-order-many-lines = An order can have at most { $most } lines.
api-error-order-line-numbers = lineItemNumber must number the lines 0, 1, 2 and so on, each once.
api-error-order-quantity = The field { $field } must be a whole number from 1 to 1000.
api-error-order-offer-form = The field { $field } must be a catalogItemId from /v1/products, such as ws2022-std:0001:0001.
api-error-order-offer-twice = The offer { $offer } is on more than one line: buy it once with a larger quantity.
api-error-order-offer-unknown = The offer { $offer } is not in the catalog, or has no price in the customer's currency.
api-error-order-not-sold = The offer { $offer } is not available in the customer's market.
api-error-order-customer = referenceCustomerId is not the customer of the address.
api-error-order-currency = currencyCode is not the customer's currency.
api-error-order-id = id is not the order of the address.
api-error-order-status = status must be cancelled: an order can only be cancelled here.
api-error-order-no-line = The order has no line item number { $line }.
api-error-order-not-cancellable = This order cannot be cancelled: its lines are already cancelled, or the product cannot be cancelled.
api-error-order-support-only = This purchase can only be cancelled through a support request.
api-error-order-window = You have passed your { $days }-day cancellation window. We are unable to cancel your purchase.
api-error-customer-name = companyProfile.companyName is required: at most 200 characters, without control characters.
api-error-customer-domain = companyProfile.domain must be a domain name such as contoso.com.
api-error-customer-country = billingProfile.defaultAddress.country must be the two-letter code of a market, such as TR.
api-error-customer-currency = billingProfile.currencyCode must be a currency we bill in, such as USD, EUR or TRY.
api-error-software-cancelled = This purchase was cancelled: its key and download links are revoked.
api-error-audit-start = startDate is required, as yyyy-mm-dd.
api-error-audit-end = endDate must be a date, as yyyy-mm-dd.
api-error-audit-range = endDate must be on or after startDate, at most { $days } days later.
api-error-audit-filter = filter must be the JSON {"{"}"Field": "CustomerId", "CompanyName" or "ResourceType", "Value": …, "Operator": "equals" (or "substring" for CompanyName){"}"}.
api-error-audit-resource-type = The filter's ResourceType is none of Order, Software, SupportRequest, User, AuditRecord or ApplicationCredentials.
api-error-audit-too-many = The CompanyName filter matches more than { $most } customers: use more of the name, or filter by CustomerId.

## Confirmation steps (Approve refund, Disable user)
confirm-title = Please confirm
confirm-back = Go back
console-confirm-refund = Approve a refund of { $amount } to { $customer }?
console-confirm-invoice = It is credited to the partner on the open invoice ({ $month }, { $currency }).
console-confirm-resolve = Mark request { $number } from { $customer } as resolved?
console-confirm-revoke = Every product key and download link of the order is revoked at once.
console-confirm-note = Your note to the partner:
users-disable-confirm = Disable { $name } ({ $email })?

## Revoking a download link
link-revoke = Revoke
link-revoked = The link was revoked: it downloads nothing from now on.
link-already-revoked = That link was already revoked.
activity-op-link-revoked = Link revoked

## The Software list's cancellation column, and how a credit is computed
software-cancellable-until = Cancellable until
software-window-passed = Window passed
software-window-never = Cannot be cancelled
software-window-support-only = Support request only
cancel-credit-how-perpetual = Perpetual software: all { $paid } paid is credited.
cancel-credit-how-term = { $paid } paid × { $unused } unused days ÷ { $term } days of the term, rounded down to the smallest unit of the currency.
cancel-credit-how-earlier = Less { $earlier } credited before.

## Said to screen readers after a Copy button
copy-done = Copied to the clipboard.

## Order history: finding an order, and its order
orders-search = Find an order
orders-search-hint = An order number, or part of a product's name.
orders-search-found = Orders matching “{ $q }”
orders-search-none = No order has that number or a product by that name.
orders-search-clear = Show all orders
search-submit = Search
sort-show-newest = (show newest first)
sort-show-oldest = (show oldest first)

## What needs attention (home page), and the support list's filter
attention-title = Needs attention
attention-waiting = Support requests waiting for you
attention-ending = Cancellation windows ending in the next 3 days
attention-expiring = Download links expiring in the next 2 days
attention-invoices = This month's open invoices
attention-invoice = { $currency }: { $charges } charged, { $credits } credited
attention-none = Nothing at the moment.
attention-soonest = Soonest first
attention-later = Later ones
attention-expires = Expires (UTC)
attention-downloads-left = Downloads left
support-waiting-only = Only the requests waiting for you
support-search = Find a request
support-search-hint = A request number, or part of its title or of the customer's name.
support-search-found = Requests matching “{ $q }”
support-search-none = No request has that number, title or customer.
support-search-clear = Show all requests
support-show-waiting = Show only the requests waiting for you
support-show-all = Show all requests

## Billing: the chart and the filters
billing-chart-title = Charges and credits in { $currency }, last 12 months
billing-any = Any
billing-year = Year
billing-filter = Show
billing-show-all-currencies = Show all currencies, also those with nothing this month
