// @generated automatically by Diesel CLI.

diesel::table! {
    activity (id) {
        id -> Int8,
        partner_id -> Nullable<Uuid>,
        at -> Timestamptz,
        actor_user_id -> Nullable<Uuid>,
        actor -> Text,
        operation -> Text,
        customer_id -> Nullable<Uuid>,
        order_id -> Nullable<Uuid>,
        product_id -> Nullable<Uuid>,
        details -> Jsonb,
        customer_name -> Nullable<Text>,
        product_name -> Nullable<Text>,
        order_number -> Nullable<Int8>,
        access -> Bool,
    }
}

diesel::table! {
    api_requests (token_id, request_id) {
        token_id -> Uuid,
        request_id -> Text,
        body_hash -> Bytea,
        status -> Int2,
        response -> Jsonb,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Uuid,
        partner_id -> Uuid,
        name -> Text,
        secret_hash -> Bytea,
        scopes -> Array<Nullable<Text>>,
        created_by -> Uuid,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        revoked_at -> Nullable<Timestamptz>,
        revoked_by -> Nullable<Uuid>,
        last_used_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    artifacts (variant_id) {
        variant_id -> Uuid,
        #[max_length = 64]
        sha256 -> Bpchar,
        size_bytes -> Int8,
        registered_at -> Timestamptz,
    }
}

diesel::table! {
    billed_currencies (partner_id, currency) {
        partner_id -> Uuid,
        #[max_length = 3]
        currency -> Bpchar,
        first_month -> Date,
    }
}

diesel::table! {
    cart_items (user_id, customer_id, product_id) {
        user_id -> Uuid,
        customer_id -> Uuid,
        product_id -> Uuid,
        partner_id -> Uuid,
        quantity -> Int4,
        added_at -> Timestamptz,
    }
}

diesel::table! {
    catalog_stamp (one) {
        one -> Bool,
        version -> Int8,
    }
}

diesel::table! {
    credits (id) {
        id -> Uuid,
        partner_id -> Uuid,
        customer_id -> Uuid,
        order_id -> Uuid,
        order_line_id -> Uuid,
        reason -> Text,
        quantity -> Int4,
        amount_minor -> Int8,
        #[max_length = 3]
        currency -> Bpchar,
        created_by -> Uuid,
        created_at -> Timestamptz,
        support_request_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    customer_counts (customer_id, slot) {
        customer_id -> Uuid,
        order_count -> Int4,
        software_lines -> Int4,
        slot -> Int2,
    }
}

diesel::table! {
    customer_search_suffixes (partner_id, suffix, customer_id) {
        partner_id -> Uuid,
        suffix -> Text,
        customer_id -> Uuid,
    }
}

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
    download_links (id) {
        id -> Uuid,
        token_hash -> Bytea,
        partner_id -> Uuid,
        customer_id -> Uuid,
        order_line_id -> Uuid,
        variant_id -> Uuid,
        created_by -> Uuid,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        max_downloads -> Int4,
        downloads -> Int4,
        revoked_at -> Nullable<Timestamptz>,
        product_name -> Text,
        customer_name -> Text,
    }
}

diesel::table! {
    invoice_lines (invoice_id, at, id) {
        invoice_id -> Uuid,
        kind -> Text,
        at -> Timestamptz,
        id -> Uuid,
        order_number -> Int8,
        customer -> Text,
        customer_id -> Uuid,
        product -> Text,
        quantity -> Int4,
        amount_minor -> Int8,
        tax_included -> Bool,
        tax_rate_bp -> Int4,
    }
}

diesel::table! {
    invoice_numbers (only_row) {
        only_row -> Bool,
        last -> Int8,
    }
}

diesel::table! {
    invoice_tallies (invoice_id, slot) {
        invoice_id -> Uuid,
        slot -> Int2,
        charges_minor -> Int8,
        credits_minor -> Int8,
        line_count -> Int8,
    }
}

diesel::table! {
    invoices (id) {
        id -> Uuid,
        partner_id -> Uuid,
        month -> Date,
        #[max_length = 3]
        currency -> Bpchar,
        charges_minor -> Int8,
        credits_minor -> Int8,
        line_count -> Int8,
        number -> Nullable<Int8>,
        issued_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    link_refusals (link_id) {
        link_id -> Uuid,
        partner_id -> Uuid,
        window_start -> Timestamptz,
        refusals -> Int4,
        previous_refusals -> Int4,
    }
}

diesel::table! {
    order_lines (id) {
        id -> Uuid,
        order_id -> Uuid,
        partner_id -> Uuid,
        line_number -> Int4,
        product_id -> Uuid,
        product_name -> Text,
        family -> Text,
        licence_kind -> Text,
        term_months -> Nullable<Int4>,
        quantity -> Int4,
        quantity_cancelled -> Int4,
        unit_price_minor -> Int8,
        #[max_length = 3]
        currency -> Bpchar,
        tax_included -> Bool,
        tax_rate_bp -> Int4,
        credited_minor -> Int8,
        revoked_at -> Nullable<Timestamptz>,
        customer_id -> Uuid,
        placed_at -> Timestamptz,
        window_ends_at -> Nullable<Timestamptz>,
        order_number -> Int8,
        sku -> Text,
        cancellation_policy -> Text,
    }
}

diesel::table! {
    orders (id) {
        id -> Uuid,
        number -> Int8,
        partner_id -> Uuid,
        customer_id -> Uuid,
        placed_by -> Uuid,
        placed_at -> Timestamptz,
        #[max_length = 3]
        currency -> Bpchar,
        status -> Text,
        idempotency_token -> Uuid,
        total_minor -> Int8,
        line_count -> Int4,
    }
}

diesel::table! {
    partners (id) {
        id -> Uuid,
        name -> Text,
        created_at -> Timestamptz,
        customer_count -> Int4,
        support_request_count -> Int4,
    }
}

diesel::table! {
    password_links (token_hash) {
        token_hash -> Bytea,
        user_id -> Uuid,
        created_by -> Uuid,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    prices (product_id, currency) {
        product_id -> Uuid,
        #[max_length = 3]
        currency -> Bpchar,
        amount_minor -> Int8,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    product_keys (order_line_id) {
        order_line_id -> Uuid,
        partner_id -> Uuid,
        #[max_length = 32]
        key_text -> Bpchar,
        created_at -> Timestamptz,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    product_variants (id) {
        id -> Uuid,
        product_id -> Uuid,
        version -> Text,
        language -> Text,
        file_type -> Text,
        file_name -> Text,
    }
}

diesel::table! {
    products (id) {
        id -> Uuid,
        sku -> Text,
        name -> Text,
        family -> Text,
        licence_kind -> Text,
        term_months -> Nullable<Int4>,
        cancellation_policy -> Text,
        cancellation_window_days -> Nullable<Int4>,
        retired_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    request_counts (bucket, client) {
        bucket -> Text,
        client -> Text,
        window_start -> Timestamptz,
        hits -> Int4,
        granted -> Int4,
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
    support_attachments (id) {
        id -> Uuid,
        request_id -> Uuid,
        event_id -> Uuid,
        file_name -> Text,
        media_type -> Text,
        size_bytes -> Int8,
        #[max_length = 64]
        sha256 -> Bpchar,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    support_events (id) {
        id -> Uuid,
        request_id -> Uuid,
        at -> Timestamptz,
        author_id -> Uuid,
        kind -> Text,
        body -> Text,
    }
}

diesel::table! {
    support_requests (id) {
        id -> Uuid,
        number -> Int8,
        partner_id -> Uuid,
        customer_id -> Uuid,
        order_id -> Nullable<Uuid>,
        product_id -> Nullable<Uuid>,
        problem_type -> Text,
        impact -> Text,
        title -> Text,
        reason -> Text,
        requested_minor -> Nullable<Int8>,
        #[max_length = 3]
        currency -> Nullable<Bpchar>,
        contact_name -> Text,
        contact_email -> Text,
        contact_phone -> Text,
        status -> Text,
        assigned_to -> Nullable<Uuid>,
        approved_minor -> Nullable<Int8>,
        decided_by -> Nullable<Uuid>,
        decided_at -> Nullable<Timestamptz>,
        created_by -> Uuid,
        created_at -> Timestamptz,
        waiting_since -> Timestamptz,
    }
}

diesel::table! {
    support_status_counts (status) {
        status -> Text,
        requests -> Int4,
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
        claims_version -> Int8,
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
        password_must_change -> Bool,
    }
}

diesel::joinable!(api_requests -> api_tokens (token_id));
diesel::joinable!(api_tokens -> partners (partner_id));
diesel::joinable!(artifacts -> product_variants (variant_id));
diesel::joinable!(billed_currencies -> partners (partner_id));
diesel::joinable!(cart_items -> customers (customer_id));
diesel::joinable!(cart_items -> partners (partner_id));
diesel::joinable!(cart_items -> products (product_id));
diesel::joinable!(cart_items -> users (user_id));
diesel::joinable!(credits -> customers (customer_id));
diesel::joinable!(credits -> order_lines (order_line_id));
diesel::joinable!(credits -> orders (order_id));
diesel::joinable!(credits -> partners (partner_id));
diesel::joinable!(credits -> support_requests (support_request_id));
diesel::joinable!(credits -> users (created_by));
diesel::joinable!(customer_counts -> customers (customer_id));
diesel::joinable!(customers -> partners (partner_id));
diesel::joinable!(download_links -> customers (customer_id));
diesel::joinable!(download_links -> order_lines (order_line_id));
diesel::joinable!(download_links -> partners (partner_id));
diesel::joinable!(download_links -> product_variants (variant_id));
diesel::joinable!(download_links -> users (created_by));
diesel::joinable!(invoice_lines -> invoices (invoice_id));
diesel::joinable!(invoice_tallies -> invoices (invoice_id));
diesel::joinable!(invoices -> partners (partner_id));
diesel::joinable!(link_refusals -> download_links (link_id));
diesel::joinable!(link_refusals -> partners (partner_id));
diesel::joinable!(order_lines -> orders (order_id));
diesel::joinable!(order_lines -> partners (partner_id));
diesel::joinable!(order_lines -> products (product_id));
diesel::joinable!(orders -> customers (customer_id));
diesel::joinable!(orders -> partners (partner_id));
diesel::joinable!(orders -> users (placed_by));
diesel::joinable!(prices -> products (product_id));
diesel::joinable!(product_keys -> order_lines (order_line_id));
diesel::joinable!(product_keys -> partners (partner_id));
diesel::joinable!(product_variants -> products (product_id));
diesel::joinable!(support_attachments -> support_events (event_id));
diesel::joinable!(support_attachments -> support_requests (request_id));
diesel::joinable!(support_events -> support_requests (request_id));
diesel::joinable!(support_events -> users (author_id));
diesel::joinable!(support_requests -> customers (customer_id));
diesel::joinable!(support_requests -> orders (order_id));
diesel::joinable!(support_requests -> partners (partner_id));
diesel::joinable!(support_requests -> products (product_id));
diesel::joinable!(user_roles -> users (user_id));
diesel::joinable!(user_sessions -> users (user_id));
diesel::joinable!(users -> customers (customer_id));
diesel::joinable!(users -> partners (partner_id));

diesel::allow_tables_to_appear_in_same_query!(
    activity,
    api_requests,
    api_tokens,
    artifacts,
    billed_currencies,
    cart_items,
    catalog_stamp,
    credits,
    customer_counts,
    customer_search_suffixes,
    customers,
    download_links,
    invoice_lines,
    invoice_numbers,
    invoice_tallies,
    invoices,
    link_refusals,
    order_lines,
    orders,
    partners,
    password_links,
    prices,
    product_keys,
    product_variants,
    products,
    request_counts,
    sign_in_throttle,
    support_attachments,
    support_events,
    support_requests,
    support_status_counts,
    user_roles,
    user_sessions,
    users,
);
