//! The home page, the service entry pages and the 404 page.

use crate::i18n::Msg;
use crate::ui::layout::PageHeading;
use crate::ui::{tr, use_prefs, use_site};
use leptos::prelude::*;
use leptos_meta::Title;

const SERVICES: [(&str, Msg, Msg, &str); 6] = [
    ("/catalog", Msg::CatalogTitle, Msg::CatalogDesc, "目"),
    ("/apply", Msg::ApplyTitle, Msg::ApplyDesc, "申"),
    ("/lookup", Msg::LookupTitle, Msg::LookupDesc, "查"),
    ("/hotline", Msg::HotlineTitle, Msg::HotlineDesc, "信"),
    ("/surveys", Msg::SurveysTitle, Msg::SurveysDesc, "调"),
    ("/ratings", Msg::RatingsTitle, Msg::RatingsLead, "评"),
];

#[component]
pub fn HomePage() -> impl IntoView {
    let prefs = use_prefs();
    let site = use_site();
    let name = move || site.site_name(prefs.get().locale);
    view! {
        <Title text=""/>
        <section class="bg-gradient-to-b from-red-50 to-gray-50">
            <div class="mx-auto max-w-6xl px-4 py-8 sm:py-12">
                <h1 class="text-2xl font-bold text-red-900 sm:text-4xl">{name}</h1>
                <p class="mt-3 max-w-3xl text-lg text-gray-800">{tr(Msg::HomeIntro)}</p>
            </div>
        </section>
        <section aria-labelledby="services-heading" class="mx-auto max-w-6xl px-4 py-6">
            <h2 id="services-heading" class="mb-4 text-xl font-bold">{tr(Msg::HomeServices)}</h2>
            <ul class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {SERVICES
                    .into_iter()
                    .map(|(href, title, desc, glyph)| {
                        view! {
                            <li>
                                <a
                                    href=href
                                    class="tap flex h-full gap-4 rounded-lg border border-gray-300 bg-white p-4 shadow-sm hover:border-red-800 hover:shadow"
                                >
                                    <span aria-hidden="true" class="inline-flex h-12 w-12 shrink-0 items-center justify-center rounded-lg bg-red-800 text-xl font-bold text-white">
                                        {glyph}
                                    </span>
                                    <span class="space-y-1">
                                        <span class="block text-lg font-bold text-gray-900">{tr(title)}</span>
                                        <span class="block text-gray-700">{tr(desc)}</span>
                                    </span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
        resp.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=crate::ui::title_text(Msg::NotFoundTitle)/>
        <div class="mx-auto max-w-6xl px-4 py-8">
            <PageHeading title=Msg::NotFoundTitle lead=Msg::NotFoundBody/>
            <a href="/" class="tap inline-flex items-center font-medium text-red-800 underline">{tr(Msg::BackHome)}</a>
        </div>
    }
}
