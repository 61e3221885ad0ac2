//! Ids of the main entities, each its own type, so a partner's id cannot be passed where a
//! customer's is expected. Each is a UUID in the database and in addresses, used in diesel
//! queries as the column's own type.
//!
//! ```compile_fail
//! fn customer_page(_: cspdesk::ids::CustomerId) {}
//! customer_page(cspdesk::ids::PartnerId::random()); // a partner's id is not a customer's
//! ```

use uuid::Uuid;

/// A fresh UUID that sorts after every one this process made before it (a UUIDv7: the time in
/// milliseconds, then 74 random bits), for the key of a row written many a second: an order,
/// its lines, a credit, an order's idempotency token. Its index entries go on the index's last
/// page, which PostgreSQL keeps at hand, instead of a random page of a large index, each of
/// which is logged in full the first time it changes after a checkpoint. Not for an id that
/// must be hard to guess on its own (a link's): it tells when it was made.
pub fn ordered_uuid() -> Uuid {
    Uuid::now_v7()
}

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
            diesel::deserialize::FromSqlRow, diesel::expression::AsExpression,
        )]
        #[diesel(sql_type = diesel::sql_types::Uuid)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh random id, for a new row.
            pub fn random() -> $name {
                $name(Uuid::new_v4())
            }

            /// A fresh id in time order, for rows written many a second (`ordered_uuid`).
            pub fn ordered() -> $name {
                $name(ordered_uuid())
            }

            /// The all-zero id, which no row has: a blank for a bind a statement leaves unused.
            pub fn nil() -> $name {
                $name(Uuid::nil())
            }

            /// From an address or a form: `None` unless it is a UUID.
            pub fn parse(text: &str) -> Option<$name> {
                Uuid::parse_str(text).ok().map($name)
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;

            fn from_str(text: &str) -> Result<$name, uuid::Error> {
                Uuid::parse_str(text).map($name)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Uuid, diesel::pg::Pg> for $name {
            fn from_sql(value: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
                <Uuid as diesel::deserialize::FromSql<diesel::sql_types::Uuid, diesel::pg::Pg>>::from_sql(value).map($name)
            }
        }

        impl diesel::serialize::ToSql<diesel::sql_types::Uuid, diesel::pg::Pg> for $name {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                <Uuid as diesel::serialize::ToSql<diesel::sql_types::Uuid, diesel::pg::Pg>>::to_sql(&self.0, out)
            }
        }
    )*};
}

ids! {
    /// A CSP partner (a reseller).
    PartnerId;
    /// A partner's customer: its tenant GUID.
    CustomerId;
    /// A user: partner staff, a customer's user or a support engineer.
    UserId;
    OrderId;
    /// A line of an order: one purchase.
    LineId;
    ProductId;
    /// A downloadable variant of a product (version, language, file type).
    VariantId;
    /// A support request.
    RequestId;
    /// A file attached to a support request.
    FileId;
    /// An API token of a partner.
    TokenId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_reads_back_what_it_writes_and_refuses_anything_else() {
        let id = OrderId::random();
        assert_eq!(OrderId::parse(&id.to_string()), Some(id));
        assert_eq!(id.to_string().parse::<OrderId>().ok(), Some(id));
        assert_eq!(OrderId::parse("order-5"), None);
        assert_eq!(OrderId::parse(""), None);
        assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{id}\""));
    }

    #[test]
    fn ids_in_time_order_sort_in_the_order_they_were_made() {
        let made: Vec<LineId> = (0..2_000).map(|_| LineId::ordered()).collect();
        assert!(
            made.windows(2).all(|w| w[0] < w[1]),
            "each after the one before"
        );
        assert_eq!(made[0].0.get_version_num(), 7);
    }
}
