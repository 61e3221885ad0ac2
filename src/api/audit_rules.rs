//! How the activity log reads as the original's audit records (pure): each operation's
//! resource type and operation type, and the `filter` parameter's JSON.

use serde::Deserialize;

use crate::activity::Operation;

/// An operation as the audit records name it: (resource type, operation type).
pub fn names(op: Operation) -> (&'static str, &'static str) {
    use Operation::*;
    match op {
        OrderPlaced => ("Order", "create_order"),
        PurchaseCancelled => ("Order", "update_order"),
        KeyViewed => ("Software", "get_software_key"),
        LinkCreated => ("Software", "get_software_download_link"),
        Downloaded => ("Software", "download_software"),
        LinkUsed => ("Software", "download_software_by_link"),
        LinkRefused => ("Software", "refuse_software_download_link"),
        SupportRequestFiled => ("SupportRequest", "create_support_request"),
        SupportRequestTaken => ("SupportRequest", "take_support_request"),
        SupportInfoRequested => ("SupportRequest", "request_support_information"),
        SupportReplied => ("SupportRequest", "reply_to_support_request"),
        SupportRequestApproved => ("SupportRequest", "approve_support_request"),
        SupportRequestRejected => ("SupportRequest", "reject_support_request"),
        SignedIn => ("User", "sign_in"),
        UserAdded => ("User", "create_user"),
        UserRolesChanged => ("User", "update_user_roles"),
        UserDisabled => ("User", "disable_user"),
        UserEnabled => ("User", "enable_user"),
        PasswordIssued => ("User", "reset_user_password"),
        PasswordSet => ("User", "set_user_password"),
        ActivityExported => ("AuditRecord", "export_audit_records"),
        ApiTokenCreated => ("ApplicationCredentials", "create_api_token"),
        ApiTokenRevoked => ("ApplicationCredentials", "revoke_api_token"),
        LinkRevoked => ("Software", "revoke_software_download_link"),
        CustomerAdded => ("Customer", "add_customer"),
    }
}

/// The operations of a resource type (any case); `None` if no operation has it.
pub fn operations_of(resource_type: &str) -> Option<Vec<Operation>> {
    let ops: Vec<Operation> = Operation::ALL
        .iter()
        .copied()
        .filter(|&op| names(op).0.eq_ignore_ascii_case(resource_type))
        .collect();
    (!ops.is_empty()).then_some(ops)
}

/// The `filter` parameter as the original's clients send it.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct RawFilter {
    #[serde(rename = "Field")]
    field: String,
    #[serde(rename = "Value")]
    value: String,
    #[serde(rename = "Operator")]
    operator: String,
}

/// A checked filter.
#[derive(Debug, PartialEq)]
pub enum AuditFilter {
    Customer(crate::ids::CustomerId),
    /// Customers whose company name contains the text.
    CompanyName(String),
    ResourceType(Vec<Operation>),
}

/// Why a filter was refused: the catalog key of the 400's description.
pub fn parse_filter(text: &str) -> Result<AuditFilter, &'static str> {
    let raw: RawFilter = serde_json::from_str(text).map_err(|_| "api-error-audit-filter")?;
    let op = raw.operator.to_ascii_lowercase();
    let value = raw.value.trim();
    match (raw.field.to_ascii_lowercase().as_str(), op.as_str()) {
        ("customerid", "equals") => crate::ids::CustomerId::parse(value)
            .map(AuditFilter::Customer)
            .ok_or("api-error-customer-id"),
        ("companyname", "substring") if !value.is_empty() && value.chars().count() <= 100 => {
            Ok(AuditFilter::CompanyName(value.to_string()))
        }
        ("resourcetype", "equals") => operations_of(value)
            .map(AuditFilter::ResourceType)
            .ok_or("api-error-audit-resource-type"),
        _ => Err("api-error-audit-filter"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_original_filters_are_read_and_anything_else_refused() {
        let id = crate::ids::CustomerId::random();
        let f = |t: String| parse_filter(&t);
        assert_eq!(
            f(format!(
                r#"{{"Field":"CustomerId","Value":"{id}","Operator":"equals"}}"#
            )),
            Ok(AuditFilter::Customer(id))
        );
        assert_eq!(
            f(r#"{"Field":"CompanyName","Value":" Adatum ","Operator":"substring"}"#.into()),
            Ok(AuditFilter::CompanyName("Adatum".into()))
        );
        assert_eq!(
            f(r#"{"Field":"ResourceType","Value":"order","Operator":"equals"}"#.into()),
            Ok(AuditFilter::ResourceType(vec![
                Operation::OrderPlaced,
                Operation::PurchaseCancelled
            ]))
        );
        for bad in [
            r#"{"Field":"CustomerId","Value":"x","Operator":"equals"}"#,
            r#"{"Field":"CompanyName","Value":"A","Operator":"equals"}"#,
            r#"{"Field":"ResourceType","Value":"Pizza","Operator":"equals"}"#,
            r#"{"Field":"CompanyName","Value":"A","Operator":"substring","Extra":1}"#,
            r#"not json"#,
        ] {
            assert!(f(bad.into()).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_operation_has_a_resource_type_a_filter_finds() {
        for &op in Operation::ALL {
            let (resource, _) = names(op);
            assert!(operations_of(resource).unwrap().contains(&op));
        }
    }
}
