//! Gongkai 公开: an open-government portal for county governments.

// Leptos view types nest deeply; the release build of the larger staff pages needs more room.
#![recursion_limit = "256"]

pub mod app;
pub mod apply;
pub mod assessment;
pub mod calendar;
pub mod cases;
pub mod catalog;
pub mod domain;
pub mod error;
pub mod home;
pub mod hotline;
pub mod i18n;
pub mod lookup;
pub mod ratings;
pub mod staff;
pub mod surveys;
pub mod ui;
pub mod units;

#[cfg(feature = "ssr")]
pub mod cli;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod server;

/// Room for the WASM splitter (`cargo leptos build --split`). It moves each piece of constant data
/// to the module that uses it, laid out again module by module with alignment padding; when that
/// layout comes out longer than the original data segment, it gives up and leaves all the data in
/// the main module: about 40 KB brotli more on every first load, with no warning. This block is in
/// the segment but used by nothing, so the new layout has this much room to spare and no module
/// carries it. `scripts/precompress.mjs` fails the build if the data ends up in the main module.
#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
#[used]
static SPLIT_DATA_SLACK: [u8; 8192] = [0x5a; 8192];

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Pages load lazily (see `app`): first the page's code, then hydration in one go. Hydrating
    // asynchronously instead (`hydrate_lazy`) would let the router take clicks while the page's
    // code is still on its way, and lose them.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async {
        let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
        // The page's texts travel while its code loads; without them the page stays as sent.
        let texts = i18n::browser::fetch();
        app::preload_page_code(&path).await;
        if !i18n::browser::install(texts).await {
            return;
        }
        leptos::mount::hydrate_body(app::App);
        // Lets tests (and curious readers) see that the page is interactive.
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("data-hydrated", "");
        }
    });
}
