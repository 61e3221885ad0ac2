//! Checks on the code base itself: the generated schema, the catalogs and the templates.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use cspdesk::i18n::Lang;

fn catalog_keys(lang: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/i18n/locales")
        .join(lang);
    let mut keys = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
            if let (true, Some((key, _))) = (starts_message, line.split_once(" =")) {
                keys.push(key.trim().to_string());
            }
        }
    }
    keys
}

/// Each message of a catalog (`id` or `id.attribute`) with the variables it uses.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn catalog(lang: &str) -> Messages {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/i18n/locales")
        .join(lang)
        .join("main.ftl");
    let text = std::fs::read_to_string(&path).unwrap();
    let resource = match fluent_syntax::parser::parse(text.as_str()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{}: syntax errors {errors:?}", path.display()),
    };
    let mut messages = Messages::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            if let Some(value) = &m.value {
                messages.insert(m.id.name.to_string(), variables(value));
            }
            for a in &m.attributes {
                let id = format!("{}.{}", m.id.name, a.id.name);
                messages.insert(id, variables(&a.value));
            }
        }
    }
    messages
}

fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            in_expression(expression, &mut found);
        }
    }
    found
}

fn in_expression(e: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => in_inline(i, found),
        ast::Expression::Select { selector, variants } => {
            in_inline(selector, found);
            for v in variants {
                found.extend(variables(&v.value));
            }
        }
    }
}

fn in_inline(i: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for p in &arguments.positional {
                in_inline(p, found);
            }
            for n in &arguments.named {
                in_inline(&n.value, found);
            }
        }
        ast::InlineExpression::Placeable { expression } => in_expression(expression, found),
        _ => {}
    }
}

#[test]
fn every_catalog_has_exactly_the_english_messages_and_no_variable_english_does_not_pass() {
    let english = catalog("en");
    assert!(english.len() > 600, "the English catalog was read");
    for lang in Lang::OFFERED.iter().filter(|l| **l != Lang::En) {
        let other = catalog(lang.code());
        let missing: Vec<&String> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        assert!(
            missing.is_empty(),
            "missing in {}: {missing:?}",
            lang.code()
        );
        let extra: Vec<&String> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(extra.is_empty(), "only in {}: {extra:?}", lang.code());
        for (id, vars) in &other {
            let unknown: Vec<&String> = vars.difference(&english[id]).collect();
            assert!(
                unknown.is_empty(),
                "{} {id} uses variables English does not pass: {unknown:?}",
                lang.code()
            );
        }
        // And the running product finds each message in that language's own catalog.
        let unloaded: Vec<&String> = english
            .keys()
            .filter(|k| !k.contains('.') && !lang.has(k))
            .collect();
        assert!(
            unloaded.is_empty(),
            "not loaded for {}: {unloaded:?}",
            lang.code()
        );
    }
}

#[test]
fn every_message_key_used_in_code_and_templates_exists() {
    let keys = catalog_keys("en");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut missing = Vec::new();
    for dir in ["src", "templates"] {
        for file in walk(&root.join(dir)) {
            let text = std::fs::read_to_string(&file).unwrap();
            for key in quoted_keys(&text) {
                if !keys.contains(&key) {
                    missing.push(format!("{}: {key}", file.display()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "unknown message keys:\n{}",
        missing.join("\n")
    );
}

/// Keys passed to the translation helpers as literals: `t("key")`, `t1("key", ..)`, also
/// when rustfmt has spread the call over several lines.
fn quoted_keys(text: &str) -> Vec<String> {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = flat.replace("( ", "(");
    let mut keys = Vec::new();
    for call in [
        "Err(\"",
        "Unavailable(\"",
        ".t(\"",
        ".t1(\"",
        ".t_args(\"",
        "refuse(\"",
        ".crumb(\"",
        "_key: \"",
        "FlashKind::Success, \"",
        "FlashKind::Error, \"",
    ] {
        for (i, _) in text.match_indices(call) {
            let rest = &text[i + call.len()..];
            if let Some(end) = rest.find('"') {
                keys.push(rest[..end].to_string());
            }
        }
    }
    keys
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
            files.push(path);
        }
    }
    files
}

/// Text a user could read that is not looked up in a catalog: anything left between tags
/// once template expressions are removed, and literal texts of readable attributes.
#[test]
fn templates_contain_no_text_outside_the_catalogs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut found = Vec::new();
    for file in walk(&root) {
        let text = std::fs::read_to_string(&file).unwrap();
        let stripped = strip(&strip(&strip(&text, "{%", "%}"), "{{", "}}"), "{#", "#}");
        for attr in ["placeholder=\"", "title=\"", "aria-label=\"", "alt=\""] {
            for (i, _) in stripped.match_indices(attr) {
                let rest = &stripped[i + attr.len()..];
                let value = &rest[..rest.find('"').unwrap_or(0)];
                if value.chars().any(char::is_alphabetic) {
                    found.push(format!("{}: {attr}{value}", file.display()));
                }
            }
        }
        let body = strip(&strip(&stripped, "<script", "</script>"), "<", ">");
        let readable: String = body.chars().filter(|c| c.is_alphanumeric()).collect();
        if !readable.is_empty() {
            found.push(format!("{}: {readable}", file.display()));
        }
    }
    assert!(
        found.is_empty(),
        "literal text in templates:\n{}",
        found.join("\n")
    );
}

fn strip(text: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        match rest[start..].find(close) {
            Some(end) => rest = &rest[start + end + close.len()..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// `src/db/schema.rs` must be exactly what `diesel print-schema` makes of the migrations.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schema_rs_matches_the_migrations() {
    let app = crate::support::TestApp::spawn().await;
    let url = app.database_url();
    let diesel = which_diesel();
    let out = std::process::Command::new(&diesel)
        .args(["print-schema", "--database-url", &url])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run {diesel} (install diesel_cli): {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let generated = String::from_utf8(out.stdout).unwrap();
    let committed =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/db/schema.rs"))
            .unwrap();
    assert!(
        generated == committed,
        "src/db/schema.rs is stale: run `diesel print-schema > src/db/schema.rs`"
    );
}

fn which_diesel() -> String {
    if let Ok(path) = std::env::var("DIESEL") {
        return path;
    }
    let home = std::env::var("CARGO_HOME")
        .unwrap_or_else(|_| format!("{}/.cargo", std::env::var("HOME").unwrap_or_default()));
    let local = format!("{home}/bin/diesel");
    if Path::new(&local).exists() {
        local
    } else {
        "diesel".into()
    }
}

/// no statement in the product changes or removes an activity record (the database
/// refuses it as well: see `ordering::placing_an_order_writes_an_activity_record_that_cannot_be_changed`).
#[test]
fn no_code_path_updates_or_deletes_activity_records() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut offending = Vec::new();
    for path in walk(&root.join("src")) {
        {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let flat: String = text
                .to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            for pattern in [
                "update(activity::",
                "delete(activity::",
                "update activity ",
                "delete from activity",
                "truncate activity",
                "drop table activity",
            ] {
                if flat.contains(pattern) {
                    offending.push(format!("{}: {pattern}", path.display()));
                }
            }
        }
    }
    assert!(offending.is_empty(), "{offending:?}");
}
