//! An invoice as PDF, in the reader's language: the partner, month, number, currency and
//! totals, then every line with its tax treatment. Written as it is read: lines come in keyset
//! batches and each page is sent as soon as it is full, so a month of any size needs one
//! batch and one page in memory (see `crate::pdf`).

use actix_web::web::Bytes;
use futures_util::Stream;

use super::queries::{self, InvoiceKey, InvoiceLine, InvoiceSummary};
use super::views::{Figures, invoice_number, period, status_key};
use crate::catalog::views::tax_text;
use crate::db::DbPool;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::money;
use crate::pdf::{Document, PAGE_HEIGHT, Page, fit};

const BATCH: i64 = 500;
const LEFT: f32 = 40.0;
const RIGHT: f32 = 555.0;
const TOP: f32 = 800.0;
/// Rows stop above this; the page number sits below it.
const BOTTOM: f32 = 50.0;
const ROW: f32 = 11.0;
const SIZE: f32 = 7.5;
/// Column headings are smaller, so that they fit above their values.
const HEADER_SIZE: f32 = 6.5;

/// A column: where it starts, how wide it is, whether its text ends at its right edge.
struct Column {
    x: f32,
    width: f32,
    right: bool,
    header: &'static str,
}

const COLUMNS: [Column; 8] = [
    Column {
        x: 40.0,
        width: 44.0,
        right: false,
        header: "invoice-date",
    },
    Column {
        x: 86.0,
        width: 64.0,
        right: false,
        header: "invoice-kind",
    },
    Column {
        x: 152.0,
        width: 84.0,
        right: false,
        header: "invoice-customer",
    },
    Column {
        x: 238.0,
        width: 36.0,
        right: false,
        header: "order-number",
    },
    Column {
        x: 276.0,
        width: 120.0,
        right: false,
        header: "software-product",
    },
    Column {
        x: 398.0,
        width: 30.0,
        right: true,
        header: "catalog-quantity",
    },
    Column {
        x: 430.0,
        width: 66.0,
        right: true,
        header: "invoice-amount",
    },
    Column {
        x: 500.0,
        width: 55.0,
        right: false,
        header: "order-tax",
    },
];

/// What the first page says above the lines.
pub struct Heading {
    pub partner: String,
    pub summary: InvoiceSummary,
}

struct Writing {
    pool: DbPool,
    key: InvoiceKey,
    lang: Lang,
    doc: Document,
    page: Page,
    page_number: u32,
    y: f32,
    after: Option<(chrono::DateTime<chrono::Utc>, uuid::Uuid)>,
    pending: Vec<u8>,
    done: bool,
}

pub fn stream(
    pool: DbPool,
    key: InvoiceKey,
    heading: Heading,
    lang: Lang,
) -> impl Stream<Item = Result<Bytes, AppError>> {
    let title = title(key, lang);
    let (mut doc, header) = Document::start(&title);
    let mut page = doc.page();
    let y = first_page(&mut doc, &mut page, &title, &heading, key, lang);
    let mut w = Writing {
        pool,
        key,
        lang,
        doc,
        page,
        page_number: 1,
        y,
        after: None,
        pending: header,
        done: false,
    };
    w.column_headers();
    futures_util::stream::unfold(w, |mut w| async move {
        if w.done {
            return None;
        }
        let sent = w.next_bytes().await;
        if sent.is_err() {
            w.done = true;
        }
        Some((sent, w))
    })
}

fn title(key: InvoiceKey, lang: Lang) -> String {
    lang.t_args(
        "invoice-title",
        &[
            ("month", key.month.label(lang)),
            ("currency", key.currency.code().to_string()),
        ],
    )
}

/// Draws the title, partner and facts; where the lines start.
fn first_page(
    doc: &mut Document,
    page: &mut Page,
    title: &str,
    heading: &Heading,
    key: InvoiceKey,
    lang: Lang,
) -> f32 {
    doc.text(page, LEFT, TOP, 16.0, title);
    doc.text(page, LEFT, TOP - 20.0, 10.0, &heading.partner);
    let s = &heading.summary;
    let figures = Figures::new(&s.totals(), key.currency, lang);
    let mut facts = vec![("invoice-status", lang.t(status_key(s)))];
    if let Some(number) = s.number {
        facts.push(("invoice-number", invoice_number(number)));
    }
    if let Some(at) = s.issued_at {
        facts.push(("invoice-issued-on", crate::web::format::date_utc(&at, lang)));
    }
    facts.extend([
        ("invoice-period", period(key.month, lang)),
        ("invoice-currency", key.currency.code().to_string()),
        ("invoice-charges", figures.charges),
        ("invoice-credits", figures.credits),
        ("invoice-net", figures.net),
    ]);
    let mut y = TOP - 44.0;
    for (label, value) in facts {
        doc.text(page, LEFT, y, 9.0, &lang.t(label));
        doc.text(page, LEFT + 110.0, y, 9.0, &value);
        y -= 13.0;
    }
    if s.line_count == 0 {
        doc.text(page, LEFT, y - 10.0, 9.0, &lang.t("invoice-empty"));
    }
    y - 16.0
}

impl Writing {
    /// The next bytes to send: the pages filled by the next batch of lines, or the end.
    async fn next_bytes(&mut self) -> Result<Bytes, AppError> {
        loop {
            let cursor = self.after;
            let lines = {
                let conn = self.pool.get().await?;
                queries::lines(&conn, self.key, cursor, BATCH).await?
            };
            for line in &lines {
                self.row(line);
                self.after = Some((line.at, line.id));
            }
            if (lines.len() as i64) < BATCH {
                self.end_page();
                let page = std::mem::replace(&mut self.page, self.doc.page());
                self.pending.extend(self.doc.write_page(page));
                let end = self.doc.finish()?;
                self.pending.extend(end);
                self.done = true;
            }
            if !self.pending.is_empty() {
                return Ok(Bytes::from(std::mem::take(&mut self.pending)));
            }
        }
    }

    fn row(&mut self, l: &InvoiceLine) {
        if self.y < BOTTOM {
            self.next_page();
        }
        let (lang, currency) = (self.lang, self.key.currency);
        let cells = [
            crate::web::format::day(&l.at),
            lang.t(&l.kind.label_key()),
            l.customer.clone(),
            l.order_number.to_string(),
            l.product.clone(),
            l.quantity.to_string(),
            money::display(l.amount_minor, currency, lang),
            tax_text(l.tax_included, l.tax_rate_bp, lang),
        ];
        self.cells(&cells.each_ref().map(String::as_str), SIZE);
    }

    fn column_headers(&mut self) {
        let headers = COLUMNS.each_ref().map(|c| self.lang.t(c.header));
        self.cells(&headers.each_ref().map(String::as_str), HEADER_SIZE);
        self.y -= 3.0;
    }

    fn cells(&mut self, cells: &[&str; 8], size: f32) {
        for (column, text) in COLUMNS.iter().zip(cells) {
            let text = fit(text, column.width, size);
            if column.right {
                let x = column.x + column.width;
                self.doc.text_right(&mut self.page, x, self.y, size, &text);
            } else {
                self.doc.text(&mut self.page, column.x, self.y, size, &text);
            }
        }
        self.y -= ROW;
    }

    fn end_page(&mut self) {
        let label = self.lang.t_args(
            "invoice-pdf-page",
            &[("number", self.page_number.to_string())],
        );
        self.doc
            .text_right(&mut self.page, RIGHT, 25.0, SIZE, &label);
    }

    fn next_page(&mut self) {
        self.end_page();
        let full = std::mem::replace(&mut self.page, self.doc.page());
        self.pending.extend(self.doc.write_page(full));
        self.page_number += 1;
        self.y = PAGE_HEIGHT - 42.0;
        self.column_headers();
    }
}
