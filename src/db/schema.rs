// @generated automatically by Diesel CLI.

diesel::table! {
    customers (id) {
        id -> Uuid,
        partner_id -> Uuid,
        company_name -> Text,
        primary_domain -> Text,
        #[max_length = 2]
        market -> Bpchar,
        #[max_length = 3]
        currency -> Bpchar,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    partners (id) {
        id -> Uuid,
        name -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    sign_in_throttle (email) {
        email -> Text,
        window_started_at -> Timestamptz,
        failures -> Int4,
        locked_until -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    user_roles (user_id, role) {
        user_id -> Uuid,
        role -> Text,
    }
}

diesel::table! {
    user_sessions (token_hash) {
        token_hash -> Bytea,
        user_id -> Uuid,
        created_at -> Timestamptz,
        last_seen_at -> Timestamptz,
        ended_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    users (id) {
        id -> Uuid,
        email -> Text,
        display_name -> Text,
        password_hash -> Text,
        kind -> Text,
        partner_id -> Nullable<Uuid>,
        customer_id -> Nullable<Uuid>,
        language -> Nullable<Text>,
        view_mode -> Text,
        disabled_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::joinable!(customers -> partners (partner_id));
diesel::joinable!(user_roles -> users (user_id));
diesel::joinable!(user_sessions -> users (user_id));
diesel::joinable!(users -> customers (customer_id));
diesel::joinable!(users -> partners (partner_id));

diesel::allow_tables_to_appear_in_same_query!(
    customers,
    partners,
    sign_in_throttle,
    user_roles,
    user_sessions,
    users,
);
