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
