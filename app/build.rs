// The migrations are compiled in (`sqlx::migrate!` in src/db/mod.rs), and that macro does not
// tell cargo to rebuild when they change: this does.
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
