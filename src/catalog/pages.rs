//! Citizen pages of the catalog: the list with its browse tree, filters and search; one entry;
//! a unit's guide. Filters and search are GET forms and links, so every view has a URL, renders
//! on the server and works without JavaScript; with it, the router swaps the list in place.
//! The list itself is rendered on the server only (`super::list`).

use super::api::{get_entry, get_guide};
use super::{EntryView, GuideView, human_size};
use crate::apply::pages::loaded;
use crate::i18n::Msg;
use crate::ui::layout::PageHeading;
use crate::ui::tr;
use leptos::prelude::*;
use leptos_meta::{Link, Title};
use leptos_router::hooks::{use_navigate, use_params_map};

/// The catalog list. Its content (form, browse lists, results) is HTML made on the server
/// (`super::list`): in the page as it is sent, and fetched again from `/catalog/list.html` when
/// the router shows the list or changes its query. The browser's code for it is this shell, so
/// the list needs no page group of its own. While another filter's list is on its way a loading
/// note stands in its place: nothing can be typed into a form that is about to be replaced.
#[component]
pub fn CatalogListPage() -> impl IntoView {
    // On the server, the list `list::prerender` made for this request.
    #[cfg(feature = "ssr")]
    let first = match with_context::<axum::http::request::Parts, _>(|p| p.extensions.get::<super::list::Prerendered>().cloned()).flatten() {
        Some(pre) => {
            if pre.status != axum::http::StatusCode::OK {
                if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
                    resp.set_status(pre.status);
                }
            }
            pre.html.to_string()
        }
        None => String::new(),
    };
    // In the browser it starts empty: hydration keeps the server's HTML and does not set it.
    #[cfg(not(feature = "ssr"))]
    let first = String::new();
    let html = RwSignal::new(first);
    let busy = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    follow_query(html, busy);
    let navigate = use_navigate();
    // The search form is HTML, not a router `<Form>`: submitting it navigates in place here, as
    // `<Form>` would (without JavaScript the browser submits it).
    let submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else { return };
            let Ok(data) = web_sys::FormData::new_with_form(&form) else { return };
            let Ok(params) = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data) else { return };
            ev.prevent_default();
            navigate(&format!("/catalog?{}", String::from(params.to_string())), Default::default());
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, &navigate);
    };
    view! {
        <Title text=crate::ui::title_text(Msg::CatalogTitle)/>
        <Link rel="alternate" type_="application/atom+xml" href="/catalog/feed.atom"/>
        <div class="mx-auto max-w-6xl px-4 py-6">
            <PageHeading title=Msg::CatalogTitle lead=Msg::CatalogDesc/>
            {move || busy.get().then(|| view! { <p role="status">{tr(Msg::Loading)}</p> })}
            <div aria-busy=move || busy.get().then_some("true") on:submit=submit inner_html=move || html.get()></div>
        </div>
    }
}

/// Keeps the list in step with the page's query: fetches the list's HTML when the router shows
/// the page (not when it hydrates: the HTML is there) and whenever the query changes. Only the
/// latest request's answer is shown; if one fails, the browser loads the page itself.
#[cfg(feature = "hydrate")]
fn follow_query(html: RwSignal<String>, busy: RwSignal<bool>) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let hydrating = Owner::current_shared_context().is_some_and(|c| c.during_hydration());
    let query = leptos_router::hooks::use_query_map();
    let latest = Rc::new(Cell::new(0u32));
    Effect::new(move |prev: Option<String>| {
        let qs = query.with(|q| q.to_query_string());
        if prev.as_ref() == Some(&qs) || (prev.is_none() && hydrating) {
            return qs;
        }
        let n = latest.get().wrapping_add(1);
        latest.set(n);
        html.set(String::new());
        busy.set(true);
        let latest = latest.clone();
        let q = qs.clone();
        leptos::task::spawn_local(async move {
            let Some(window) = web_sys::window() else { return };
            let text = async {
                let res = JsFuture::from(window.fetch_with_str(&format!("/catalog/list.html{q}"))).await.ok()?;
                let res = res.dyn_into::<web_sys::Response>().ok().filter(|r| r.ok())?;
                JsFuture::from(res.text().ok()?).await.ok()?.as_string()
            }
            .await;
            if latest.get() != n {
                return;
            }
            match text {
                Some(text) => {
                    html.set(text);
                    busy.set(false);
                }
                None => {
                    let _ = window.location().set_href(&format!("/catalog{q}"));
                }
            }
        });
        qs
    });
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

