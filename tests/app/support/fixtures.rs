//! Data more than one test file starts from, made with the builders.

use cspdesk::auth::Role;
use cspdesk::ids::CustomerId;
use cspdesk::money::Currency;

use super::{Purchase, Shop, TestApp};

/// A partner "Contoso" with an Admin agent and one customer, "Adatum Corporation", in Turkey,
/// billed in lira, at `adatum.example`.
pub async fn turkish_shop(app: &TestApp) -> Shop {
    let partner = app.partner("Contoso").await;
    let agent = app.user(partner).roles(&[Role::AdminAgent]).await;
    let customer = app
        .customer(partner)
        .named("Adatum Corporation")
        .domain("adatum.example")
        .market("TR", Currency::Try)
        .await;
    Shop {
        partner,
        agent,
        customer,
    }
}

/// An order placed 31 days ago, so past its cancellation window: 2 Windows Server 2022
/// Standard and a 3-year SQL Server 2022 Standard. The Windows Server purchase.
pub async fn past_window_purchase(app: &TestApp, shop: &Shop) -> Purchase {
    let order = app
        .order(shop.customer)
        .line("ws2022-std", 2)
        .line("sql2022-std-3y", 1)
        .days_old(31)
        .by(&shop.agent)
        .await;
    order.purchases[0]
}

/// Four purchases of the customer in three orders: 5 Windows Server 2022 Standard 88 days
/// ago, 2 more with a 3-year SQL Server 2022 Standard 31 days ago, and 4 one-year Windows
/// Server 2022 Datacenter 29 days ago. The first, 88-day-old purchase.
pub async fn four_purchases(app: &TestApp, customer: CustomerId) -> Purchase {
    let ws = app
        .purchase(customer, "ws2022-std")
        .quantity(5)
        .days_old(88)
        .await;
    app.order(customer)
        .line("ws2022-std", 2)
        .line("sql2022-std-3y", 1)
        .days_old(31)
        .await;
    app.purchase(customer, "ws2022-dc-1y")
        .quantity(4)
        .days_old(29)
        .await;
    ws
}
