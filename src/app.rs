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
use leptos_router::components::{Route, Router, Routes};
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
                    // Every other staff page: one route here, matched among the staff pages in
                    // their own code (`ADMIN_PAGES`). Pages that load data render in full before
                    // sending (SsrMode::Async): out-of-order streaming would leave them on
                    // "loading…" with JavaScript off.
                    <Route path=path!("/admin/*rest") view={Lazy::<AdminRoute>::new()} ssr=SsrMode::Async/>
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
    let Some(query) = with_context::<axum::http::request::Parts, _>(|p| p.uri.query().map(str::to_owned)).flatten() else { return };
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
    AdminRoute => AdminLayout,
});

/// The staff pages under `/admin`, in the order they are tried (a fixed segment before a
/// parameter in the same place). One route in the router's table stands for all of them
/// (`AdminRoute`): each route there is code in the main module that every reader downloads, and
/// these are only ever shown to staff, from the staff pages' own chunk (see `GroupPages`).
pub const ADMIN_PAGES: PageTable = &[
    ("", || Dashboard().into_any()),
    ("units", || AdminUnits().into_any()),
    ("calendar", || CalendarPage().into_any()),
    ("assessment", || crate::assessment::pages::AssessmentPage().into_any()),
    ("assessment/scores", || crate::assessment::pages::ScoresPage().into_any()),
    ("reports", || crate::assessment::pages::ReportsAdminPage().into_any()),
    ("staff", || AccountsPage().into_any()),
    ("catalog", || StaffCatalogPage().into_any()),
    ("catalog/new", || NewEntryPage().into_any()),
    ("catalog/import", || ImportPage().into_any()),
    ("catalog/import/:id", || ImportProgressPage().into_any()),
    ("catalog/:id", || StaffEntryPage().into_any()),
    ("guides", || GuidesAdminPage().into_any()),
    ("cases", || QueuePage().into_any()),
    ("cases/:id", || CaseAdminPage().into_any()),
    ("cases/:id/letter", || AdminLetterPage().into_any()),
    ("letters", || LetterQueuePage().into_any()),
    ("letters/:id", || StaffLetterPage().into_any()),
    ("ratings", || crate::ratings::pages::StaffRatingsPage().into_any()),
    ("surveys", || AdminSurveysPage().into_any()),
    ("surveys/:id", || AdminSurveyPage().into_any()),
    ("ratings/dashboard", || crate::ratings::pages::RatingDashboardPage().into_any()),
    ("ratings/campaigns", || crate::ratings::window::pages::CampaignsPage().into_any()),
    ("ratings/campaigns/:id", || crate::ratings::window::pages::CampaignPage().into_any()),
    ("ratings/campaigns/:id/slips", || crate::ratings::window::pages::SlipsPage().into_any()),
];

/// The patterns of `ADMIN_PAGES`, for tests that visit every staff page.
pub fn admin_page_patterns() -> Vec<&'static str> {
    ADMIN_PAGES.iter().map(|(pattern, _)| *pattern).collect()
}

/// A group's pages under a common path: `(pattern, page)`, where the pattern is the rest of the
/// path after the group's base, its segments fixed text or `:name` parameters.
pub type PageTable = &'static [(&'static str, fn() -> AnyView)];

/// Shows the page of `pages` that the current path (under `base`) matches, or the not-found page,
/// with the pattern's parameters where `use_params_map` finds them. Leaving a group's pages in
/// its own code keeps them out of the router's table in the main module.
#[component]
pub fn GroupPages(base: &'static str, pages: PageTable) -> impl IntoView {
    use leptos_router::params::ParamsMap;
    let location = leptos_router::hooks::use_location();
    let matched = Memo::new(move |_| location.pathname.with(|path| match_page(base, pages, path)));
    let page = Memo::new(move |_| matched.with(|m| m.as_ref().map(|(i, _)| *i)));
    provide_context(ArcMemo::new(move |_| matched.with(|m| m.as_ref().map(|(_, p)| p.clone()).unwrap_or_else(ParamsMap::new))));
    let show = move |i: Option<usize>| match i {
        Some(i) => (pages[i].1)(),
        None => NotFound().into_any(),
    };
    // The path does not change while the server renders a page, and there a closure would run
    // once per walk of the Suspense around it and make the page, and its resources, each time
    // (see `crate::ui::suspend`).
    #[cfg(feature = "ssr")]
    {
        show(page.get_untracked())
    }
    #[cfg(not(feature = "ssr"))]
    {
        (move || show(page.get())).into_any()
    }
}

/// The first page of `pages` whose pattern `path` matches under `base`, with its parameters
/// (decoded). A trailing slash is ignored.
fn match_page(base: &str, pages: PageTable, path: &str) -> Option<(usize, leptos_router::params::ParamsMap)> {
    let rest = path.strip_prefix(base)?;
    if !(rest.is_empty() || rest.starts_with('/')) {
        return None;
    }
    let rest: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    'pages: for (i, (pattern, _)) in pages.iter().enumerate() {
        let want: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
        if want.len() != rest.len() {
            continue;
        }
        let mut params = leptos_router::params::ParamsMap::new();
        for (w, got) in want.iter().zip(&rest) {
            match w.strip_prefix(':') {
                Some(name) => params.insert(name.to_owned(), urlencoding::decode(got).map(|v| v.into_owned()).unwrap_or_else(|_| (*got).to_owned())),
                None if w == got => {}
                None => continue 'pages,
            }
        }
        return Some((i, params));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str) -> Option<(&'static str, Vec<(String, String)>)> {
        match_page("/admin", ADMIN_PAGES, path).map(|(i, p)| (ADMIN_PAGES[i].0, p.into_iter().map(|(k, v)| (k.into_owned(), v)).collect()))
    }

    #[test]
    fn staff_paths_find_their_page_and_parameters() {
        assert_eq!(page("/admin"), Some(("", vec![])));
        assert_eq!(page("/admin/"), Some(("", vec![])));
        assert_eq!(page("/admin/catalog"), Some(("catalog", vec![])));
        // A fixed segment wins over a parameter in the same place.
        assert_eq!(page("/admin/catalog/new"), Some(("catalog/new", vec![])));
        assert_eq!(page("/admin/catalog/import/7"), Some(("catalog/import/:id", vec![("id".into(), "7".into())])));
        assert_eq!(page("/admin/catalog/42/"), Some(("catalog/:id", vec![("id".into(), "42".into())])));
        assert_eq!(page("/admin/cases/3/letter"), Some(("cases/:id/letter", vec![("id".into(), "3".into())])));
        assert_eq!(page("/admin/ratings/campaigns/a%20b/slips"), Some(("ratings/campaigns/:id/slips", vec![("id".into(), "a b".into())])));
        // Nothing else: unknown pages, extra segments, other prefixes.
        assert_eq!(page("/admin/nope"), None);
        assert_eq!(page("/admin/cases/3/letter/x"), None);
        assert_eq!(page("/administrator"), None);
        assert_eq!(page("/catalog"), None);
    }

    /// A staff page in the layout's shape, a group page inside a `Suspense` whose data are there,
    /// is made once on the server. Made twice, its resources took two ids in the hydration data,
    /// and the browser hydrated the HTML of the second copy with the data of the first.
    #[cfg(feature = "ssr")]
    #[tokio::test]
    async fn the_server_makes_a_page_under_a_ready_suspense_once() {
        use futures::StreamExt;
        use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
        static SHELLS: AtomicUsize = AtomicUsize::new(0);
        static PAGES: AtomicUsize = AtomicUsize::new(0);
        const GROUP: PageTable = &[("x", || {
            PAGES.fetch_add(1, SeqCst);
            view! { <p>"page x"</p> }.into_any()
        })];
        #[component]
        fn Shell() -> impl IntoView {
            SHELLS.fetch_add(1, SeqCst);
            view! { <GroupPages base="/g" pages=GROUP/> }
        }

        let _ = any_spawner::Executor::init_tokio();
        let owner = Owner::new_root(None);
        let stream = owner.with(|| {
            provide_context(leptos_router::location::RequestUrl::new("/g/x"));
            view! {
                <leptos_router::components::Router>
                    <Suspense>{crate::ui::suspend(|| async { view! { <Shell/> } })}</Suspense>
                </leptos_router::components::Router>
            }
            .to_html_stream_out_of_order()
        });
        // Without Leptos's `<!>` placeholders, whose number depends on `--cfg erase_components`.
        let html = stream.collect::<Vec<String>>().await.concat().replace("<!>", "");
        assert!(html.contains("<p>page x</p>"), "{html}");
        assert_eq!((SHELLS.load(SeqCst), PAGES.load(SeqCst)), (1, 1));
    }
}
