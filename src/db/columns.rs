//! Reading a row's columns by position. `QueryableByName` finds each column by comparing its
//! name with every column before it, for every row; a list that reads dozens of rows of a
//! dozen columns spends a measurable share of its time there. Positions are the statement's
//! select list, so a struct read this way keeps its fields in that order.

use diesel::deserialize::{self, FromSql};
use diesel::pg::Pg;
use diesel::row::{Field, Row};

/// The value of the column at `index`, as `T` of SQL type `ST`.
pub fn at<'a, ST, T>(row: &impl Row<'a, Pg>, index: usize) -> deserialize::Result<T>
where
    T: FromSql<ST, Pg>,
{
    let field = Row::get(row, index).ok_or("the statement has fewer columns than read")?;
    T::from_nullable_sql(field.value())
}

/// Whether the column at `index` is named `name`: a struct read by position checks with it
/// that the statement's columns stand where it reads them.
pub fn named<'a>(row: &impl Row<'a, Pg>, index: usize, name: &str) -> bool {
    Row::get(row, index).and_then(|f| f.field_name().map(|n| n == name)) == Some(true)
}
