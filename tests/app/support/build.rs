//! Builders: each test states the partners, customers, users and purchases it needs, and gets
//! real rows in its own database. Defaults are plain (a US customer paying in dollars, one of
//! the product, bought now); a test names only what its assertions depend on.
//!
//! ```ignore
//! let partner = app.partner("Contoso").await;
//! let agent = app.user(partner).roles(&[Role::AdminAgent]).await;
//! let customer = app.customer(partner).market("HU", Currency::Huf).await;
//! let ws = app.purchase(customer, "ws2022-std").days_old(2).await;
//! let v = app.signed_in(&agent).await;
//! ```

use std::future::{Future, IntoFuture};
use std::pin::Pin;

use chrono::{DateTime, Duration, Utc};
use cspdesk::auth::Role;
use cspdesk::clock::Clock;
use cspdesk::db::schema::{customers, order_lines, orders, partners, products, user_roles, users};
use cspdesk::ids::{CustomerId, LineId, OrderId, PartnerId, ProductId, UserId};
use cspdesk::money::Currency;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;

use super::{PASSWORD, TestApp};

type Building<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A short random tag, so names and addresses a test does not state never collide.
fn tag() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..8].to_string()
}

/// The hash of `PASSWORD`, made once per run (hashing is deliberately slow).
async fn password_hash() -> &'static str {
    static HASH: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    HASH.get_or_init(|| async {
        tokio::task::spawn_blocking(|| cspdesk::auth::password::hash(PASSWORD))
            .await
            .expect("hashing runs")
            .expect("hashing succeeds")
    })
    .await
}

/// One purchase: an order line, with the customer and order it belongs to.
#[derive(Clone, Copy, Debug)]
pub struct Purchase {
    pub customer: CustomerId,
    pub order: OrderId,
    pub line: LineId,
}

impl Purchase {
    /// The purchase's page on the partner's Software tab.
    pub fn path(&self) -> String {
        format!("/customers/{}/software/{}", self.customer, self.line)
    }

    pub fn key_path(&self) -> String {
        format!("{}/key", self.path())
    }

    pub fn cancel_path(&self) -> String {
        format!("{}/cancel", self.path())
    }
}

/// A placed order: its number and one purchase per line, in the order the test named them.
#[derive(Clone, Debug)]
pub struct Order {
    /// The order's number, as Order history shows it.
    pub number: i64,
    pub purchases: Vec<Purchase>,
}

/// The usual cast: a partner, its Admin agent and one customer of it (in the US, paying in
/// dollars), with no purchases.
#[derive(Clone, Debug)]
pub struct Shop {
    pub partner: PartnerId,
    /// The Admin agent's e-mail.
    pub agent: String,
    pub customer: CustomerId,
}

impl TestApp {
    /// A partner "Contoso" with an Admin agent and a US customer "Northwind".
    pub async fn shop(&self) -> Shop {
        let partner = self.partner("Contoso").await;
        let agent = self.user(partner).roles(&[Role::AdminAgent]).await;
        let customer = self.customer(partner).named("Northwind").await;
        Shop {
            partner,
            agent,
            customer,
        }
    }

    /// A new partner (a reseller) with no staff and no customers.
    pub async fn partner(&self, name: &str) -> PartnerId {
        let id = PartnerId::random();
        diesel::insert_into(partners::table)
            .values((
                partners::id.eq(id),
                partners::name.eq(name),
                partners::created_at.eq(self.clock.now()),
            ))
            .execute(&mut self.conn().await)
            .await
            .expect("partner inserted");
        id
    }

    /// A new customer (tenant) of `partner`; by default in the US, paying in dollars.
    pub fn customer(&self, partner: PartnerId) -> CustomerBuilder<'_> {
        let tag = tag();
        CustomerBuilder {
            app: self,
            partner,
            name: format!("Customer {tag}"),
            domain: format!("customer-{tag}.test"),
            market: "US",
            currency: Currency::Usd,
        }
    }

    /// A new user of `partner` who signs in with `PASSWORD`; awaiting it gives the e-mail.
    /// By default partner staff with no role; `.customer(..)` makes them the customer's user.
    pub fn user(&self, partner: PartnerId) -> UserBuilder<'_> {
        UserBuilder {
            app: self,
            partner: Some(partner),
            customer: None,
            roles: Vec::new(),
        }
    }

    /// A new support engineer (staff of CSP Desk itself, of no partner); their e-mail.
    pub async fn support_engineer(&self) -> String {
        UserBuilder {
            app: self,
            partner: None,
            customer: None,
            roles: vec![Role::SupportEngineer],
        }
        .await
    }

    /// An order of the customer with one line (`sku`, quantity 1), placed now through the
    /// Review page's own "Place order" code; awaiting it gives the purchase.
    pub fn purchase(&self, customer: CustomerId, sku: &str) -> PurchaseBuilder<'_> {
        PurchaseBuilder {
            order: self.order(customer).line(sku, 1),
        }
    }

    /// An order of the customer with the lines added by `.line(sku, quantity)`.
    pub fn order(&self, customer: CustomerId) -> OrderBuilder<'_> {
        OrderBuilder {
            app: self,
            customer,
            lines: Vec::new(),
            at: At::DaysOld(0),
            buyer: None,
        }
    }
}

pub struct CustomerBuilder<'a> {
    app: &'a TestApp,
    partner: PartnerId,
    name: String,
    domain: String,
    market: &'static str,
    currency: Currency,
}

impl CustomerBuilder<'_> {
    /// The company name the pages show.
    pub fn named(mut self, name: &str) -> Self {
        self.name = name.to_string();
        self
    }

    pub fn domain(mut self, domain: &str) -> Self {
        self.domain = domain.to_string();
        self
    }

    /// The market (a country code) and the currency the customer pays in.
    pub fn market(mut self, market: &'static str, currency: Currency) -> Self {
        self.market = market;
        self.currency = currency;
        self
    }
}

impl<'a> IntoFuture for CustomerBuilder<'a> {
    type Output = CustomerId;
    type IntoFuture = Building<'a, CustomerId>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            let id = CustomerId::random();
            diesel::insert_into(customers::table)
                .values((
                    customers::id.eq(id),
                    customers::partner_id.eq(self.partner),
                    customers::company_name.eq(&self.name),
                    customers::primary_domain.eq(&self.domain),
                    customers::market.eq(self.market),
                    customers::currency.eq(self.currency),
                    customers::created_at.eq(self.app.clock.now()),
                ))
                .execute(&mut self.app.conn().await)
                .await
                .expect("customer inserted");
            id
        })
    }
}

pub struct UserBuilder<'a> {
    app: &'a TestApp,
    partner: Option<PartnerId>,
    customer: Option<CustomerId>,
    roles: Vec<Role>,
}

impl UserBuilder<'_> {
    /// The user's roles; their kind (partner staff, customer user) follows from them.
    pub fn roles(mut self, roles: &[Role]) -> Self {
        self.roles = roles.to_vec();
        self
    }

    /// A user of this customer of the partner rather than partner staff.
    pub fn customer(mut self, customer: CustomerId) -> Self {
        self.customer = Some(customer);
        self
    }
}

impl<'a> IntoFuture for UserBuilder<'a> {
    type Output = String;
    type IntoFuture = Building<'a, String>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            let kind = match (<[Role]>::first(&self.roles), self.customer) {
                (Some(role), _) => role.kind(),
                (None, Some(_)) => cspdesk::auth::UserKind::Customer,
                (None, None) => cspdesk::auth::UserKind::Partner,
            };
            assert!(
                self.roles.iter().all(|r| r.kind() == kind),
                "one user's roles are of one kind: {:?}",
                self.roles
            );
            assert_eq!(
                self.customer.is_some(),
                kind == cspdesk::auth::UserKind::Customer,
                "customer roles go with a customer"
            );
            let tag = tag();
            let email = format!("user-{tag}@example.test");
            let name = format!("User {tag}");
            let id = UserId::random();
            let mut conn = self.app.conn().await;
            diesel::insert_into(users::table)
                .values((
                    users::id.eq(id),
                    users::email.eq(&email),
                    users::display_name.eq(&name),
                    users::password_hash.eq(password_hash().await),
                    users::kind.eq(kind.code()),
                    users::partner_id.eq(self.partner),
                    users::customer_id.eq(self.customer),
                    users::created_at.eq(self.app.clock.now()),
                ))
                .execute(&mut conn)
                .await
                .expect("user inserted");
            for role in &self.roles {
                diesel::insert_into(user_roles::table)
                    .values((user_roles::user_id.eq(id), user_roles::role.eq(role.code())))
                    .execute(&mut conn)
                    .await
                    .expect("role granted");
            }
            email
        })
    }
}

enum At {
    DaysOld(i64),
    Instant(DateTime<Utc>),
}

pub struct OrderBuilder<'a> {
    app: &'a TestApp,
    customer: CustomerId,
    lines: Vec<(String, i32)>,
    at: At,
    buyer: Option<String>,
}

impl OrderBuilder<'_> {
    /// Adds `quantity` of the catalog product `sku`.
    pub fn line(mut self, sku: &str, quantity: i32) -> Self {
        self.lines.push((sku.to_string(), quantity));
        self
    }

    /// Placed `days` days before the app's clock.
    pub fn days_old(mut self, days: i64) -> Self {
        self.at = At::DaysOld(days);
        self
    }

    /// Placed at exactly `at`.
    pub fn placed_at(mut self, at: DateTime<Utc>) -> Self {
        self.at = At::Instant(at);
        self
    }

    /// Placed by this partner user (their cart for the customer must be empty). By default
    /// an Admin agent of the customer's partner, made for it if the partner has none.
    pub fn by(mut self, email: &str) -> Self {
        self.buyer = Some(email.to_string());
        self
    }
}

impl<'a> IntoFuture for OrderBuilder<'a> {
    type Output = Order;
    type IntoFuture = Building<'a, Order>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.place())
    }
}

impl OrderBuilder<'_> {
    /// Places the order as the Review page's "Place order" does (cart, token, place), at the
    /// stated time: the order, its lines, keys and activity record are the product's own.
    async fn place(self) -> Order {
        use cspdesk::orders::cart::{self, CartOwner};
        use cspdesk::orders::place::{self, Outcome, Request};
        use cspdesk::orders::{seen, tokens};
        assert!(!self.lines.is_empty(), "an order has at least one line");
        let app = self.app;
        let at = match self.at {
            At::DaysOld(days) => app.clock.now() - Duration::days(days),
            At::Instant(at) => at,
        };
        let partner: PartnerId = customers::table
            .find(self.customer)
            .select(customers::partner_id)
            .first(&mut app.conn().await)
            .await
            .expect("the customer exists");
        let buyer = match self.buyer {
            Some(email) => email,
            None => admin_agent_of(app, partner).await,
        };
        let mut conn = app.conn().await;
        let user = cspdesk::auth::store::load_user(&mut conn, &buyer)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("no user {buyer}"));
        let scope = user
            .partner_scope()
            .unwrap_or_else(|| panic!("{buyer} is not partner staff"));
        let customer = cspdesk::customers::queries::find(&conn, &scope, self.customer)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("the customer is not {buyer}'s partner's"));
        let owner = CartOwner {
            scope,
            user_id: user.id,
            customer_id: customer.id,
        };
        assert_eq!(
            cart::count(&conn, &owner).await.unwrap(),
            0,
            "{buyer}'s cart for this customer is empty before a built order"
        );
        let mut products = Vec::new();
        for (sku, quantity) in &self.lines {
            let product = product_by_sku(&mut conn, sku).await;
            cart::add(&mut conn, &owner, product, *quantity, at)
                .await
                .unwrap();
            products.push(product);
        }
        let lines = cart::lines(&conn, &owner).await.unwrap();
        let seen = seen::decode_seen(&seen::encode_seen(&lines)).unwrap();
        let newest = tokens::newest_order(&conn, &owner).await.unwrap();
        let token = tokens::FormToken::new(newest, at);
        let request = Request {
            owner,
            customer: &customer,
            actor_email: &buyer,
            token,
            seen,
            now: at,
        };
        let placed = match place::place(&mut conn, request).await.unwrap() {
            Outcome::Placed(placed) => placed,
            other => panic!("the built order was not placed: {other:?}"),
        };
        let placed_lines: Vec<(LineId, ProductId)> = order_lines::table
            .filter(order_lines::order_id.eq(placed.order_id))
            .select((order_lines::id, order_lines::product_id))
            .load(&mut conn)
            .await
            .unwrap();
        let purchases = products
            .iter()
            .map(|product| {
                let line = placed_lines
                    .iter()
                    .find(|(_, p)| p == product)
                    .expect("each product is a line")
                    .0;
                Purchase {
                    customer: customer.id,
                    order: placed.order_id,
                    line,
                }
            })
            .collect();
        Order {
            number: placed.number,
            purchases,
        }
    }
}

pub struct PurchaseBuilder<'a> {
    order: OrderBuilder<'a>,
}

impl PurchaseBuilder<'_> {
    pub fn quantity(mut self, quantity: i32) -> Self {
        self.order.lines[0].1 = quantity;
        self
    }

    /// Bought `days` days before the app's clock.
    pub fn days_old(mut self, days: i64) -> Self {
        self.order = self.order.days_old(days);
        self
    }

    /// Bought at exactly `at`.
    pub fn placed_at(mut self, at: DateTime<Utc>) -> Self {
        self.order = self.order.placed_at(at);
        self
    }

    /// Bought by this partner user (see `OrderBuilder::by`).
    pub fn by(mut self, email: &str) -> Self {
        self.order = self.order.by(email);
        self
    }
}

impl<'a> IntoFuture for PurchaseBuilder<'a> {
    type Output = Purchase;
    type IntoFuture = Building<'a, Purchase>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move { self.order.place().await.purchases[0] })
    }
}

/// The first Admin agent of the partner by e-mail, made if there is none.
async fn admin_agent_of(app: &TestApp, partner: PartnerId) -> String {
    let found: Option<String> = users::table
        .inner_join(user_roles::table)
        .filter(users::partner_id.eq(partner))
        .filter(users::kind.eq("partner"))
        .filter(user_roles::role.eq(Role::AdminAgent.code()))
        .order(users::email)
        .select(users::email)
        .first(&mut app.conn().await)
        .await
        .optional()
        .unwrap();
    match found {
        Some(email) => email,
        None => app.user(partner).roles(&[Role::AdminAgent]).await,
    }
}

async fn product_by_sku(conn: &mut diesel_async::AsyncPgConnection, sku: &str) -> ProductId {
    products::table
        .filter(products::sku.eq(sku))
        .select(products::id)
        .first(conn)
        .await
        .unwrap_or_else(|e| panic!("catalog product {sku}: {e}"))
}

/// When the order of a purchase was placed.
pub async fn placed_at(app: &TestApp, order: OrderId) -> DateTime<Utc> {
    orders::table
        .find(order)
        .select(orders::placed_at)
        .first(&mut app.conn().await)
        .await
        .unwrap()
}
