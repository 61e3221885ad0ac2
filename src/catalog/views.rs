//! The "Add products" page.

use askama::Template;

use super::Family;
use super::LicenceKind;
use super::queries::Offer;
use super::rules::{self, Availability, TaxTreatment};
use crate::customers::Customer;
use crate::i18n::{Lang, locale};
use crate::ids::ProductId;
use crate::money;
use crate::web::PageContext;

/// One catalog line as shown to the user.
pub struct OfferView {
    pub id: ProductId,
    pub name: String,
    pub family_label: String,
    pub licence: String,
    pub price: Option<String>,
    pub tax_part: Option<String>,
    pub unavailable: Option<String>,
}

impl OfferView {
    pub fn new(offer: &Offer, customer: &Customer, tax: &TaxTreatment, lang: Lang) -> OfferView {
        let family = offer.family;
        let currency = customer.currency;
        let unavailable = match rules::availability(family, &customer.market) {
            Availability::Unavailable(key) => {
                Some(lang.t_args(key, &[("market", customer.market.clone())]))
            }
            _ if offer.price_minor.is_none() => Some(lang.t("catalog-unavailable-no-price")),
            _ => None,
        };
        let price = offer.price_minor.map(|p| (p, currency));
        OfferView {
            id: offer.id,
            name: offer.name.clone(),
            family_label: lang.t(&family.label_key()),
            licence: licence_text(offer.licence_kind, offer.term_months, lang),
            price: price.map(|(p, c)| money::display(p, c, lang)),
            tax_part: price.filter(|_| tax.included).map(|(p, c)| {
                lang.t_args(
                    "tax-part",
                    &[(
                        "amount",
                        money::display(rules::included_tax(p, tax.rate_bp), c, lang),
                    )],
                )
            }),
            unavailable,
        }
    }
}

/// How a line was taxed, as orders and invoices say it: "Includes tax (10%)" or "Excludes tax".
pub fn tax_text(included: bool, rate_bp: i32, lang: Lang) -> String {
    // "Excludes tax" names no rate: a list of such lines need not format one per row.
    if !included {
        return lang.t("order-tax-excluded");
    }
    lang.t_args(
        "order-tax-included",
        &[("rate", locale::hundredths(i64::from(rate_bp), lang))],
    )
}

/// "Perpetual" or "Subscription, 3 years".
pub fn licence_text(kind: LicenceKind, term_months: Option<i32>, lang: Lang) -> String {
    match (kind, term_months) {
        (LicenceKind::Subscription, Some(months)) => lang.t_args(
            "licence-subscription",
            &[("years", (months / 12).to_string())],
        ),
        _ => lang.t("licence-perpetual"),
    }
}

/// The sentence saying whether prices include tax in this customer's market.
pub fn tax_note(tax: &TaxTreatment, lang: Lang) -> String {
    lang.t_args(
        tax.label_key,
        &[("rate", locale::hundredths(i64::from(tax.rate_bp), lang))],
    )
}

pub struct FamilyOption {
    pub code: &'static str,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "catalog/browse.html")]
pub struct CatalogPage {
    pub ctx: PageContext,
    pub customer: Customer,
    pub offers: Vec<OfferView>,
    pub families: Vec<FamilyOption>,
    pub kind: String,
    pub q: String,
    pub tax_note: String,
    pub can_buy: bool,
    pub cart_count: i64,
}

impl CatalogPage {
    pub fn family_options(selected: Option<Family>, lang: Lang) -> Vec<FamilyOption> {
        Family::ALL
            .iter()
            .map(|f| FamilyOption {
                code: f.code(),
                label: lang.t(&f.label_key()),
                selected: Some(*f) == selected,
            })
            .collect()
    }

    pub fn cart_text(&self) -> String {
        self.ctx.lang.t_args(
            "catalog-review-cart",
            &[("count", self.cart_count.to_string())],
        )
    }
}
