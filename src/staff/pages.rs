//! Staff sign-in and the back-office shell.

use super::StaffView;
use super::api::{Login, Logout, me};
use crate::domain::Role;
use crate::i18n::Msg;
use crate::ui::form::{FormAlert, TextField};
use crate::ui::layout::PageHeading;
use crate::ui::{tr, use_prefs};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

pub fn role_msg(role: Role) -> Msg {
    match role {
        Role::Officer => Msg::RoleOfficer,
        Role::Reviewer => Msg::RoleReviewer,
        Role::Admin => Msg::RoleAdmin,
        Role::Evaluator => Msg::RoleEvaluator,
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let login = ServerAction::<Login>::new();
    let error = move || login.value().get().and_then(|r| r.err());
    let field_error = move |field: &'static str| Signal::derive(move || error().and_then(|e| e.for_field(field)));
    view! {
        <Title text=crate::ui::title_text(Msg::StaffLogin)/>
        <div class="mx-auto max-w-md px-4 py-8">
            <PageHeading title=Msg::StaffLogin/>
            <ActionForm action=login attr:class="space-y-4 rounded-lg border border-gray-300 bg-white p-5" attr:novalidate="true">
                <FormAlert msg=Signal::derive(move || error().and_then(|e| e.form_level()))/>
                <TextField name="username" label=Msg::Username autocomplete="username" required=true error=field_error("username")/>
                <TextField
                    name="password"
                    label=Msg::Password
                    kind="password"
                    autocomplete="current-password"
                    required=true
                    error=field_error("password")
                />
                <button
                    type="submit"
                    class="tap w-full rounded bg-red-800 px-4 py-3 text-lg font-bold text-white hover:bg-red-900 disabled:opacity-60"
                    disabled=move || login.pending().get()
                >
                    {tr(Msg::SignIn)}
                </button>
            </ActionForm>
        </div>
    }
}

/// The back office: signed-in staff see the navigation and the page; others are asked to sign in.
#[component]
pub fn AdminLayout() -> impl IntoView {
    let me = OnceResource::new(me());
    let prefs = use_prefs();
    view! {
        <Title text=crate::ui::title_text(Msg::AdminTitle)/>
        <div class="mx-auto max-w-6xl px-4 py-6">
            <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
                {crate::ui::suspend(move || async move {
                    match me.await {
                        Ok(Some(staff)) => view! { <AdminShell staff/> }.into_any(),
                        Ok(None) => view! { <SignInFirst/> }.into_any(),
                        Err(e) => view! { <p role="alert" class="text-red-800">{e.text(prefs.get_untracked().locale)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn SignInFirst() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
        resp.set_status(axum::http::StatusCode::UNAUTHORIZED);
    }
    view! {
        <div class="mx-auto max-w-md space-y-4 rounded-lg border border-gray-300 bg-white p-5">
            <h1 class="text-xl font-bold">{tr(Msg::NeedLogin)}</h1>
            <a href="/admin/login" class="tap inline-flex items-center rounded bg-red-800 px-4 py-2 font-bold text-white">{tr(Msg::SignIn)}</a>
        </div>
    }
}

#[component]
fn AdminShell(staff: StaffView) -> impl IntoView {
    let logout = ServerAction::<Logout>::new();
    let is_admin = staff.has_role(Role::Admin);
    let can_work_cases = is_admin || staff.has_role(Role::Officer) || staff.has_role(Role::Reviewer);
    let staff_evaluator = staff.has_role(Role::Evaluator);
    let name = staff.display_name.clone();
    provide_context(staff);
    let link = "tap block rounded px-3 py-2 font-medium hover:bg-red-50 aria-[current=page]:bg-red-800 aria-[current=page]:text-white";
    view! {
        <div class="flex flex-col gap-6 md:flex-row">
            <aside class="md:w-56 md:shrink-0">
                <p class="mb-3 text-sm text-gray-700">{tr(Msg::SignedInAs)}": " <strong>{name}</strong></p>
                <nav aria-label=tr(Msg::AdminNav) data-testid="admin-nav">
                    <ul class="space-y-1">
                        <li><A href="/admin" exact=true attr:class=link>{tr(Msg::Dashboard)}</A></li>
                        {can_work_cases.then(|| view! { <li><A href="/admin/catalog" attr:class=link>{tr(Msg::CatalogAdmin)}</A></li> })}
                        {can_work_cases.then(|| view! { <li><A href="/admin/cases" attr:class=link>{tr(Msg::CaseQueue)}</A></li> })}
                        {can_work_cases.then(|| view! { <li><A href="/admin/letters" attr:class=link>{tr(Msg::LetterQueue)}</A></li> })}
                        {(can_work_cases || staff_evaluator).then(|| view! { <li><A href="/admin/ratings" attr:class=link>{tr(Msg::StaffRatingsTitle)}</A></li> })}
                        {(is_admin || staff_evaluator).then(|| view! { <li><A href="/admin/surveys" attr:class=link>{tr(Msg::SurveysAdmin)}</A></li> })}
                        {(is_admin || staff_evaluator).then(|| view! { <li><A href="/admin/ratings/campaigns" attr:class=link>{tr(Msg::CampaignsTitle)}</A></li> })}
                        {is_admin.then(|| view! {
                            <li><A href="/admin/units" attr:class=link>{tr(Msg::UnitsAdmin)}</A></li>
                            <li><A href="/admin/staff" attr:class=link>{tr(Msg::AccountsAdmin)}</A></li>
                        })}
                        <li><A href="/admin/assessment" attr:class=link>{tr(Msg::AssessmentNav)}</A></li>
                        <li><A href="/admin/calendar" attr:class=link>{tr(Msg::CalendarAdmin)}</A></li>
                    </ul>
                </nav>
                <ActionForm action=logout attr:class="mt-4">
                    <button type="submit" class="tap w-full rounded border border-gray-500 bg-white px-3 py-2 font-medium hover:bg-gray-100">
                        {tr(Msg::SignOut)}
                    </button>
                </ActionForm>
            </aside>
            <div class="min-w-0 flex-1">
                <crate::app::GroupPages base="/admin" pages=crate::app::ADMIN_PAGES/>
            </div>
        </div>
    }
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let staff = use_context::<StaffView>();
    let prefs = use_prefs();
    let alarms = Resource::new(|| (), |_| crate::hotline::api::get_letter_alarms());
    view! {
        <PageHeading title=Msg::Dashboard/>
        <Suspense fallback=|| ()>
            {crate::ui::suspend(move || async move {
                view! { <crate::hotline::pages::LetterAlarm rows=alarms.await.unwrap_or_default()/> }
            })}
        </Suspense>
        <section aria-labelledby="roles-heading" class="rounded-lg border border-gray-300 bg-white p-4">
            <h2 id="roles-heading" class="mb-2 text-lg font-bold">{tr(Msg::YourRoles)}</h2>
            {move || {
                let grants = staff.as_ref().map(|s| s.grants.clone()).unwrap_or_default();
                let l = prefs.get().locale;
                if grants.is_empty() {
                    view! { <p>{Msg::NoRoles.text(l)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="list-disc space-y-1 pl-6" data-testid="roles">
                            {grants
                                .into_iter()
                                .map(|g| {
                                    let unit = g.unit_name.unwrap_or_else(|| Msg::SiteWide.text(l).to_owned());
                                    view! { <li>{role_msg(g.role).text(l)}" · "{unit}</li> }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// Administrators: every account with its roles, revoking roles, creating accounts.
#[component]
pub fn AccountsPage() -> impl IntoView {
    use super::accounts::{CreateAccount, RevokeRole, list_accounts};
    let create = ServerAction::<CreateAccount>::new();
    let revoke = ServerAction::<RevokeRole>::new();
    let accounts = Resource::new(move || (create.version().get(), revoke.version().get()), |_| list_accounts());
    let units = OnceResource::new(crate::units::api::admin_units());
    let prefs = use_prefs();
    let error = move || create.value().get().and_then(|r| r.err());
    let field_error = move |f: &'static str| Signal::derive(move || error().and_then(|e| e.for_field(f)));
    let saved = move || matches!(create.value().get(), Some(Ok(())));
    let revoke_error = move || revoke.value().get().and_then(|r| r.err()).map(|e| e.message());
    view! {
        <PageHeading title=Msg::AccountsAdmin/>
        <FormAlert msg=Signal::derive(revoke_error)/>
        <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
            {crate::ui::suspend(move || async move {
                match accounts.await {
                    Ok(list) => view! { <AccountTable list revoke/> }.into_any(),
                    Err(e) => view! { <p role="alert" class="text-red-800">{e.text(prefs.get_untracked().locale)}</p> }.into_any(),
                }
            })}
        </Suspense>
        <section aria-labelledby="new-account-heading" class="mt-6 max-w-xl rounded-lg border border-gray-300 bg-white p-4">
            <h2 id="new-account-heading" class="mb-3 text-lg font-bold">{tr(Msg::CreateAccount)}</h2>
            <ActionForm action=create attr:class="space-y-3" attr:novalidate="true">
                <FormAlert msg=Signal::derive(move || error().and_then(|e| e.form_level()))/>
                <TextField name="username" label=Msg::Username autocomplete="off" required=true error=field_error("username")/>
                <TextField name="display_name" label=Msg::DisplayName required=true error=field_error("display_name")/>
                <TextField name="password" label=Msg::InitialPassword kind="password" autocomplete="new-password" required=true error=field_error("password")/>
                <div class="space-y-1">
                    <label for="f-role" class="block font-medium">{tr(Msg::Role)}</label>
                    <select id="f-role" name="role" class="tap block w-full rounded border border-gray-500 bg-white px-3 py-2">
                        {Role::ALL.into_iter().map(|r| view! { <option value=r.as_str()>{tr(role_msg(r))}</option> }).collect_view()}
                    </select>
                </div>
                <div class="space-y-1">
                    <label for="f-unit_id" class="block font-medium">{tr(Msg::Unit)}</label>
                    <select id="f-unit_id" name="unit_id" aria-describedby="f-unit_id-hint f-unit_id-error" class="tap block w-full rounded border border-gray-500 bg-white px-3 py-2">
                        <option value="">"—"</option>
                        <Suspense fallback=|| ()>
                            {crate::ui::suspend(move || async move {
                                units.await.unwrap_or_default().into_iter()
                                    .map(|u| view! { <option value=u.id.to_string()>{u.name}</option> })
                                    .collect_view()
                            })}
                        </Suspense>
                    </select>
                    <p id="f-unit_id-hint" class="text-sm text-gray-700">{tr(Msg::UnitForUnitRoles)}</p>
                    <p id="f-unit_id-error" class="text-sm font-medium text-red-800" aria-live="polite">
                        {move || field_error("unit_id").get().map(|m| m.text(prefs.get().locale))}
                    </p>
                </div>
                <div class="flex items-center gap-3">
                    <button type="submit" class="tap rounded bg-red-800 px-4 py-2 font-bold text-white hover:bg-red-900" disabled=move || create.pending().get()>
                        {tr(Msg::CreateAccount)}
                    </button>
                    <p role="status" class="font-medium text-green-800">{move || saved().then(|| Msg::Saved.text(prefs.get().locale))}</p>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn AccountTable(list: Vec<super::AccountView>, revoke: ServerAction<super::accounts::RevokeRole>) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <div class="overflow-x-auto rounded border border-gray-300 bg-white" tabindex="0" role="region" aria-labelledby="accounts-caption">
            <table class="w-full text-left">
                <caption id="accounts-caption" class="sr-only">{tr(Msg::AccountsAdmin)}</caption>
                <thead class="bg-gray-100">
                    <tr>
                        <th scope="col" class="px-3 py-2">{tr(Msg::Username)}</th>
                        <th scope="col" class="px-3 py-2">{tr(Msg::DisplayName)}</th>
                        <th scope="col" class="px-3 py-2">{tr(Msg::YourRoles)}</th>
                    </tr>
                </thead>
                <tbody data-testid="accounts">
                    {list
                        .into_iter()
                        .map(|a| {
                            let id = a.id;
                            let username = a.username.clone();
                            view! {
                                <tr class="border-t border-gray-200 align-top">
                                    <td class="px-3 py-2 font-mono">{a.username}{a.disabled.then(|| view! { " (" {tr(Msg::AccountDisabled)} ")" })}</td>
                                    <td class="px-3 py-2">{a.display_name}</td>
                                    <td class="px-3 py-2">
                                        <ul class="space-y-1">
                                            {a.grants
                                                .into_iter()
                                                .map(|g| {
                                                    let label = move || {
                                                        let l = prefs.get().locale;
                                                        let unit = g.unit_name.clone().unwrap_or_else(|| Msg::SiteWide.text(l).to_owned());
                                                        format!("{} · {unit}", role_msg(g.role).text(l))
                                                    };
                                                    let who = username.clone();
                                                    let sr_label = label.clone();
                                                    view! {
                                                        <li class="flex flex-wrap items-center gap-2">
                                                            <span>{label}</span>
                                                            <ActionForm action=revoke>
                                                                <input type="hidden" name="staff_id" value=id.to_string()/>
                                                                <input type="hidden" name="role" value=g.role.as_str()/>
                                                                <input type="hidden" name="unit_id" value=g.unit_id.map(|u| u.to_string()).unwrap_or_default()/>
                                                                <button type="submit" class="tap rounded border border-gray-500 px-2 py-0.5 text-sm hover:bg-gray-100">
                                                                    {tr(Msg::Revoke)}<span class="sr-only">" "{who}" "{sr_label}</span>
                                                                </button>
                                                            </ActionForm>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
