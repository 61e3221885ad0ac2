//! Page structs of the customer's admin center.

use askama::Template;

use super::queries::AccessRow;
use crate::i18n::Lang;
use crate::software::views::SoftwareList;
use crate::web::PageContext;
use crate::web::format::datetime_utc;

#[derive(Template)]
#[template(path = "admin_center/software.html")]
pub struct OwnSoftwarePage {
    pub ctx: PageContext,
    pub company: String,
    pub list: SoftwareList,
    pub can_see_access: bool,
}

pub struct AccessView {
    pub at: String,
    pub who: String,
    pub product: String,
    pub order_number: String,
    pub operation: String,
    pub file: String,
}

impl AccessView {
    pub fn new(row: &AccessRow, lang: Lang) -> AccessView {
        let text = |key: &str| row.details[key].as_str().unwrap_or_default().to_string();
        let by_link = row.actor == crate::activity::LINK_ACTOR;
        let who = match row.details["ip"].as_str() {
            Some(ip) if by_link => lang.t_args("access-by-link", &[("ip", ip.to_string())]),
            None if by_link => lang.t("access-by-link-unknown"),
            _ => row.actor.clone(),
        };
        AccessView {
            at: datetime_utc(&row.at, lang),
            who,
            product: text("product"),
            order_number: row.order_number.map(|n| n.to_string()).unwrap_or_default(),
            operation: lang.t(row.operation.label_key()),
            file: text("file"),
        }
    }
}

#[derive(Template)]
#[template(path = "admin_center/access.html")]
pub struct AccessPage {
    pub ctx: PageContext,
    pub rows: Vec<AccessView>,
    /// Where the next (older) page continues: the last record's time and id.
    pub older: Option<String>,
}
