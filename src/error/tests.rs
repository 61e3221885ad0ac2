use super::*;
use diesel::result::{DatabaseErrorKind, Error};

fn db_error(kind: DatabaseErrorKind, message: &str) -> Error {
    Error::DatabaseError(kind, Box::new(message.to_string()))
}

#[test]
fn a_lost_connection_is_503_and_a_wrong_statement_500() {
    let lost = [
        db_error(DatabaseErrorKind::ClosedConnection, "closed"),
        db_error(DatabaseErrorKind::UnableToSendCommand, "connection closed"),
        db_error(
            DatabaseErrorKind::Unknown,
            "terminating connection due to administrator command",
        ),
        db_error(
            DatabaseErrorKind::Unknown,
            "the database system is shutting down",
        ),
        Error::BrokenTransactionManager,
    ];
    for e in lost {
        let e = AppError::from(e);
        assert_eq!(e.status_code(), StatusCode::SERVICE_UNAVAILABLE, "{e}");
        let res = e.error_response();
        assert_eq!(res.headers().get("Retry-After").unwrap(), "5");
    }
    let wrong = [
        db_error(DatabaseErrorKind::Unknown, "syntax error at or near \"x\""),
        db_error(DatabaseErrorKind::UniqueViolation, "duplicate key"),
    ];
    for e in wrong {
        assert_eq!(
            AppError::from(e).status_code(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }
    assert_eq!(
        AppError::from(Error::NotFound).status_code(),
        StatusCode::NOT_FOUND
    );
}

#[test]
fn every_variant_has_its_status() {
    let cases: Vec<(AppError, u16)> = vec![
        (AppError::NotFound, 404),
        (AppError::Forbidden, 403),
        (AppError::Csrf, 403),
        (AppError::malformed(), 400),
        (AppError::form_too_large(), 400),
        (AppError::Conflict, 409),
        (AppError::Gone, 410),
        (AppError::TooLarge, 413),
        (AppError::SignInRequired(None), 303),
        (AppError::PasswordChangeRequired, 303),
        (
            AppError::Unavailable(Box::new(std::io::Error::other("gone"))),
            503,
        ),
        (AppError::TooManyRequests(1), 429),
        (AppError::Database(Error::NotFound), 404),
        (AppError::Database(Error::RollbackTransaction), 500),
        (AppError::Template(askama::Error::Fmt), 500),
        (AppError::internal("broken"), 500),
    ];
    for (e, status) in cases {
        assert_eq!(e.status_code().as_u16(), status, "{e:?}");
        assert_eq!(e.error_response().status().as_u16(), status, "{e:?}");
    }
}

#[test]
fn every_bad_request_reason_is_a_message_in_every_catalog() {
    for reason in BadInput::ALL {
        for lang in crate::i18n::Lang::OFFERED {
            assert!(lang.has(reason.message_key()), "{reason:?} in {lang:?}");
        }
        let res = AppError::BadRequest(reason).error_response();
        let shown = res.extensions().get::<PageMessage>().map(|m| m.0);
        assert_eq!(shown, Some(reason.message_key()));
    }
}

#[test]
fn the_log_line_keeps_the_whole_chain_of_causes() {
    let io = std::io::Error::other("disk full");
    let e = AppError::internal(io);
    assert_eq!(e.chain(), "internal error: disk full");
    let e = AppError::from(db_error(
        DatabaseErrorKind::UniqueViolation,
        "duplicate key",
    ));
    assert_eq!(e.chain(), "database error: duplicate key");
    let e = AppError::internal("a sentence of ours");
    assert_eq!(e.chain(), "internal error: a sentence of ours");
}

#[test]
fn too_many_requests_says_when_to_come_back() {
    let res = AppError::TooManyRequests(42).error_response();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.headers().get("Retry-After").unwrap(), "42");
}
