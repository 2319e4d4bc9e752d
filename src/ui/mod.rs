//! Shared view pieces: preferences context, layout, forms.

pub mod chart;
pub mod form;
pub mod layout;
#[cfg(feature = "ssr")]
pub mod server_html;

use crate::domain::{CountyName, Prefs};
use crate::i18n::Msg;
use leptos::prelude::*;

/// The reader's preferences, reactive so that the care-mode switch can act without a reload.
#[derive(Clone, Copy)]
pub struct PrefsCtx(pub RwSignal<Prefs>);

/// The county's names, fixed for the life of the page.
#[derive(Clone)]
pub struct SiteCtx(pub CountyName);

pub fn use_prefs() -> RwSignal<Prefs> {
    use_context::<PrefsCtx>().map(|c| c.0).unwrap_or_else(|| RwSignal::new(Prefs::default()))
}

pub fn use_site() -> CountyName {
    use_context::<SiteCtx>().map(|c| c.0).unwrap_or_default()
}

/// A translated string for use in views: `{tr(Msg::NavHome)}`. Plain text, not a reactive
/// closure: the language is fixed for a page load (switching it reloads the page; the care
/// mode, which does change in place, changes no text). A closure per text cost hydration a
/// render effect and a subscription to the preferences for each of the hundreds of texts on a
/// page, and re-ran them all on every care-mode switch.
pub fn tr(msg: Msg) -> &'static str {
    msg.text(use_prefs().get_untracked().locale)
}

/// A page title in the page's language, as plain text. leptos_axum reads `<Title>` outside the
/// request's reactive arena (seen under load: a signal read there panics), so titles must not
/// read signals; the language is fixed for a page load (switching it reloads the page).
pub fn title_text(msg: Msg) -> String {
    msg.text(use_prefs().get_untracked().locale).to_owned()
}

/// The body of a `Suspense` that waits for data: `{suspend(move || async move { … })}`.
///
/// In the browser this is a reactive closure making a `Suspend`, so the view follows its
/// resources. On the server it is one `Suspend`, made once. A Suspense walks its children before
/// it renders them ("dry resolve", once more when its data have come), and each walk runs a
/// closure again. Once the data are there, every run made the view inside again, with its
/// components, their resources, and the resources' ids in the hydration data. The browser makes
/// them once and so read the data of the first copy for the HTML of the last. The first copy's
/// render had been dropped, so its data was an error, and hydration panicked (a staff page now and
/// then under load). A `Suspend` keeps the view it made in the dry walk and renders that one.
pub fn suspend<F, Fut>(body: F) -> impl IntoView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future + Send + 'static,
    Fut::Output: IntoView + 'static,
{
    #[cfg(feature = "ssr")]
    {
        Suspend::new(body())
    }
    #[cfg(not(feature = "ssr"))]
    {
        move || Suspend::new(body())
    }
}

/// `text` as the content of the server's `<title>` element: `&`, `<` and `>` as references.
#[cfg(feature = "ssr")]
pub fn escape_title(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Reads the preferences and county name: on the server from the request and configuration,
/// in the browser from what the server rendered into `<html>`, so hydration sees the same values.
pub fn initial_prefs() -> (Prefs, CountyName) {
    #[cfg(feature = "ssr")]
    {
        use axum::http::header::COOKIE;
        let prefs = with_context::<axum::http::request::Parts, _>(|p| {
            let all: Vec<&str> = p.headers.get_all(COOKIE).iter().filter_map(|v| v.to_str().ok()).collect();
            Prefs::from_cookie_header(&all.join("; "))
        })
        .unwrap_or_default();
        let county = with_context::<crate::server::AppState, _>(|s| s.config.county.clone()).unwrap_or_default();
        (prefs, county)
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let doc = web_sys::window().and_then(|w| w.document());
        let root = doc.as_ref().and_then(|d| d.document_element());
        let locale = root.as_ref().and_then(|r| r.get_attribute("lang")).and_then(|l| crate::domain::Locale::parse(&l)).unwrap_or_default();
        let care = root.map(|r| r.class_list().contains("care")).unwrap_or(false);
        let county = doc
            .and_then(|d| d.query_selector("meta[name=gongkai-county]").ok().flatten())
            .and_then(|m| m.get_attribute("content"))
            .and_then(|c| CountyName::decode(&c))
            .unwrap_or_default();
        (Prefs { locale, care }, county)
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        (Prefs::default(), CountyName::default())
    }
}

/// Switches care mode in the browser at once: class on `<html>` plus the cookie the server reads.
#[cfg(feature = "hydrate")]
pub fn apply_care(care: bool) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(root) = doc.document_element() {
        let _ = root.class_list().toggle_with_force("care", care);
    }
    if let Ok(html) = doc.dyn_into::<web_sys::HtmlDocument>() {
        let _ = html.set_cookie(&format!("{}={}; Path=/; Max-Age=31536000; SameSite=Lax", Prefs::CARE_COOKIE, u8::from(care)));
    }
}
