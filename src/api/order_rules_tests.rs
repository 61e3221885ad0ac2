use chrono::{TimeZone, Utc};

use super::*;
use crate::api::order_writes::{NewLineItem, OrderPatch};
use crate::ids::{CustomerId, PartnerId};
use crate::money::Currency;

fn customer() -> Customer {
    Customer {
        id: CustomerId::random(),
        partner_id: PartnerId::random(),
        company_name: "Northwind".into(),
        primary_domain: "northwind.test".into(),
        market: "TR".into(),
        currency: Currency::Usd,
        created_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
    }
}

fn item(n: i32, offer: &str, quantity: i32) -> NewLineItem {
    NewLineItem {
        line_item_number: n,
        offer_id: offer.into(),
        quantity,
        friendly_name: None,
        attributes: None,
    }
}

fn order(items: Vec<NewLineItem>) -> NewOrder {
    NewOrder {
        line_items: items,
        reference_customer_id: None,
        currency_code: None,
        billing_cycle: None,
        attributes: None,
    }
}

#[test]
fn an_order_lists_its_offers_in_line_number_order() {
    let wanted = new_order(
        &order(vec![
            item(1, "sql2022-std:0001:0001", 2),
            item(0, "ws2022-std:0001:0001", 1),
        ]),
        &customer(),
    );
    let lines = vec![
        ("ws2022-std".to_string(), 1),
        ("sql2022-std".to_string(), 2),
    ];
    assert_eq!(wanted, Ok(Wanted { lines }));
}

#[test]
fn bad_orders_are_refused_naming_what_is_wrong() {
    let c = customer();
    let refuse = |items| new_order(&order(items), &c).unwrap_err();
    assert_eq!(refuse(vec![]), Refusal::NoLines);
    assert_eq!(
        refuse(vec![item(1, "ws2022-std:0001:0001", 1)]),
        Refusal::LineNumbers
    );
    assert_eq!(
        refuse(vec![item(0, "a:0001:0001", 1), item(0, "b:0001:0001", 1)]),
        Refusal::LineNumbers
    );
    assert_eq!(
        refuse(vec![item(0, "ws2022-std:0001:0001", 0)]),
        Refusal::Quantity(0)
    );
    assert_eq!(
        refuse(vec![item(0, "ws2022-std:0001:0001", 1001)]),
        Refusal::Quantity(0)
    );
    assert_eq!(
        refuse(vec![item(0, "ws2022-std", 1)]),
        Refusal::OfferForm(0)
    );
    assert_eq!(
        refuse(vec![item(0, "a:0001:0001", 1), item(1, "a:0001:0001", 2)]),
        Refusal::OfferTwice("a:0001:0001".into())
    );
    let many = (0..51)
        .map(|n| item(n, &format!("p{n}:0001:0001"), 1))
        .collect();
    assert_eq!(refuse(many), Refusal::TooManyLines);
    let mut other = order(vec![item(0, "a:0001:0001", 1)]);
    other.reference_customer_id = Some(CustomerId::random().to_string());
    assert_eq!(new_order(&other, &c), Err(Refusal::OtherCustomer));
    let mut other = order(vec![item(0, "a:0001:0001", 1)]);
    other.currency_code = Some("EUR".into());
    assert_eq!(new_order(&other, &c), Err(Refusal::OtherCurrency));
    other.currency_code = Some("usd".into());
    other.reference_customer_id = Some(c.id.to_string().to_uppercase());
    assert!(
        new_order(&other, &c).is_ok(),
        "the customer's own, in any case"
    );
}

fn line(n: i32, product: ProductId, cancelled: bool) -> LineState {
    LineState {
        line_number: n,
        product_id: product,
        open: !cancelled,
    }
}

fn patch_of(status: &str, lines: Option<Vec<i32>>) -> OrderPatch {
    let items = lines.map(|ns| {
        ns.into_iter()
            .map(|n| serde_json::from_value(serde_json::json!({ "lineItemNumber": n })).unwrap())
            .collect()
    });
    OrderPatch {
        status: status.into(),
        id: None,
        line_items: items,
        reference_customer_id: None,
        currency_code: None,
        creation_date: None,
        billing_cycle: None,
        links: None,
        attributes: None,
    }
}

#[test]
fn a_cancellation_names_existing_open_lines_or_means_every_open_line() {
    let (a, b) = (ProductId::random(), ProductId::random());
    let lines = vec![line(0, a, false), line(1, b, false)];
    let order = OrderId::random();
    let every = patch(&patch_of("Cancelled", None), order).unwrap();
    assert_eq!(to_cancel(&lines, &every), Ok(vec![a, b]));
    let second = patch(&patch_of("cancelled", Some(vec![1, 1])), order).unwrap();
    assert_eq!(to_cancel(&lines, &second), Ok(vec![b]));
    let missing = patch(&patch_of("cancelled", Some(vec![2])), order).unwrap();
    assert_eq!(to_cancel(&lines, &missing), Err(Refusal::NoSuchLine(2)));
    let done = vec![line(0, a, true), line(1, b, false)];
    let first = patch(&patch_of("cancelled", Some(vec![0])), order).unwrap();
    assert_eq!(to_cancel(&done, &first), Err(Refusal::NotCancellable));
    assert_eq!(to_cancel(&done, &every), Ok(vec![b]));
    let all_done = vec![line(0, a, true)];
    assert_eq!(to_cancel(&all_done, &every), Err(Refusal::NotCancellable));
    assert_eq!(
        patch(&patch_of("completed", None), order),
        Err(Refusal::Status)
    );
    let mut other = patch_of("cancelled", None);
    other.id = Some(OrderId::random().to_string());
    assert_eq!(patch(&other, order), Err(Refusal::OtherOrder));
}

#[test]
fn a_refused_window_says_its_days_and_the_codes_are_the_originals() {
    let ended = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let passed = window_refusal(Window::Passed { ended }, Policy::Window { days: 7 });
    assert_eq!(passed, Refusal::WindowPassed(7));
    assert_eq!(passed.message().1, 900117);
    assert_eq!(
        window_refusal(Window::Never, Policy::Never).message().1,
        800061
    );
    assert_eq!(Refusal::NoSuchLine(3).message().1, 800071);
}
