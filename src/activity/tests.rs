use super::*;

#[test]
fn codes_round_trip_and_are_distinct() {
    for op in Operation::ALL {
        assert_eq!(Operation::from_code(op.code()), Some(*op));
    }
    let codes: std::collections::BTreeSet<_> = Operation::ALL.iter().map(|o| o.code()).collect();
    assert_eq!(codes.len(), Operation::ALL.len());
    assert_eq!(Operation::from_code("key_deleted"), None);
}

#[test]
fn every_operation_has_a_name_in_every_language() {
    for lang in crate::i18n::Lang::OFFERED {
        for op in Operation::ALL {
            assert!(lang.has(op.label_key()), "{op:?} in {lang:?}");
        }
    }
}

#[test]
fn each_operation_has_its_own_label_key() {
    for op in Operation::ALL {
        assert_eq!(op.label_key(), super::label_key(op.code()));
    }
}
