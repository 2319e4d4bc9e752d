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
use leptos_router::{SsrMode, path};

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
    view! {
        <!DOCTYPE html>
        <html lang=prefs.locale.tag() class=if prefs.care { "care" } else { "" }>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="gongkai-county" content=county.encode()/>
                <meta name="theme-color" content="#991b1b"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body class="flex min-h-screen flex-col">
                <App/>
            </body>
        </html>
    }
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
    let site = county.site_name(prefs.get_untracked().locale);
    let title = move |page: String| if page.is_empty() { site.clone() } else { format!("{page} - {site}") };

    view! {
        <Stylesheet id="leptos" href="/pkg/gongkai.css"/>
        <Title formatter=title/>
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/catalog") view=CatalogListPage ssr=SsrMode::Async/>
                    <Route path=path!("/catalog/:id") view=EntryPage ssr=SsrMode::Async/>
                    <Route path=path!("/catalog/guide/:unit") view=GuidePage ssr=SsrMode::Async/>
                    <Route path=path!("/catalog/reports/:year") view=crate::assessment::pages::AnnualReportPage ssr=SsrMode::Async/>
                    <Route path=path!("/apply") view=ApplyHome/>
                    <Route path=path!("/apply/info") view=InfoRequestPage ssr=SsrMode::Async/>
                    <Route path=path!("/apply/matters") view=MattersPage ssr=SsrMode::Async/>
                    <Route path=path!("/apply/matters/:id") view=MatterPage ssr=SsrMode::Async/>
                    <Route path=path!("/apply/receipt/:tracking") view=ReceiptPage ssr=SsrMode::Async/>
                    <Route path=path!("/lookup") view=LookupPage ssr=SsrMode::Async/>
                    <Route path=path!("/lookup/letter") view=LetterPage ssr=SsrMode::Async/>
                    <Route path=path!("/lookup/board") view=BoardPage ssr=SsrMode::Async/>
                    <Route path=path!("/ratings") view=crate::ratings::pages::RatingsPublicPage ssr=SsrMode::Async/>
                    <Route path=path!("/r/:slug") view=crate::ratings::window::pages::WindowRatePage ssr=SsrMode::Async/>
                    <Route path=path!("/hotline") view=HotlinePage ssr=SsrMode::Async/>
                    <Route path=path!("/hotline/write") view=WriteLetterPage ssr=SsrMode::Async/>
                    <Route path=path!("/hotline/receipt/:tracking") view=LetterReceiptPage ssr=SsrMode::Async/>
                    <Route path=path!("/hotline/stats") view=LetterStatsPage ssr=SsrMode::Async/>
                    <Route path=path!("/surveys") view=SurveysPage ssr=SsrMode::Async/>
                    <Route path=path!("/surveys/:id") view=SurveyAnswerPage ssr=SsrMode::Async/>
                    <Route path=path!("/surveys/:id/thanks") view=SurveyThanksPage ssr=SsrMode::Async/>
                    <Route path=path!("/surveys/:id/results") view=SurveyResultsPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/login") view=LoginPage/>
                    // Pages that load data render in full before sending (SsrMode::Async): out-of-order
                    // streaming would leave them on "loading…" with JavaScript off.
                    <ParentRoute path=path!("/admin") view=AdminLayout ssr=SsrMode::Async>
                        <Route path=path!("") view=Dashboard ssr=SsrMode::Async/>
                        <Route path=path!("units") view=AdminUnits ssr=SsrMode::Async/>
                        <Route path=path!("calendar") view=CalendarPage ssr=SsrMode::Async/>
                        <Route path=path!("assessment") view=crate::assessment::pages::AssessmentPage ssr=SsrMode::Async/>
                        <Route path=path!("assessment/scores") view=crate::assessment::pages::ScoresPage ssr=SsrMode::Async/>
                        <Route path=path!("reports") view=crate::assessment::pages::ReportsAdminPage ssr=SsrMode::Async/>
                        <Route path=path!("staff") view=AccountsPage ssr=SsrMode::Async/>
                        <Route path=path!("catalog") view=StaffCatalogPage ssr=SsrMode::Async/>
                        <Route path=path!("catalog/new") view=NewEntryPage ssr=SsrMode::Async/>
                        <Route path=path!("catalog/import") view=ImportPage ssr=SsrMode::Async/>
                        <Route path=path!("catalog/import/:id") view=ImportProgressPage ssr=SsrMode::Async/>
                        <Route path=path!("catalog/:id") view=StaffEntryPage ssr=SsrMode::Async/>
                        <Route path=path!("guides") view=GuidesAdminPage ssr=SsrMode::Async/>
                        <Route path=path!("cases") view=QueuePage ssr=SsrMode::Async/>
                        <Route path=path!("cases/:id") view=CaseAdminPage ssr=SsrMode::Async/>
                        <Route path=path!("cases/:id/letter") view=AdminLetterPage ssr=SsrMode::Async/>
                        <Route path=path!("letters") view=LetterQueuePage ssr=SsrMode::Async/>
                        <Route path=path!("letters/:id") view=StaffLetterPage ssr=SsrMode::Async/>
                        <Route path=path!("ratings") view=crate::ratings::pages::StaffRatingsPage ssr=SsrMode::Async/>
                        <Route path=path!("surveys") view=AdminSurveysPage ssr=SsrMode::Async/>
                        <Route path=path!("surveys/:id") view=AdminSurveyPage ssr=SsrMode::Async/>
                        <Route path=path!("ratings/dashboard") view=crate::ratings::pages::RatingDashboardPage ssr=SsrMode::Async/>
                        <Route path=path!("ratings/campaigns") view=crate::ratings::window::pages::CampaignsPage ssr=SsrMode::Async/>
                        <Route path=path!("ratings/campaigns/:id") view=crate::ratings::window::pages::CampaignPage ssr=SsrMode::Async/>
                        <Route path=path!("ratings/campaigns/:id/slips") view=crate::ratings::window::pages::SlipsPage ssr=SsrMode::Async/>
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
