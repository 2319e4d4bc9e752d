//! The catalog list (search form, browse lists, one page of results), rendered on the server
//! only (see `crate::ui::server_html`): none of this is in the browser's WASM.
//! - For a page load of `/catalog`, `prerender` makes the list before the page renders and
//!   `CatalogListPage` writes it into the page.
//! - When the router shows the list, or another filter of it, the page fetches the same HTML
//!   from `/catalog/list.html` (`fragment`) with the page's query.
//!
//! The lists are built as strings rather than views: a page has a few hundred of their elements,
//! and strings are quicker to make.

use super::api::CatalogArgs;
use super::{CatalogFilter, CatalogPage, EntrySummary, Marked, PER_PAGE};
use crate::domain::catalog::{Audience, Topic, Validity};
use crate::domain::{Locale, Prefs};
use crate::i18n::Msg;
use crate::server::AppState;
use crate::ui::server_html::{prefs_of, render};
use crate::ui::{tr, use_prefs};
use axum::extract::{Query, Request, State};
use axum::http::{Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::prelude::*;
use std::sync::Arc;

const INPUT: &str = "tap block w-full rounded border border-gray-500 bg-white px-3 py-2";
const BUTTON: &str = "tap inline-flex items-center justify-center rounded bg-red-800 px-5 py-2 font-bold text-white hover:bg-red-900";
const NODE: &str = "tap flex justify-between gap-2 rounded px-2 py-1 hover:bg-red-50 aria-[current=page]:bg-red-800 aria-[current=page]:text-white";

/// The list's query as its links and form write it. A value that does not read (a unit or page
/// that is not a number) counts as absent; a query that does not read at all (a key given twice)
/// as no filter.
#[derive(Debug, Default, serde::Deserialize)]
struct ListQuery {
    unit: Option<String>,
    topic: Option<String>,
    audience: Option<String>,
    from: Option<String>,
    to: Option<String>,
    q: Option<String>,
    page: Option<String>,
}

/// The list made for a page load of `/catalog` (`prerender`), for `CatalogListPage` to write
/// into the page, with the status the page answers.
#[derive(Clone, Debug)]
pub struct Prerendered {
    pub html: Arc<str>,
    pub status: StatusCode,
}

/// The list's HTML for the filter in `uri`'s query, in the language of `prefs`. A failure to
/// load is the error's message in its place, with its status.
pub async fn list_html(state: &AppState, prefs: Prefs, uri: &Uri) -> (StatusCode, String) {
    let q = Query::<ListQuery>::try_from_uri(uri).map(|q| q.0).unwrap_or_default();
    let s = |v: Option<String>| v.filter(|v| !v.trim().is_empty());
    let int = |v: Option<String>| s(v).and_then(|v| v.parse::<i64>().ok());
    let args = CatalogArgs { unit: int(q.unit), topic: s(q.topic), audience: s(q.audience), from: s(q.from), to: s(q.to), q: s(q.q), page: int(q.page) };
    match super::api::catalog_page(state, args).await {
        Ok(page) => (StatusCode::OK, render(prefs, move || view! { <Catalog page/> })),
        Err(e) => (e.status(), render(prefs, move || crate::apply::pages::load_error(e))),
    }
}

/// Middleware: for a page load of `/catalog`, makes the list first (it needs the database, and a
/// page's render cannot wait for anything but its resources) and hands it to the page in the
/// request's extensions.
pub async fn prerender(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if req.method() == Method::GET && req.uri().path() == "/catalog" {
        let (status, html) = list_html(&state, prefs_of(req.headers()), req.uri()).await;
        req.extensions_mut().insert(Prerendered { html: html.into(), status });
    }
    next.run(req).await
}

/// `GET /catalog/list.html?…`: the list alone, for the page to swap in when its query changes.
pub async fn fragment(State(state): State<AppState>, req: Request) -> Response {
    let (status, html) = list_html(&state, prefs_of(req.headers()), req.uri()).await;
    // Its language comes from the cookie, so no shared cache may keep one reader's copy for all.
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "private, no-cache"), (header::VARY, "Cookie")], html)
        .into_response()
}

#[component]
fn Catalog(page: CatalogPage) -> impl IntoView {
    let prefs = use_prefs();
    let CatalogPage { filter, units, topics, audiences, total_published, entries, total, total_capped, errors } = page;
    let err = move |field: &str| errors.iter().find(|e| e.0 == field).map(|e| e.1);
    let (from_err, to_err) = (err("from"), err("to"));
    let f = filter.clone();
    // The language is fixed for the page's life (switching it loads the page again).
    let locale = prefs.get_untracked().locale;
    let summary = match (!filter.q.is_empty(), total_capped) {
        (true, true) => Msg::CatalogFoundMany,
        (true, false) => Msg::CatalogFound,
        _ => Msg::CatalogCount,
    }
    .text(locale)
    .replace("{n}", &total.to_string())
    .replace("{all}", &total_published.to_string());
    // The browse nodes, the filter choices and the results: a few hundred elements, written as
    // strings (see `nodes_html`).
    let entry_items = entries_html(&entries, locale);
    let unit_items = nodes_html(units.iter().filter(|u| u.count > 0 || filter.unit == Some(u.id)).map(|u| Node {
        href: filter.with(|x| x.unit = if x.unit == Some(u.id) { None } else { Some(u.id) }).url(1),
        label: &u.name,
        count: u.count,
        current: filter.unit == Some(u.id),
        indent: u.depth > 0,
    }));
    let topic_items = nodes_html(topics.iter().filter(|(t, n)| *n > 0 || filter.topic == Some(*t)).map(|&(t, n)| Node {
        href: filter.with(|x| x.topic = if x.topic == Some(t) { None } else { Some(t) }).url(1),
        label: t.msg().text(locale),
        count: n,
        current: filter.topic == Some(t),
        indent: false,
    }));
    let audience_items = nodes_html(audiences.iter().map(|&(a, n)| Node {
        href: filter.with(|x| x.audience = if x.audience == Some(a) { None } else { Some(a) }).url(1),
        label: a.msg().text(locale),
        count: n,
        current: filter.audience == Some(a),
        indent: false,
    }));
    let unit_options = options_html(
        Msg::AllUnits.text(locale),
        units.iter().map(|u| (u.id.to_string(), format!("{}{}", if u.depth > 0 { "　└ " } else { "" }, u.name), f.unit == Some(u.id))),
    );
    let topic_options = options_html(
        Msg::AllTopics.text(locale),
        Topic::ALL.iter().map(|t| (t.as_str().to_owned(), t.msg().text(locale).to_owned(), f.topic == Some(*t))),
    );
    let audience_options = options_html(
        Msg::AllAudiences.text(locale),
        Audience::ALL.iter().map(|a| (a.as_str().to_owned(), a.msg().text(locale).to_owned(), f.audience == Some(*a))),
    );
    let pages = (total + PER_PAGE - 1) / PER_PAGE;
    let current = filter.page.max(1);
    view! {
        <form method="get" action="/catalog" role="search" class="mb-6 space-y-3 rounded-lg border border-gray-300 bg-white p-4">
            <div class="flex flex-wrap items-end gap-2">
                <div class="min-w-0 flex-1">
                    <label for="catalog-q" class="block font-medium">{tr(Msg::CatalogSearchLabel)}</label>
                    <input id="catalog-q" name="q" type="search" value=f.q.clone() maxlength="60" class=INPUT
                        aria-describedby="catalog-q-hint"/>
                    <p id="catalog-q-hint" class="text-sm text-gray-700">{tr(Msg::CatalogSearchHint)}</p>
                </div>
                <button type="submit" class=BUTTON>{tr(Msg::Search)}</button>
            </div>
            <details class="group" open={f.unit.is_some() || f.topic.is_some() || f.audience.is_some() || !f.from.is_empty() || !f.to.is_empty()}>
                <summary class="tap cursor-pointer font-medium text-red-900">{tr(Msg::MoreFilters)}</summary>
                <div class="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                    <div>
                        <label for="catalog-unit" class="block font-medium">{tr(Msg::EntryUnit)}</label>
                        <select id="catalog-unit" name="unit" class=INPUT inner_html=unit_options></select>
                    </div>
                    <div>
                        <label for="catalog-topic" class="block font-medium">{tr(Msg::EntryTopic)}</label>
                        <select id="catalog-topic" name="topic" class=INPUT inner_html=topic_options></select>
                    </div>
                    <div>
                        <label for="catalog-audience" class="block font-medium">{tr(Msg::EntryAudience)}</label>
                        <select id="catalog-audience" name="audience" class=INPUT inner_html=audience_options></select>
                    </div>
                    <DateFilter name="from" label=Msg::PublishedFrom value=f.from.clone() error=from_err/>
                    <DateFilter name="to" label=Msg::PublishedTo value=f.to.clone() error=to_err/>
                </div>
            </details>
        </form>
        <div class="flex flex-col gap-6 md:flex-row">
            <nav aria-label=tr(Msg::BrowseCatalog) class="space-y-3 md:w-72 md:shrink-0">
                <BrowseGroup title=Msg::BrowseByUnit open=filter.unit.is_some() items=unit_items/>
                <BrowseGroup title=Msg::BrowseByTopic open=filter.topic.is_some() items=topic_items/>
                <BrowseGroup title=Msg::BrowseByAudience open=filter.audience.is_some() items=audience_items/>
                <p><a href="/catalog/feed.atom" class="text-red-900 underline">{tr(Msg::AtomFeed)}</a></p>
            </nav>
            <section class="min-w-0 flex-1" aria-labelledby="catalog-results">
                <h2 id="catalog-results" class="mb-3 text-lg font-bold" aria-live="polite" data-testid="catalog-summary">{summary}</h2>
                {entries.is_empty().then(|| view! {
                    <p class="rounded border border-gray-300 bg-white p-4" data-testid="catalog-empty">{tr(Msg::CatalogNoResults)}</p>
                })}
                <ol class="space-y-3" data-testid="catalog-entries" inner_html=entry_items></ol>
                <Pager filter=filter.clone() current pages/>
            </section>
        </div>
    }
}

#[component]
fn DateFilter(name: &'static str, label: Msg, value: String, error: Option<Msg>) -> impl IntoView {
    let id = format!("catalog-{name}");
    let err_id = format!("{id}-error");
    view! {
        <div>
            <label for=id.clone() class="block font-medium">{tr(label)}</label>
            <input id=id name=name type="date" value=value class=INPUT aria-invalid=error.is_some().then_some("true")
                aria-describedby=err_id.clone()/>
            <p id=err_id class="text-sm font-medium text-red-800">{error.map(tr)}</p>
        </div>
    }
}

/// A collapsible list of browse nodes (`nodes_html`); open when one of its nodes is chosen.
#[component]
fn BrowseGroup(title: Msg, open: bool, items: String) -> impl IntoView {
    view! {
        <details class="rounded border border-gray-300 bg-white p-2" open=open>
            <summary class="tap cursor-pointer font-bold">{tr(title)}</summary>
            <ul class="mt-2 max-h-96 space-y-1 overflow-y-auto" tabindex="0" inner_html=items></ul>
        </details>
    }
}

/// One browse node: a link that sets (or, when current, clears) one filter.
struct Node<'a> {
    href: String,
    label: &'a str,
    count: i64,
    current: bool,
    indent: bool,
}

/// Browse nodes as the HTML of a list. A catalog page has over a hundred of them, four elements
/// each. Text and addresses are escaped here, as a view would.
fn nodes_html<'a>(nodes: impl Iterator<Item = Node<'a>>) -> String {
    use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
    let mut out = String::new();
    for n in nodes {
        out.push_str(if n.indent { r#"<li class="pl-4">"# } else { "<li>" });
        out.push_str(&format!(r#"<a href="{}" class="{NODE}""#, attr(&n.href)));
        if n.current {
            out.push_str(r#" aria-current="page""#);
        }
        out.push_str(&format!(r#"><span>{}</span><span class="tabular-nums">{}</span></a></li>"#, text(n.label), n.count));
    }
    out
}

/// Marked text as HTML: matches in `<mark>`, everything escaped.
fn push_marked(out: &mut String, parts: &Marked) {
    for (text, hit) in parts {
        let text = html_escape::encode_text(text);
        if *hit {
            out.push_str(r#"<mark class="bg-yellow-200 text-inherit">"#);
            out.push_str(&text);
            out.push_str("</mark>");
        } else {
            out.push_str(&text);
        }
    }
}

/// One page of results as the HTML of a list (see `nodes_html`): for each entry its title as a
/// link (matches marked), a badge when it is no longer valid, its index number, unit, date,
/// genre and document number, and its summary.
fn entries_html(entries: &[EntrySummary], locale: Locale) -> String {
    use html_escape::encode_text as text;
    let mut out = String::new();
    for e in entries {
        out.push_str(r#"<li class="rounded-lg border border-gray-300 bg-white p-4"><h3 class="text-lg font-medium">"#);
        out.push_str(&format!(r#"<a href="/catalog/{}" class="text-red-900 underline">"#, e.id));
        push_marked(&mut out, &e.title);
        out.push_str("</a>");
        if e.validity != Validity::Valid {
            out.push_str(r#"<span class="ml-2 rounded bg-gray-200 px-2 py-0.5 text-sm text-gray-900">"#);
            out.push_str(&text(e.validity.msg().text(locale)));
            out.push_str("</span>");
        }
        out.push_str(&format!(
            r#"</h3><p class="text-sm text-gray-700"><span class="sr-only">{} </span>{} · {} · {} · {}"#,
            text(Msg::EntryIndexNo.text(locale)),
            text(&e.index_no),
            text(&e.unit_name),
            text(&e.published_on),
            text(e.genre.msg().text(locale)),
        ));
        if !e.doc_no.is_empty() {
            out.push_str(" · ");
            out.push_str(&text(&e.doc_no));
        }
        out.push_str("</p>");
        if !e.summary.is_empty() {
            out.push_str(r#"<p class="mt-1">"#);
            push_marked(&mut out, &e.summary);
            out.push_str("</p>");
        }
        out.push_str("</li>");
    }
    out
}

/// A select's options as HTML (see `nodes_html`): a blank first choice, then `(value, label,
/// selected)`.
fn options_html(blank: &str, options: impl Iterator<Item = (String, String, bool)>) -> String {
    use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
    let mut out = format!(r#"<option value="">{}</option>"#, text(blank));
    for (value, label, selected) in options {
        out.push_str(&format!(r#"<option value="{}"{}>{}</option>"#, attr(&value), if selected { " selected" } else { "" }, text(&label)));
    }
    out
}

/// Previous / next and a window of page numbers, as links.
#[component]
fn Pager(filter: CatalogFilter, current: i64, pages: i64) -> impl IntoView {
    if pages <= 1 {
        return ().into_any();
    }
    let window: Vec<i64> = ((current - 2).max(1)..=(current + 2).min(pages)).collect();
    let link = "tap inline-flex min-w-11 items-center justify-center rounded border border-gray-500 bg-white px-3 py-2 hover:bg-gray-100 aria-[current=page]:bg-red-800 aria-[current=page]:text-white";
    view! {
        <nav aria-label=tr(Msg::Pages) class="mt-4 flex flex-wrap items-center gap-2">
            {(current > 1).then(|| view! { <a class=link href=filter.url(current - 1) rel="prev">{tr(Msg::PrevPage)}</a> })}
            {window.into_iter().map(|p| view! {
                <a class=link href=filter.url(p) aria-current=(p == current).then_some("page")>{p}</a>
            }).collect_view()}
            {(current < pages).then(|| view! { <a class=link href=filter.url(current + 1) rel="next">{tr(Msg::NextPage)}</a> })}
        </nav>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::Genre;

    fn entry(title: Marked, summary: Marked, doc_no: &str, validity: Validity) -> EntrySummary {
        EntrySummary {
            id: 42,
            index_no: "000-2026-0001".into(),
            title,
            summary,
            unit_name: "县<教育>局".into(),
            published_on: "2026-11-02".into(),
            doc_no: doc_no.into(),
            genre: Genre::Notice,
            validity,
        }
    }

    #[test]
    fn results_are_written_escaped_with_matches_marked() {
        let e = entry(
            vec![("关于".into(), false), ("<补贴>".into(), true), ("&\"通知\"".into(), false)],
            vec![("发放".into(), false), ("补贴".into(), true)],
            "青教〔2026〕3号",
            Validity::Valid,
        );
        let html = entries_html(&[e], Locale::Hans);
        assert!(html.starts_with(r#"<li class="rounded-lg border border-gray-300 bg-white p-4"><h3 class="text-lg font-medium"><a href="/catalog/42" class="text-red-900 underline">"#), "{html}");
        assert!(html.contains(r#"关于<mark class="bg-yellow-200 text-inherit">&lt;补贴&gt;</mark>&amp;"通知"</a></h3>"#), "{html}");
        assert!(html.contains(r#"<span class="sr-only">索引号 </span>000-2026-0001 · 县&lt;教育&gt;局 · 2026-11-02 · 通知 · 青教〔2026〕3号</p>"#), "{html}");
        assert!(html.contains(r#"<p class="mt-1">发放<mark class="bg-yellow-200 text-inherit">补贴</mark></p></li>"#), "{html}");
        assert!(!html.contains("<补贴>") && !html.contains("<教育>"), "{html}");
        // A valid entry has no badge.
        assert!(!html.contains("bg-gray-200"), "{html}");
    }

    #[test]
    fn a_lapsed_entry_is_badged_and_empty_parts_are_left_out() {
        let html = entries_html(&[entry(vec![("旧办法".into(), false)], Vec::new(), "", Validity::Repealed)], Locale::En);
        assert!(html.contains(r#"旧办法</a><span class="ml-2 rounded bg-gray-200 px-2 py-0.5 text-sm text-gray-900">Repealed</span></h3>"#), "{html}");
        assert!(html.contains(r#"<span class="sr-only">Index number </span>000-2026-0001 · 县&lt;教育&gt;局 · 2026-11-02 · "#), "{html}");
        assert!(!html.contains(r#"<p class="mt-1">"#), "{html}");
        assert!(html.ends_with("</p></li>"), "{html}");
        assert_eq!(entries_html(&[], Locale::Hans), "");
    }
}
