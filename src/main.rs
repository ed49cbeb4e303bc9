//! The browser entry point (built by Trunk). Natively there is nothing to run: see the README.

fn main() {
    #[cfg(target_arch = "wasm32")]
    ready_to_lead::web::start();
}
