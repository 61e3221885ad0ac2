//! Each product's downloadable variants as the API's purchases show them, written out as JSON
//! once and kept until the catalog changes. A page of 40 purchases lists some 650 variants
//! of a handful of products; reading them from the database and writing each purchase's
//! afresh was most of that page's time. The database bumps `catalog_stamp` in the
//! transaction that changes a variant or its file (migration `catalog_stamp`), and each page
//! reads the stamp with its purchases, so a file registered by another process shows on the
//! next request.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use diesel_async::AsyncPgConnection;
use serde_json::value::{RawValue, to_raw_value};

use super::software::ApiVariant;
use crate::error::AppError;
use crate::ids::ProductId;
use crate::software::queries;

/// The variants of every product, as JSON, at one stamp.
pub struct Written {
    stamp: i64,
    by_product: HashMap<ProductId, Box<RawValue>>,
    none: Box<RawValue>,
}

impl Written {
    fn of(stamp: i64, rows: Vec<(ProductId, queries::Variant)>) -> Result<Written, AppError> {
        let mut grouped: HashMap<ProductId, Vec<ApiVariant>> = HashMap::new();
        for (product, variant) in rows {
            grouped
                .entry(product)
                .or_default()
                .push(ApiVariant::of(&variant));
        }
        let by_product = grouped
            .into_iter()
            .map(|(product, variants)| Ok((product, to_raw_value(&variants)?)))
            .collect::<Result<_, serde_json::Error>>()
            .map_err(AppError::internal)?;
        let none = to_raw_value(&[] as &[ApiVariant]).map_err(AppError::internal)?;
        Ok(Written {
            stamp,
            by_product,
            none,
        })
    }

    /// The product's variants (none for a product without files).
    pub fn of_product(&self, product: ProductId) -> &RawValue {
        self.by_product.get(&product).unwrap_or(&self.none)
    }

    /// An empty list: what a purchase without keys or files shows.
    pub fn none(&self) -> &RawValue {
        &self.none
    }
}

/// What this process keeps, shared by its HTTP workers.
#[derive(Default)]
pub struct Kept(RwLock<Option<Arc<Written>>>);

impl Kept {
    /// The variants at `stamp` (the catalog's stamp as the request read it): those kept, or
    /// read again if the catalog changed since.
    pub async fn at(&self, conn: &AsyncPgConnection, stamp: i64) -> Result<Arc<Written>, AppError> {
        let kept = self.0.read().ok().and_then(|k| k.clone());
        if let Some(written) = kept.filter(|w| w.stamp == stamp) {
            return Ok(written);
        }
        // Read after the stamp, so they are at least as new as it: at worst a later request
        // finds a newer stamp and reads them once more.
        let written = Arc::new(Written::of(stamp, queries::all_variants(conn).await?)?);
        if let Ok(mut kept) = self.0.write()
            && kept.as_ref().is_none_or(|w| w.stamp <= stamp)
        {
            *kept = Some(written.clone());
        }
        Ok(written)
    }
}
