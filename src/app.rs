//! The HTML shell, the root component and the route table.

use crate::apply::pages::{ApplyHome, InfoRequestPage, MatterPage, MattersPage, ReceiptPage};
use crate::calendar::pages::CalendarPage;
use crate::catalog::admin::{GuidesAdminPage, ImportPage, ImportProgressPage, NewEntryPage, StaffCatalogPage, StaffEntryPage};
use crate::catalog::pages::{CatalogListPage, EntryPage, GuidePage};
use crate::cases::pages::{AdminLetterPage, CaseAdminPage, QueuePage};
use crate::hotline::pages::{HotlinePage, LetterQueuePage, LetterReceiptPage, LetterStatsPage, StaffLetterPage, WriteLetterPage};
use crate::lookup::board::BoardPage;
use crate::lookup::{LetterPage, LookupPage};
use crate::home::{HomePage, NotFound};
use crate::staff::pages::{AccountsPage, AdminLayout, Dashboard, LoginPage};
use crate::ui::layout::Layout;
use crate::ui::{PrefsCtx, SiteCtx, initial_prefs};
use crate::units::pages::AdminUnits;
use crate::surveys::pages::{AdminSurveyPage, AdminSurveysPage, SurveyAnswerPage, SurveyResultsPage, SurveyThanksPage, SurveysPage};
use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, LazyRoute, SsrMode, path};

/// The document around the app, rendered on the server only. Language and care mode are written
/// into `<html>` here so they work before (and without) any JavaScript.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let (Some(nonce), Some(resp)) = (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>()) {
        if let Ok(v) = axum::http::HeaderValue::from_str(&crate::server::security::page_csp(&nonce)) {
            resp.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, v);
        }
    }
    let (prefs, county) = initial_prefs();
    #[cfg(feature = "ssr")]
    let texts_url = crate::i18n::texts_url(prefs.locale);
    #[cfg(not(feature = "ssr"))]
    let texts_url = String::new();
    view! {
        <!DOCTYPE html>
        <html lang=prefs.locale.tag() class=if prefs.care { "care" } else { "" }>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="gongkai-county" content=county.encode()/>
                <meta name="gongkai-texts" content=texts_url/>
                <meta name="theme-color" content="#991b1b"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <Hydration options/>
                <MetaTags/>
            </head>
            <body class="flex min-h-screen flex-col">
                <App/>
            </body>
        </html>
    }
}

/// Leptos's hydration scripts, without the `<link rel="preload">` it would add for each WASM chunk
/// of the page. Preloaded, the chunks are fetched alongside the page's CSS and main module and
/// compete with what paints first: Lighthouse's mobile run of `/catalog` put the largest paint at
/// 4.3 s and interactivity at 4.5 s with them, 2.4 s and 3.0–3.2 s without. The split loader
/// fetches them anyway, as soon as the main module starts hydrating.
#[component]
fn Hydration(options: LeptosOptions) -> impl IntoView {
    let scripts = view! { <HydrationScripts options/> };
    // HydrationScripts has just provided the chunk manifest the server's preloads are made from.
    let _ = take_context::<leptos::WasmSplitManifest>();
    scripts
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    #[cfg(feature = "ssr")]
    provide_form_error_from_query();
    let (prefs, county) = initial_prefs();
    let prefs = RwSignal::new(prefs);
    provide_context(PrefsCtx(prefs));
    provide_context(SiteCtx(county.clone()));
    // Plain strings only: leptos_axum runs the formatter outside the request's reactive arena.
    // The empty text is the fallback beneath each page's own title: while a lazily loaded page's
    // code is on its way (at hydration or on navigation) the document keeps the site's name
    // instead of losing its title.
    let site = county.site_name(prefs.get_untracked().locale);
    let title = move |page: String| {
        let full = if page.is_empty() { site.clone() } else { format!("{page} - {site}") };
        // leptos_meta writes the server's `<title>` without escaping it, and titles hold text
        // people typed (an entry's title, a letter's subject): `</title><script>` must stay
        // text. In the browser the title is set as text, so it is not escaped there.
        #[cfg(feature = "ssr")]
        let full = crate::ui::escape_title(&full);
        full
    };

    view! {
        <Stylesheet id="leptos" href="/pkg/gongkai.css"/>
        <Title formatter=title text=""/>
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/catalog") view=CatalogListPage ssr=SsrMode::Async/>
                    <Route path=path!("/catalog/:id") view={Lazy::<EntryRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/catalog/guide/:unit") view={Lazy::<GuideRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/catalog/reports/:year") view={Lazy::<AnnualReportRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/apply") view={Lazy::<ApplyHomeRoute>::new()}/>
                    <Route path=path!("/apply/info") view={Lazy::<InfoRequestRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/apply/matters") view={Lazy::<MattersRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/apply/matters/:id") view={Lazy::<MatterRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/apply/receipt/:tracking") view={Lazy::<ReceiptRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/lookup") view={Lazy::<LookupRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/lookup/letter") view={Lazy::<LetterRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/lookup/board") view={Lazy::<BoardRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/ratings") view={Lazy::<RatingsPublicRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/r/:slug") view={Lazy::<WindowRateRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/hotline") view={Lazy::<HotlineRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/hotline/write") view={Lazy::<WriteLetterRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/hotline/receipt/:tracking") view={Lazy::<LetterReceiptRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/hotline/stats") view={Lazy::<LetterStatsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/surveys") view={Lazy::<SurveysRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/surveys/:id") view={Lazy::<SurveyAnswerRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/surveys/:id/thanks") view={Lazy::<SurveyThanksRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/surveys/:id/results") view={Lazy::<SurveyResultsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/login") view={Lazy::<LoginRoute>::new()}/>
                    // Pages that load data render in full before sending (SsrMode::Async): out-of-order
                    // streaming would leave them on "loading…" with JavaScript off.
                    <ParentRoute path=path!("/admin") view=AdminLayout ssr=SsrMode::Async>
                        <Route path=path!("") view={Lazy::<DashboardRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("units") view={Lazy::<AdminUnitsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("calendar") view={Lazy::<CalendarRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("assessment") view={Lazy::<AssessmentRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("assessment/scores") view={Lazy::<ScoresRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("reports") view={Lazy::<ReportsAdminRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("staff") view={Lazy::<AccountsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("catalog") view={Lazy::<StaffCatalogRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("catalog/new") view={Lazy::<NewEntryRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("catalog/import") view={Lazy::<ImportRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("catalog/import/:id") view={Lazy::<ImportProgressRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("catalog/:id") view={Lazy::<StaffEntryRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("guides") view={Lazy::<GuidesAdminRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("cases") view={Lazy::<QueueRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("cases/:id") view={Lazy::<CaseAdminRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("cases/:id/letter") view={Lazy::<AdminLetterRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("letters") view={Lazy::<LetterQueueRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("letters/:id") view={Lazy::<StaffLetterRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("ratings") view={Lazy::<StaffRatingsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("surveys") view={Lazy::<AdminSurveysRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("surveys/:id") view={Lazy::<AdminSurveyRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("ratings/dashboard") view={Lazy::<RatingDashboardRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("ratings/campaigns") view={Lazy::<CampaignsRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("ratings/campaigns/:id") view={Lazy::<CampaignRoute>::new()} ssr=SsrMode::Async/>
                        <Route path=path!("ratings/campaigns/:id/slips") view={Lazy::<SlipsRoute>::new()} ssr=SsrMode::Async/>
                    </ParentRoute>
                </Routes>
            </Layout>
        </Router>
    }
}

/// With JavaScript off, a form whose server function failed is redirected back to its page with
/// `__path` and `__err` in the query. The browser router reads them; on the server we do it here,
/// so the error is rendered next to the field on the returned page.
#[cfg(feature = "ssr")]
fn provide_form_error_from_query() {
    let Some(parts) = use_context::<axum::http::request::Parts>() else { return };
    let Some(query) = parts.uri.query() else { return };
    let mut path = None;
    let mut err = None;
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = urlencoding::decode(&v.replace('+', " ")).map(|c| c.into_owned()).unwrap_or_default();
        match k {
            "__path" => path = Some(v),
            "__err" => err = Some(v),
            _ => {}
        }
    }
    if let (Some(path), Some(err)) = (path, err) {
        provide_context(leptos::server::ServerActionError::new(&path, &err));
    }
}


/// Loads the code of the page group that `path` belongs to (nothing for the home page, the
/// catalog list and the not-found page, which are in the main module). `hydrate()` awaits it
/// before hydrating, so hydration itself runs in one go: the router never handles a click before
/// the page is live.
#[cfg(target_arch = "wasm32")]
pub async fn preload_page_code(path: &str) {
    let under = |prefix: &str| path == prefix || path.starts_with(&format!("{prefix}/"));
    if path == "/catalog" {
        // The catalog list is in the main module: its content is HTML made on the server.
    } else if under("/catalog") {
        __preload_catalog_pages().await;
    } else if under("/apply") {
        __preload_apply_pages().await;
    } else if under("/lookup") {
        __preload_lookup_pages().await;
    } else if under("/hotline") {
        __preload_hotline_pages().await;
    } else if under("/surveys") || under("/ratings") || under("/r") {
        __preload_participation_pages().await;
    } else if under("/admin") {
        __preload_staff_pages().await;
    }
}

/// The pages load lazily, a group of related pages at a time. Built with
/// `cargo leptos build --split`, each group's code is a WASM chunk of its own (plus chunks of code
/// some groups share), fetched when one of its pages is first shown (see `Hydration` for why
/// they are not preloaded). The first load so carries the shell and one group
/// instead of the whole portal. Groups rather than single pages: every split point multiplies the
/// shared chunks, and a page that needs hundreds of small files loads slower, not faster.
///
/// `lazy_pages!(loader, __preload_loader, Group { RouteType => Page, … })` declares `Group` (which
/// page), the lazy `loader` (`#[lazy]` also makes `__preload_loader`) and, per page, a unit route
/// type for `<Route view={Lazy::<RouteType>::new()}>`. The route's `preload` loads the chunk before
/// the page is hydrated or shown: a page whose code is still on its way cannot be hydrated.
macro_rules! lazy_pages {
    ($loader:ident, $preload:ident, $group:ident { $($route:ident => $page:path),* $(,)? }) => {
        #[derive(Clone, Copy)]
        enum $group {
            $($route),*
        }

        #[leptos::lazy]
        fn $loader(page: $group) -> AnyView {
            match page {
                $($group::$route => $page().into_any()),*
            }
        }

        $(
            struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_this: Self) -> AnyView {
                    $loader($group::$route).await
                }

                async fn preload() {
                    // Only the browser's build is split; on the server the loader is a plain call.
                    #[cfg(target_arch = "wasm32")]
                    $preload().await;
                }
            }
        )*
    };
}

lazy_pages!(catalog_pages, __preload_catalog_pages, CatalogPages {
    EntryRoute => EntryPage,
    GuideRoute => GuidePage,
    AnnualReportRoute => crate::assessment::pages::AnnualReportPage,
});

lazy_pages!(apply_pages, __preload_apply_pages, ApplyPages {
    ApplyHomeRoute => ApplyHome,
    InfoRequestRoute => InfoRequestPage,
    MattersRoute => MattersPage,
    MatterRoute => MatterPage,
    ReceiptRoute => ReceiptPage,
});

lazy_pages!(lookup_pages, __preload_lookup_pages, LookupPages {
    LookupRoute => LookupPage,
    LetterRoute => LetterPage,
    BoardRoute => BoardPage,
});

lazy_pages!(hotline_pages, __preload_hotline_pages, HotlinePages {
    HotlineRoute => HotlinePage,
    WriteLetterRoute => WriteLetterPage,
    LetterReceiptRoute => LetterReceiptPage,
    LetterStatsRoute => LetterStatsPage,
});

lazy_pages!(participation_pages, __preload_participation_pages, ParticipationPages {
    SurveysRoute => SurveysPage,
    SurveyAnswerRoute => SurveyAnswerPage,
    SurveyThanksRoute => SurveyThanksPage,
    SurveyResultsRoute => SurveyResultsPage,
    RatingsPublicRoute => crate::ratings::pages::RatingsPublicPage,
    WindowRateRoute => crate::ratings::window::pages::WindowRatePage,
});

lazy_pages!(staff_pages, __preload_staff_pages, StaffPages {
    LoginRoute => LoginPage,
    DashboardRoute => Dashboard,
    AdminUnitsRoute => AdminUnits,
    CalendarRoute => CalendarPage,
    AssessmentRoute => crate::assessment::pages::AssessmentPage,
    ScoresRoute => crate::assessment::pages::ScoresPage,
    ReportsAdminRoute => crate::assessment::pages::ReportsAdminPage,
    AccountsRoute => AccountsPage,
    StaffCatalogRoute => StaffCatalogPage,
    NewEntryRoute => NewEntryPage,
    ImportRoute => ImportPage,
    ImportProgressRoute => ImportProgressPage,
    StaffEntryRoute => StaffEntryPage,
    GuidesAdminRoute => GuidesAdminPage,
    QueueRoute => QueuePage,
    CaseAdminRoute => CaseAdminPage,
    AdminLetterRoute => AdminLetterPage,
    LetterQueueRoute => LetterQueuePage,
    StaffLetterRoute => StaffLetterPage,
    StaffRatingsRoute => crate::ratings::pages::StaffRatingsPage,
    AdminSurveysRoute => AdminSurveysPage,
    AdminSurveyRoute => AdminSurveyPage,
    RatingDashboardRoute => crate::ratings::pages::RatingDashboardPage,
    CampaignsRoute => crate::ratings::window::pages::CampaignsPage,
    CampaignRoute => crate::ratings::window::pages::CampaignPage,
    SlipsRoute => crate::ratings::window::pages::SlipsPage,
});
