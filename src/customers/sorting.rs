//! The Customers list's order, as its address carries it (`?sort=name_desc`, `domain`, ...):
//! by company name or by domain, either way. Each order has its own index, walked from the
//! cursor, so a sorted list's page 80 costs what its first page does.

/// A column the list sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Name,
    Domain,
}

/// The list's order: a column and its direction. The default is by name, A to Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Sort {
        Sort {
            column: Column::Name,
            descending: false,
        }
    }
}

impl Sort {
    /// From the address; nonsense means the default.
    pub fn from_param(param: Option<&str>) -> Sort {
        let (column, descending) = match param {
            Some("name_desc") => (Column::Name, true),
            Some("domain") => (Column::Domain, false),
            Some("domain_desc") => (Column::Domain, true),
            _ => (Column::Name, false),
        };
        Sort { column, descending }
    }

    /// The address's `sort` value; `None` for the default.
    pub fn param(self) -> Option<&'static str> {
        match (self.column, self.descending) {
            (Column::Name, false) => None,
            (Column::Name, true) => Some("name_desc"),
            (Column::Domain, false) => Some("domain"),
            (Column::Domain, true) => Some("domain_desc"),
        }
    }

    /// The order a column's header leads to: this order reversed when it is the column
    /// sorted by, else that column A to Z.
    pub fn by(self, column: Column) -> Sort {
        Sort {
            column,
            descending: self.column == column && !self.descending,
        }
    }

    /// `aria-sort` of a column's header: only the column sorted by has one.
    pub fn aria(self, column: Column) -> Option<&'static str> {
        (self.column == column).then_some(match self.descending {
            true => "descending",
            false => "ascending",
        })
    }

    /// The sort key in SQL over `customers` (or its alias `c.`): the expression of its index.
    pub fn key(self, alias: &str) -> String {
        match self.column {
            Column::Name => format!("lower({alias}company_name)"),
            Column::Domain => format!("{alias}primary_domain"),
        }
    }

    /// `ASC` or `DESC`, and the comparison that continues past a cursor in that order.
    pub fn direction(self) -> (&'static str, &'static str) {
        match self.descending {
            true => ("DESC", "<"),
            false => ("ASC", ">"),
        }
    }

    /// The list's address in this order and search, without a cursor.
    pub fn href(self, q: &str) -> String {
        let mut params: Vec<(&str, &str)> = Vec::new();
        if let Some(sort) = self.param() {
            params.push(("sort", sort));
        }
        if !q.is_empty() {
            params.push(("q", q));
        }
        match serde_urlencoded::to_string(&params) {
            Ok(query) if !query.is_empty() => format!("/customers?{query}"),
            _ => "/customers".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_order_goes_through_the_address_and_back() {
        for column in [Column::Name, Column::Domain] {
            for descending in [false, true] {
                let sort = Sort { column, descending };
                assert_eq!(Sort::from_param(sort.param()), sort);
            }
        }
        assert_eq!(Sort::from_param(Some("nonsense")), Sort::default());
    }

    #[test]
    fn a_header_flips_its_own_column_and_starts_another_a_to_z() {
        let name = Sort::default();
        assert_eq!(name.by(Column::Name).param(), Some("name_desc"));
        assert_eq!(name.by(Column::Name).by(Column::Name), name);
        let desc = Sort::from_param(Some("name_desc"));
        assert_eq!(desc.by(Column::Domain).param(), Some("domain"));
        assert_eq!(name.aria(Column::Name), Some("ascending"));
        assert_eq!(desc.aria(Column::Name), Some("descending"));
        assert_eq!(name.aria(Column::Domain), None);
    }

    #[test]
    fn the_address_keeps_the_order_and_the_search() {
        assert_eq!(Sort::default().href(""), "/customers");
        assert_eq!(Sort::default().href("a b"), "/customers?q=a+b");
        let domain = Sort::from_param(Some("domain_desc"));
        assert_eq!(domain.href("x&y"), "/customers?sort=domain_desc&q=x%26y");
    }
}
