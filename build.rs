//! The migrations are embedded in the binary (`db::migrate`); a new migration directory must
//! rebuild it, which Cargo would not notice on its own.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
