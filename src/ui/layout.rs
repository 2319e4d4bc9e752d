//! The page frame: header with the language and care-mode switches, main navigation, footer.

use super::{tr, use_prefs, use_site};
use crate::domain::Locale;
use crate::i18n::Msg;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

const NAV: [(&str, Msg); 6] = [
    ("/", Msg::NavHome),
    ("/catalog", Msg::NavCatalog),
    ("/apply", Msg::NavApply),
    ("/lookup", Msg::NavLookup),
    ("/hotline", Msg::NavHotline),
    ("/surveys", Msg::NavSurveys),
];

/// The current path and query, URL-encoded, for `back=` links. The `/prefs` links they go into
/// carry `rel="external"` so the client-side router leaves them to the server.
fn back_param() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let location = use_location();
    move || {
        let path = location.pathname.get();
        let search = location.search.get();
        let search = search.trim_start_matches('?');
        let full = if search.is_empty() { path } else { format!("{path}?{search}") };
        urlencoding::encode(&full).into_owned()
    }
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        // rel="external": the browser's own fragment navigation moves focus to <main>; the
        // client-side router would only change the URL.
        <a href="#main" rel="external" class="skip-link">{tr(Msg::SkipToContent)}</a>
        <Header/>
        <main id="main" tabindex="-1" class="flex-1 focus:outline-none">{children()}</main>
        <Footer/>
    }
}

#[component]
fn Header() -> impl IntoView {
    let prefs = use_prefs();
    let site = use_site();
    let back = back_param();
    let site_name = move || site.site_name(prefs.get().locale);

    let care_href = move || format!("/prefs?care={}&back={}", if prefs.get().care { 0 } else { 1 }, back());
    let care_label = move || if prefs.get().care { Msg::CareModeExit } else { Msg::CareMode }.text(prefs.get().locale);
    let on_care = move |ev: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        {
            ev.prevent_default();
            let care = !prefs.get_untracked().care;
            prefs.update(|p| p.care = care);
            super::apply_care(care);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };

    view! {
        <header class="bg-red-800 text-white">
            <div class="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
                <a href="/" class="tap flex items-center gap-2 text-lg font-bold leading-tight sm:text-xl">
                    <span aria-hidden="true" class="inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-yellow-300 text-base text-red-900">
                        "公"
                    </span>
                    <span>{site_name}</span>
                </a>
                <div role="group" aria-label=tr(Msg::Preferences) class="flex flex-wrap items-center gap-1 text-sm">
                    <span class="sr-only">{tr(Msg::Language)}</span>
                    {Locale::ALL
                        .into_iter()
                        .map(|l| {
                            let current = move || prefs.get().locale == l;
                            view! {
                                <a
                                    href=move || format!("/prefs?lang={}&back={}", l.tag(), back())
                                    rel="external"
                                    hreflang=l.tag()
                                    lang=l.tag()
                                    title=l.endonym()
                                    aria-current=move || current().then_some("true")
                                    class="tap inline-flex min-w-9 items-center justify-center rounded px-2 py-1 underline-offset-2 hover:underline aria-[current=true]:bg-white aria-[current=true]:font-bold aria-[current=true]:text-red-900"
                                >
                                    <span aria-hidden="true">{l.short()}</span>
                                    <span class="sr-only">{l.endonym()}</span>
                                </a>
                            }
                        })
                        .collect_view()}
                    <a
                        href=care_href
                        rel="external"
                        on:click=on_care
                        data-testid="care-toggle"
                        aria-pressed=move || prefs.get().care.to_string()
                        role="button"
                        class="tap ml-1 inline-flex items-center rounded border border-white px-3 py-1 font-medium hover:bg-white hover:text-red-900"
                    >
                        {care_label}
                    </a>
                </div>
            </div>
            <nav aria-label=tr(Msg::MainNav) class="border-b border-gray-300 bg-white text-gray-900">
                <ul class="mx-auto flex max-w-6xl overflow-x-auto px-2">
                    {NAV
                        .into_iter()
                        .map(|(href, msg)| {
                            view! {
                                <li class="shrink-0">
                                    <A
                                        href=href
                                        exact=true
                                        attr:class="tap inline-flex items-center border-b-4 border-transparent px-3 py-3 font-medium hover:text-red-800 aria-[current=page]:border-red-800 aria-[current=page]:text-red-800"
                                    >
                                        {tr(msg)}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let prefs = use_prefs();
    let site = use_site();
    let office = move || {
        let l = prefs.get().locale;
        format!("{}{}{}", Msg::FooterSponsor.text(l), site.get(l), Msg::FooterOffice.text(l))
    };
    view! {
        <footer class="mt-10 border-t border-gray-300 bg-gray-100 text-sm text-gray-700">
            <div class="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 sm:flex-row sm:items-center sm:justify-between">
                <div class="space-y-1">
                    <p>{office}</p>
                    <p>{tr(Msg::FooterAccessibility)}</p>
                </div>
                <a href="/admin/login" class="tap inline-flex items-center text-gray-800 underline">{tr(Msg::StaffLogin)}</a>
            </div>
        </footer>
    }
}

/// The heading block at the top of a page.
#[component]
pub fn PageHeading(title: Msg, #[prop(optional)] lead: Option<Msg>) -> impl IntoView {
    view! {
        <div class="mb-6 space-y-2">
            <h1 class="text-2xl font-bold text-gray-900 sm:text-3xl">{tr(title)}</h1>
            {lead.map(|m| view! { <p class="text-gray-700">{tr(m)}</p> })}
        </div>
    }
}
