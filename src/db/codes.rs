//! Enums stored as their text code (`'windows_server'`, `'USD'`, `'partly_cancelled'`): read
//! and written by diesel as the enum itself, so a row never carries a bare string, and a code
//! the product does not know is a deserialization error (logged, the request fails) — never a
//! guess. Money and tax data must not be computed from a fallback value.
//!
//! A type opts in with `#[derive(diesel::deserialize::FromSqlRow, diesel::expression::AsExpression)]`,
//! `#[diesel(sql_type = diesel::sql_types::Text)]` and `stored_as_code!(Type)`; it needs
//! `code(self) -> &'static str` and `from_code(&str) -> Option<Self>`.

#[macro_export]
macro_rules! stored_as_code {
    ($ty:ty) => {
        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for $ty {
            fn from_sql(value: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
                let code = std::str::from_utf8(value.as_bytes())?;
                <$ty>::from_code(code).ok_or_else(|| {
                    $crate::db::codes::UnknownCode {
                        what: stringify!($ty),
                        code: code.chars().take(40).collect(),
                    }
                    .into()
                })
            }
        }

        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for $ty {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                use std::io::Write;
                out.write_all(self.code().as_bytes())?;
                Ok(diesel::serialize::IsNull::No)
            }
        }
    };
}

/// A stored code that names no value of the type: the database holds data this version of
/// the product does not understand.
#[derive(Debug, thiserror::Error)]
#[error("the database holds a {what} code this version does not know: {code:?}")]
pub struct UnknownCode {
    pub what: &'static str,
    pub code: String,
}

/// Declares an enum stored as its code, with `ALL`, `code()` and `from_code()`:
/// `stored_enum! { pub enum OrderStatus { Completed = "completed", ... } }`.
#[macro_export]
macro_rules! stored_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($variant:ident = $code:literal,)* }) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq,
            diesel::deserialize::FromSqlRow, diesel::expression::AsExpression,
        )]
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.code() == code)
            }
        }

        $crate::stored_as_code!($name);
    };
}
