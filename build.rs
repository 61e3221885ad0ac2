//! Files the binary embeds at compile time without Cargo noticing: the migrations
//! (`db::migrate`) and the Fluent catalogs (`i18n`, read by a macro). A change to either must
//! rebuild it.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=src/i18n/locales");
}
