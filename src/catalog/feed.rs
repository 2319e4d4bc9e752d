//! The catalog's Atom feed and the site's sitemap, as plain axum handlers.

use super::store;
use crate::server::{AppState, public_base};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Entries in the feed.
const FEED_ENTRIES: i64 = 50;
/// Entry URLs in the sitemap (the protocol's limit per file).
const SITEMAP_URLS: i64 = 50_000;

/// Text for XML content and attribute values.
fn xml(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .map(|c| match c {
            '&' => "&amp;".to_owned(),
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '"' => "&quot;".to_owned(),
            '\'' => "&apos;".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

fn base(state: &AppState, headers: &HeaderMap) -> String {
    public_base(&state.config, headers.get(header::HOST).and_then(|h| h.to_str().ok()))
}

fn failed(e: sqlx::Error) -> Response {
    tracing::error!(error = %e, "catalog feed failed");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// `/catalog/feed.atom`: the newest published entries.
pub async fn atom(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let rows = match store::newest(&state.db, FEED_ENTRIES).await {
        Ok(r) => r,
        Err(e) => return failed(e),
    };
    let base = base(&state, &headers);
    let site = state.config.county.site_name(crate::domain::Locale::Hans);
    let updated = rows.first().and_then(|r| r.updated_on.clone()).unwrap_or_else(|| state.today().to_string());
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-Hans\">\n\
         <title>{} · {}</title>\n<id>{base}/catalog</id>\n<link rel=\"self\" href=\"{base}/catalog/feed.atom\"/>\n\
         <link href=\"{base}/catalog\"/>\n<updated>{updated}T00:00:00+08:00</updated>\n",
        xml(&site),
        xml(crate::i18n::Msg::CatalogTitle.text(crate::domain::Locale::Hans)),
    );
    for r in rows {
        let published = r.published_on.clone().unwrap_or_default();
        let updated = r.updated_on.clone().unwrap_or_else(|| published.clone());
        out.push_str(&format!(
            "<entry>\n<title>{}</title>\n<id>{base}/catalog/{id}</id>\n<link href=\"{base}/catalog/{id}\"/>\n\
             <published>{published}T00:00:00+08:00</published>\n<updated>{updated}T00:00:00+08:00</updated>\n\
             <author><name>{}</name></author>\n<summary>{}</summary>\n</entry>\n",
            xml(&r.title),
            xml(&r.unit_name),
            xml(&r.summary),
            id = r.id,
        ));
    }
    out.push_str("</feed>\n");
    ([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], out).into_response()
}

/// `/sitemap.xml`: the public pages and every published entry.
pub async fn sitemap(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let rows = match store::sitemap(&state.db, SITEMAP_URLS - 20).await {
        Ok(r) => r,
        Err(e) => return failed(e),
    };
    let base = base(&state, &headers);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for path in ["", "/catalog", "/apply", "/apply/info", "/apply/matters", "/lookup", "/lookup/board", "/hotline", "/surveys"] {
        out.push_str(&format!("<url><loc>{base}{path}</loc></url>\n"));
    }
    for (id, updated) in rows {
        out.push_str(&format!("<url><loc>{base}/catalog/{id}</loc><lastmod>{}</lastmod></url>\n", xml(&updated)));
    }
    out.push_str("</urlset>\n");
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], out).into_response()
}

#[cfg(test)]
mod tests {
    #[test]
    fn xml_text_is_escaped_and_stripped_of_control_characters() {
        assert_eq!(super::xml("<a href=\"x\">&'\u{0}"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    }
}
