//! Citizen pages of the catalog: the list with its browse tree, filters and search; one entry;
//! a unit's guide. Filters and search are GET forms and links, so every view has a URL, renders
//! on the server and works without JavaScript; with it, the router swaps the list in place.

use super::api::{get_catalog, get_entry, get_guide};
use super::{CatalogFilter, CatalogPage, EntrySummary, EntryView, GuideView, Marked, PER_PAGE, human_size};
use crate::apply::pages::loaded;
use crate::domain::catalog::{Audience, Topic, Validity};
use crate::domain::locale::Locale;
use crate::i18n::Msg;
use crate::ui::layout::PageHeading;
use crate::ui::{tr, use_prefs};
use leptos::prelude::*;
use leptos_meta::{Link, Title};
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

const INPUT: &str = "tap block w-full rounded border border-gray-500 bg-white px-3 py-2";
const BUTTON: &str = "tap inline-flex items-center justify-center rounded bg-red-800 px-5 py-2 font-bold text-white hover:bg-red-900";
const NODE: &str = "tap flex justify-between gap-2 rounded px-2 py-1 hover:bg-red-50 aria-[current=page]:bg-red-800 aria-[current=page]:text-white";

#[component]
pub fn CatalogListPage() -> impl IntoView {
    let query = use_query_map();
    let args = move || {
        let q = query.read();
        let s = |k: &str| q.get(k).filter(|v| !v.trim().is_empty());
        (
            s("unit").and_then(|u| u.parse::<i64>().ok()),
            s("topic"),
            s("audience"),
            s("from"),
            s("to"),
            s("q"),
            s("page").and_then(|p| p.parse::<i64>().ok()),
        )
    };
    let data = Resource::new(args, |(unit, topic, audience, from, to, q, page)| get_catalog(unit, topic, audience, from, to, q, page));
    view! {
        <Title text=crate::ui::title_text(Msg::CatalogTitle)/>
        <Link rel="alternate" type_="application/atom+xml" href="/catalog/feed.atom"/>
        <div class="mx-auto max-w-6xl px-4 py-6">
            <PageHeading title=Msg::CatalogTitle lead=Msg::CatalogDesc/>
            {loaded(data, |page| view! { <Catalog page/> })}
        </div>
    }
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
    // The browse nodes, the filter choices and the results are a few hundred elements that
    // never change in place (a new filter renders a new list): written as HTML once and set
    // whole, so hydration does not walk them (see `nodes_html`).
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
        <Form method="get" action="/catalog" attr:role="search" attr:class="mb-6 space-y-3 rounded-lg border border-gray-300 bg-white p-4">
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
        </Form>
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
/// each: as views they were most of what hydration walked, and the page swaps them whole.
/// Text and addresses are escaped here, as the view would.
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

#[component]
pub fn EntryPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(move || params.read().get("id").and_then(|i| i.parse::<i64>().ok()).unwrap_or(0), get_entry);
    view! {
        <div class="mx-auto max-w-4xl px-4 py-6">
            {loaded(data, |entry| view! { <Entry entry/> })}
        </div>
    }
}

#[component]
fn Entry(entry: EntryView) -> impl IntoView {
    let withdrawn = entry.state == crate::domain::catalog::EntryState::Withdrawn;
    let row = |label: Msg, value: AnyView| view! {
        <div class="grid grid-cols-[7rem_1fr] gap-2 border-b border-gray-200 py-1 sm:grid-cols-[8rem_1fr]">
            <dt class="font-medium text-gray-700">{tr(label)}</dt><dd class="min-w-0 break-words">{value}</dd>
        </div>
    };
    let text = |s: String| s.into_any();
    view! {
        <Title text=entry.title.clone()/>
        <article class="space-y-5">
            <h1 class="text-2xl font-bold text-gray-900 sm:text-3xl" data-testid="entry-title">{entry.title.clone()}</h1>
            {withdrawn.then(|| view! {
                <p role="status" class="rounded border border-red-800 bg-red-50 p-3 text-red-900">
                    {tr(Msg::EntryWithdrawnNotice)}" "{entry.withdrawn_reason.clone()}
                </p>
            })}
            {entry.successor.clone().map(|s| view! {
                <p role="status" class="rounded border border-amber-700 bg-amber-50 p-3">
                    {tr(Msg::EntryReplacedBy)}" "<a href=format!("/catalog/{}", s.id) class="text-red-900 underline">{s.title}</a>
                </p>
            })}
            <dl class="rounded-lg border border-gray-300 bg-white p-4 text-base" data-testid="entry-meta">
                {row(Msg::EntryIndexNo, text(entry.index_no.clone()))}
                {row(Msg::EntryUnit, view! { <a href=format!("/catalog?unit={}", entry.unit_id) class="text-red-900 underline">{entry.unit_name.clone()}</a> }.into_any())}
                {(!entry.doc_no.is_empty()).then(|| row(Msg::EntryDocNo, text(entry.doc_no.clone())))}
                {row(Msg::EntryWrittenOn, text(entry.written_on.clone()))}
                {row(Msg::EntryPublishedOn, text(entry.published_on.clone()))}
                {(entry.updated_on != entry.published_on).then(|| row(Msg::EntryUpdatedOn, text(entry.updated_on.clone())))}
                {row(Msg::EntryTopic, view! { <a href=format!("/catalog?topic={}", entry.topic.as_str()) class="text-red-900 underline">{tr(entry.topic.msg())}</a> }.into_any())}
                {row(Msg::EntryGenre, tr(entry.genre.msg()).into_any())}
                {row(Msg::EntryAudience, view! { <a href=format!("/catalog?audience={}", entry.audience.as_str()) class="text-red-900 underline">{tr(entry.audience.msg())}</a> }.into_any())}
                {row(Msg::EntryValidity, tr(entry.validity.msg()).into_any())}
                {row(Msg::EntryDisclosure, tr(entry.disclosure.msg()).into_any())}
                {(!entry.keywords.is_empty()).then(|| row(Msg::EntryKeywords, text(entry.keywords.clone())))}
            </dl>
            {(!entry.summary.is_empty()).then(|| view! {
                <section aria-labelledby="entry-summary"><h2 id="entry-summary" class="font-bold">{tr(Msg::EntrySummary)}</h2><p>{entry.summary.clone()}</p></section>
            })}
            // Sanitised on the server when it was saved (ammonia).
            <div class="entry-body max-w-none space-y-3 leading-relaxed" inner_html=entry.body.clone() data-testid="entry-body"></div>
            {(!entry.files.is_empty()).then(|| view! {
                <section aria-labelledby="entry-files">
                    <h2 id="entry-files" class="font-bold">{tr(Msg::Attachments)}</h2>
                    <ul class="list-disc pl-6" data-testid="entry-files">
                        {entry.files.iter().map(|f| view! {
                            <li>
                                <a href=format!("/catalog/{}/files/{}", entry.id, f.id) class="tap inline-block text-red-900 underline" download>{f.name.clone()}</a>
                                " "<span class="text-sm text-gray-700">"("{human_size(f.size)}")"</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {(!entry.replaces.is_empty()).then(|| view! {
                <section aria-labelledby="entry-replaces">
                    <h2 id="entry-replaces" class="font-bold">{tr(Msg::EntryReplaces)}</h2>
                    <ul class="list-disc pl-6">
                        {entry.replaces.iter().map(|r| view! { <li><a href=format!("/catalog/{}", r.id) class="text-red-900 underline">{r.title.clone()}</a></li> }).collect_view()}
                    </ul>
                </section>
            })}
            <p class="no-print"><a href=format!("/catalog/guide/{}", entry.unit_id) class="text-red-900 underline">{tr(Msg::UnitGuide)}</a></p>
        </article>
    }
}

#[component]
pub fn GuidePage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(move || params.read().get("unit").and_then(|i| i.parse::<i64>().ok()).unwrap_or(0), get_guide);
    view! {
        <div class="mx-auto max-w-4xl px-4 py-6">
            {loaded(data, |g| view! { <Guide g/> })}
        </div>
    }
}

#[component]
fn Guide(g: GuideView) -> impl IntoView {
    let heading = format!("{} · ", g.unit_name);
    view! {
        <Title text=g.unit_name.clone()/>
        <h1 class="mb-4 text-2xl font-bold">{heading}{tr(Msg::UnitGuide)}</h1>
        {if g.body.is_empty() {
            view! { <p>{tr(Msg::GuideMissing)}</p> }.into_any()
        } else {
            view! {
                <div class="entry-body space-y-3 leading-relaxed" inner_html=g.body.clone()></div>
                <p class="mt-4 text-sm text-gray-700">{tr(Msg::EntryUpdatedOn)}": "{g.updated_on.clone()}</p>
            }.into_any()
        }}
        <p class="mt-4"><a href=format!("/catalog?unit={}", g.unit_id) class="text-red-900 underline">{tr(Msg::UnitEntries)}</a></p>
    }
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
