//! Page regions rendered to HTML on the server only.
//!
//! A region that is read, not edited in place (the catalog list: its search form, browse lists
//! and results) does not need its view code in the browser. The server renders it to a string
//! and the page sets that string as an element's content: on a first load it is in the page and
//! hydration leaves it alone; when the router shows the page, or another filter of it, the page
//! fetches the region's HTML from the server. The browser's WASM then carries a `<div>`, not the
//! region.

use crate::domain::Prefs;
use axum::http::HeaderMap;
use leptos::prelude::*;

/// The reader's preferences (language, care mode), from the request's cookies.
pub fn prefs_of(headers: &HeaderMap) -> Prefs {
    let all: Vec<&str> = headers.get_all(axum::http::header::COOKIE).iter().filter_map(|v| v.to_str().ok()).collect();
    Prefs::from_cookie_header(&all.join("; "))
}

/// Renders `view` to HTML as a reader with `prefs` sees it, in a reactive owner of its own (so
/// it needs no request context and leaves nothing behind).
pub fn render<V: IntoView + 'static>(prefs: Prefs, view: impl FnOnce() -> V) -> String {
    let owner = Owner::new_root(None);
    let html = owner.with(|| {
        provide_context(crate::ui::PrefsCtx(RwSignal::new(prefs)));
        view().to_html()
    });
    owner.unset();
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Locale;
    use crate::i18n::Msg;
    use crate::ui::tr;

    #[test]
    fn renders_in_the_readers_language_and_escapes_text() {
        let mut headers = HeaderMap::new();
        headers.append(axum::http::header::COOKIE, "gk_sid=1".parse().unwrap());
        headers.append(axum::http::header::COOKIE, "lang=en".parse().unwrap());
        let prefs = prefs_of(&headers);
        assert_eq!(prefs.locale, Locale::En);
        let html = render(prefs, || view! { <p title="a\"b">{tr(Msg::Search)}" <i>"</p> });
        // Without Leptos's `<!>` placeholders, whose number depends on `--cfg erase_components`.
        assert_eq!(html.replace("<!>", ""), r#"<p title="a&quot;b">Search &lt;i&gt;</p>"#);
    }
}
