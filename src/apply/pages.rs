//! Citizen pages for filing: the choice, the information-request form, the catalogue of matters
//! with their forms, and the printable receipt.

use super::api::{SubmitApplication, get_apply_form, get_matters, get_receipt, matter_form};
use super::{ApplyForm, MatterList, MatterView, ReceiptView};
use crate::domain::UnitKind;
use crate::domain::application::{ApplicantType, Delivery, IdType, check_field};
use crate::error::AppError;
use crate::i18n::Msg;
use crate::ui::form::{Field, FormAlert, RadioField, SelectField};
use crate::ui::layout::PageHeading;
use crate::ui::{tr, use_prefs};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

const CARD: &str = "rounded-lg border border-gray-300 bg-white p-4 sm:p-5";
const BUTTON: &str = "tap inline-flex items-center justify-center rounded bg-red-800 px-5 py-3 text-lg font-bold text-white hover:bg-red-900 disabled:opacity-60";
const LINK_BUTTON: &str = "tap inline-flex items-center rounded border border-gray-500 bg-white px-4 py-2 font-medium hover:bg-gray-100";

/// A translated page title.
fn page_title(msg: Msg) -> impl IntoView {
    view! { <Title text=crate::ui::title_text(msg)/> }
}

/// A page's data: "loading" while it comes, the view when it is there, the error otherwise.
pub fn loaded<T, V>(data: Resource<Result<T, AppError>>, render: impl Fn(T) -> V + Clone + Send + Sync + 'static) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
            {crate::ui::suspend(move || {
                let render = render.clone();
                async move {
                    match data.await {
                        Ok(v) => render(v).into_any(),
                        Err(e) => load_error(e),
                    }
                }
            })}
        </Suspense>
    }
}

/// A failed load, in the reader's language.
pub fn load_error(e: AppError) -> AnyView {
    // A page whose subject does not exist answers 404, a refused one 401 or 403 (pages render
    // fully before the headers go).
    #[cfg(feature = "ssr")]
    if matches!(e, AppError::NotFound | AppError::Forbidden | AppError::NotSignedIn) {
        if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
            resp.set_status(e.status());
        }
    }
    let prefs = use_prefs();
    view! { <p role="alert" class="rounded border border-red-800 bg-red-50 px-3 py-2 text-red-900">{move || e.text(prefs.get().locale)}</p> }.into_any()
}

#[component]
pub fn ApplyHome() -> impl IntoView {
    let card = "tap block rounded-lg border border-gray-300 bg-white p-5 hover:border-red-800 hover:shadow";
    view! {
        {page_title(Msg::ApplyTitle)}
        <div class="mx-auto max-w-4xl px-4 py-6">
            <PageHeading title=Msg::ApplyTitle lead=Msg::ApplyDesc/>
            <div class="grid gap-4 md:grid-cols-2">
                <a href="/apply/info" class=card>
                    <h2 class="mb-2 text-xl font-bold text-red-900">{tr(Msg::InfoRequestTitle)}</h2>
                    <p>{tr(Msg::InfoRequestLead)}</p>
                </a>
                <a href="/apply/matters" class=card>
                    <h2 class="mb-2 text-xl font-bold text-red-900">{tr(Msg::MattersTitle)}</h2>
                    <p>{tr(Msg::MattersLead)}</p>
                </a>
            </div>
            <section class="mt-6 rounded-lg border border-gray-300 bg-white p-5" aria-labelledby="rules-heading">
                <h2 id="rules-heading" class="mb-2 text-lg font-bold">{tr(Msg::DeadlineRulesTitle)}</h2>
                <ul class="list-disc space-y-1 pl-6">
                    <li>{tr(Msg::DeadlineRule20)}</li>
                    <li>{tr(Msg::DeadlineRuleCorrection)}</li>
                    <li>{tr(Msg::DeadlineRuleExtension)}</li>
                    <li>{tr(Msg::DeadlineRuleConsult)}</li>
                </ul>
                <p class="mt-3"><a href="/lookup" class="font-medium text-red-900 underline">{tr(Msg::GoToLookup)}</a></p>
            </section>
        </div>
    }
}

/// Errors for one field: from the last answer of the server function (with JavaScript), else
/// from the draft the page was rendered with (without).
fn field_errors(action: ServerAction<SubmitApplication>, draft: Vec<(String, Msg)>) -> impl Fn(&'static str) -> Signal<Option<Msg>> + Copy {
    let draft = StoredValue::new(draft);
    move |field: &'static str| {
        Signal::derive(move || match action.value().get() {
            Some(Err(e)) => e.for_field(field),
            Some(Ok(_)) => None,
            None => draft.with_value(|d| d.iter().find(|e| e.0 == field).map(|e| e.1)),
        })
    }
}

/// The applicant's fields and the rest of an application, shared by both forms.
#[component]
fn ApplicationForm(form: ApplyForm, action: ServerAction<SubmitApplication>, #[prop(optional)] matter: Option<i64>) -> impl IntoView {
    let prefs = use_prefs();
    let has_draft_errors = !form.errors.is_empty();
    let err = field_errors(action, form.errors.clone());
    let v = form.values.clone();
    let today = time::Date::parse(&form.today, &time::format_description::well_known::Iso8601::DATE).unwrap_or(time::macros::date!(2026 - 01 - 01));
    let id_type = RwSignal::new(if v.id_type.is_empty() { "idcard".to_owned() } else { v.id_type.clone() });
    let check = move |field: &'static str| Callback::new(move |value: String| check_field(field, &value, &id_type.get_untracked(), today));
    let form_alert = Signal::derive(move || match action.value().get() {
        Some(Err(e)) => e.form_level(),
        Some(Ok(_)) => None,
        None => has_draft_errors.then_some(Msg::FormHasErrors),
    });
    let l = prefs.get_untracked().locale;
    let id_types: Vec<(String, String)> = IdType::ALL.iter().map(|t| (t.as_str().to_owned(), t.msg().text(l).to_owned())).collect();
    let kind_label = |k: UnitKind| match k {
        UnitKind::Department => "",
        UnitKind::Township => "",
        UnitKind::Enterprise => "",
    };
    let units: Vec<(String, String)> = form
        .units
        .iter()
        .map(|u| (u.id.to_string(), format!("{}{}{}", if u.depth > 0 { "　└ " } else { "" }, u.name, kind_label(u.kind))))
        .collect();
    let is_info = matter.is_none();
    view! {
        <ActionForm action attr:class="space-y-5" attr:novalidate="true">
            // The default button (Enter in a field) is the first in the form: make it "submit",
            // not the file buttons further down. Hidden from sight and from the tab order.
            <button type="submit" class="sr-only" tabindex="-1" aria-hidden="true">{tr(Msg::SubmitApplication)}</button>
            <input type="hidden" name="token" value=form.token.clone()/>
            <input type="hidden" name="matter" value=matter.map(|m| m.to_string()).unwrap_or_default()/>
            <FormAlert msg=form_alert/>
            <fieldset class=CARD>
                <legend class="px-1 text-lg font-bold">{tr(Msg::ApplicantSection)}</legend>
                <div class="space-y-3">
                    <RadioField name="applicant_type" label=Msg::ApplicantTypeLabel
                        options=ApplicantType::ALL.iter().map(|t| (t.as_str(), t.msg())).collect()
                        value=if v.applicant_type.is_empty() { "person".to_owned() } else { v.applicant_type.clone() }
                        error=err("applicant_type")/>
                    <Field name="applicant_name" label=Msg::ApplicantNameLabel hint=Msg::ApplicantNameHint required=true
                        autocomplete="name" maxlength=50 value=v.applicant_name.clone() error=err("applicant_name") check=check("applicant_name")/>
                    <Field name="org_name" label=Msg::OrgNameLabel hint=Msg::OrgNameHint autocomplete="organization" maxlength=100
                        value=v.org_name.clone() error=err("org_name") check=check("org_name")/>
                    <SelectField name="id_type" label=Msg::IdTypeLabel required=true options=id_types value=id_type.get_untracked()
                        error=err("id_type") on_pick=Callback::new(move |t: String| id_type.set(t))/>
                    <Field name="id_number" label=Msg::IdNumberLabel required=true autocomplete="off" maxlength=40
                        value=v.id_number.clone() error=err("id_number") check=check("id_number")/>
                    <Field name="phone" label=Msg::PhoneLabel required=true kind="tel" autocomplete="tel" inputmode="tel" maxlength=30
                        value=v.phone.clone() error=err("phone") check=check("phone")/>
                    <Field name="email" label=Msg::EmailLabel kind="email" autocomplete="email" maxlength=254
                        value=v.email.clone() error=err("email") check=check("email")/>
                    <Field name="address" label=Msg::AddressLabel hint=Msg::AddressHint autocomplete="street-address" maxlength=200
                        value=v.address.clone() error=err("address") check=check("address")/>
                </div>
            </fieldset>
            <fieldset class=CARD>
                <legend class="px-1 text-lg font-bold">{tr(if is_info { Msg::RequestSection } else { Msg::FilingSection })}</legend>
                <div class="space-y-3">
                    {is_info.then(|| view! {
                        <SelectField name="unit_id" label=Msg::UnitLabel required=true options=units.clone() placeholder=Msg::ChooseUnit
                            value=v.unit_id.clone() error=err("unit_id")/>
                    })}
                    <Field name="subject" label=if is_info { Msg::SubjectLabel } else { Msg::FilingSubjectLabel }
                        hint=if is_info { Msg::SubjectHint } else { Msg::FilingSubjectHint } required=true maxlength=200
                        value=v.subject.clone() error=err("subject") check=check("subject")/>
                    <Field name="description" label=Msg::DescriptionLabel multiline=true maxlength=2000
                        value=v.description.clone() error=err("description") check=check("description")/>
                    {is_info.then(|| view! {
                        <Field name="purpose" label=Msg::PurposeLabel hint=Msg::PurposeHint multiline=true maxlength=500
                            value=v.purpose.clone() error=err("purpose") check=check("purpose")/>
                    })}
                    <RadioField name="delivery" label=Msg::DeliveryLabel
                        options=Delivery::ALL.iter().map(|d| (d.as_str(), d.msg())).collect()
                        value=if v.delivery.is_empty() { "online".to_owned() } else { v.delivery.clone() }
                        error=err("delivery")/>
                </div>
            </fieldset>
            <Materials files=form.files.clone() action="/apply/files" legend=Msg::MaterialsSection hint=Msg::MaterialsHint/>
            <p class="text-sm text-gray-700">{tr(Msg::PrivacyNotice)}</p>
            <button type="submit" class=BUTTON disabled=move || action.pending().get() data-testid="submit-application">
                {move || if action.pending().get() { tr(Msg::Submitting) } else { tr(Msg::SubmitApplication) }}
            </button>
        </ActionForm>
    }
}

/// A form's materials: files attached so far and a file field. Its buttons post the whole form
/// as multipart to `action` (`/apply/files`, `/hotline/files`), which keeps the typed values and
/// comes back here.
#[component]
pub fn Materials(files: Vec<crate::cases::FileView>, action: &'static str, legend: Msg, hint: Msg) -> impl IntoView {
    let prefs = use_prefs();
    let result = crate::cases::pages::upload_result(false);
    let list = files
        .into_iter()
        .map(|f| {
            let label = format!("{} {}", tr(Msg::RemoveFile), f.name);
            view! {
                <li class="flex flex-wrap items-center gap-2">
                    <span>{f.name.clone()}</span>
                    <span class="text-sm text-gray-700">{crate::catalog::human_size(f.size)}</span>
                    <button type="submit" name="remove" value=f.id.to_string() formaction=action formmethod="post"
                        formenctype="multipart/form-data" formnovalidate=true aria-label=label on:click=post_natively
                        class="tap rounded border border-gray-500 px-2 text-sm">{tr(Msg::RemoveFile)}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class=CARD>
            <legend class="px-1 text-lg font-bold">{tr(legend)}</legend>
            <ul class="mb-3 space-y-1" data-testid="staged-files">{list}</ul>
            <label for="f-file" class="block font-medium">{tr(Msg::ChooseFile)}</label>
            <p id="f-file-hint" class="text-sm text-gray-700">{tr(Msg::UploadHint)}" "{tr(hint)}</p>
            <input id="f-file" name="file" type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                aria-describedby="f-file-hint f-file-result" class="tap block w-full"/>
            <p id="f-file-result" role="status" class="min-h-[1.25rem] text-sm font-medium" data-testid="upload-result">
                {move || result().map(|(ok, m)| view! {
                    <span class=if ok { "text-green-800" } else { "text-red-800" }>{m.text(prefs.get().locale)}</span>
                })}
            </p>
            <button type="submit" name="upload" value="1" formaction=action formmethod="post" formenctype="multipart/form-data"
                formnovalidate=true on:click=post_natively data-testid="upload-material"
                class="tap rounded border border-gray-500 bg-white px-4 py-2 font-medium hover:bg-gray-100">{tr(Msg::UploadThisFile)}</button>
        </fieldset>
    }
}

/// With JavaScript the ActionForm would send a file button's click to the server function. Post
/// the form natively instead, as without JavaScript: the button's own name and value go along
/// in a hidden field, because `form.submit()` sends no submitter.
fn post_natively(ev: leptos::ev::MouseEvent) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(button) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::HtmlButtonElement>().ok()) else { return };
        let Some(form) = button.form() else { return };
        ev.prevent_default();
        if let Ok(input) = document().create_element("input") {
            if let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() {
                input.set_type("hidden");
                input.set_name(&button.name());
                input.set_value(&button.value());
                let _ = form.append_child(&input);
            }
        }
        form.set_action(&button.form_action());
        form.set_method("post");
        form.set_enctype("multipart/form-data");
        let _ = form.submit();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}

fn draft_param() -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.read().get("draft")
}

#[component]
pub fn InfoRequestPage() -> impl IntoView {
    let draft = draft_param();
    let data = Resource::new(draft, get_apply_form);
    let action = ServerAction::<SubmitApplication>::new();
    view! {
        {page_title(Msg::InfoRequestTitle)}
        <div class="mx-auto max-w-3xl px-4 py-6">
            <PageHeading title=Msg::InfoRequestTitle lead=Msg::InfoRequestLead/>
            {loaded(data, move |form| view! { <ApplicationForm form action/> })}
        </div>
    }
}

#[component]
pub fn MattersPage() -> impl IntoView {
    let query = use_query_map();
    let args = move || {
        let q = query.read();
        (q.get("unit").and_then(|u| u.parse::<i64>().ok()), q.get("q"))
    };
    let data = Resource::new(args, |(unit, q)| get_matters(unit, q));
    view! {
        {page_title(Msg::MattersTitle)}
        <div class="mx-auto max-w-5xl px-4 py-6">
            <PageHeading title=Msg::MattersTitle lead=Msg::MattersLead/>
            {loaded(data, |list| view! { <MatterCatalogue list/> })}
        </div>
    }
}

#[component]
fn MatterCatalogue(list: MatterList) -> impl IntoView {
    let prefs = use_prefs();
    let MatterList { units, unit, query, matters, total, online_total } = list;
    let summary = move || {
        let l = prefs.get().locale;
        Msg::MattersSummary.text(l).replace("{units}", &units_len_text(total, online_total, l))
    };
    let unit_name = unit.and_then(|u| units.iter().find(|x| x.id == u).map(|x| x.name.clone()));
    let searched = unit.is_some() || !query.is_empty();
    view! {
        <p class="mb-4" data-testid="matters-summary">{summary}</p>
        <form method="get" action="/apply/matters" class="mb-5 flex flex-wrap items-end gap-2" role="search">
            <div class="min-w-0 flex-1">
                <label for="matter-q" class="block font-medium">{tr(Msg::SearchMatters)}</label>
                <input id="matter-q" name="q" type="search" value=query.clone() maxlength="50"
                    class="tap block w-full rounded border border-gray-500 bg-white px-3 py-2"/>
            </div>
            <button type="submit" class=LINK_BUTTON>{tr(Msg::Search)}</button>
        </form>
        <div class="flex flex-col gap-6 md:flex-row">
            <nav aria-label=tr(Msg::MatterUnits) class="md:w-64 md:shrink-0">
                <h2 class="mb-2 font-bold">{tr(Msg::MatterUnits)}</h2>
                <ul class="max-h-96 space-y-1 overflow-y-auto rounded border border-gray-300 bg-white p-2 md:max-h-none" data-testid="matter-units">
                    {units.iter().map(|u| {
                        let current = Some(u.id) == unit;
                        view! {
                            <li>
                                <a href=format!("/apply/matters?unit={}", u.id) aria-current=current.then_some("page")
                                    class="tap flex justify-between gap-2 rounded px-2 py-1 hover:bg-red-50 aria-[current=page]:bg-red-800 aria-[current=page]:text-white">
                                    <span>{u.name.clone()}</span><span class="tabular-nums">{u.matters}</span>
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
            <section class="min-w-0 flex-1" aria-labelledby="matters-heading">
                <h2 id="matters-heading" class="mb-2 text-lg font-bold">
                    {unit_name.unwrap_or_else(|| if query.is_empty() { String::new() } else { format!("“{query}”") })}
                </h2>
                {(!searched).then(|| view! { <p>{tr(Msg::PickUnitOrSearch)}</p> })}
                {(searched && matters.is_empty()).then(|| view! { <p>{tr(Msg::NoMatters)}</p> })}
                <ul class="space-y-2" data-testid="matters">
                    {matters.into_iter().map(|m| view! {
                        <li class="rounded border border-gray-300 bg-white p-3">
                            <a href=format!("/apply/matters/{}", m.id) class="font-medium text-red-900 underline">{m.name.clone()}</a>
                            <p class="text-sm text-gray-700">
                                {tr(m.kind.msg())}" · "{move || Msg::LimitDays.text(prefs.get().locale).replace("{n}", &m.limit_days.to_string())}
                                " · "{if m.online { tr(Msg::OnlineFiling) } else { tr(Msg::OfflineOnly) }}
                            </p>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        </div>
    }
}

fn units_len_text(total: i64, online: i64, l: crate::domain::Locale) -> String {
    Msg::MattersCount.text(l).replace("{total}", &total.to_string()).replace("{online}", &online.to_string())
}

#[component]
pub fn MatterPage() -> impl IntoView {
    let params = use_params_map();
    let draft = draft_param();
    let args = move || (params.read().get("id").and_then(|i| i.parse::<i64>().ok()).unwrap_or(0), draft());
    let data = Resource::new(args, |(id, draft)| matter_form(id, draft));
    let action = ServerAction::<SubmitApplication>::new();
    view! {
        <div class="mx-auto max-w-3xl px-4 py-6">
            {loaded(data, move |(matter, form)| view! { <MatterDetail matter form action/> })}
        </div>
    }
}

#[component]
fn MatterDetail(matter: MatterView, form: ApplyForm, action: ServerAction<SubmitApplication>) -> impl IntoView {
    let prefs = use_prefs();
    let title = matter.name.clone();
    let limit = matter.limit_days;
    let fees = matter.fees.clone();
    view! {
        <Title text=title.clone()/>
        <h1 class="mb-3 text-2xl font-bold">{title}</h1>
        <dl class="mb-5 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg border border-gray-300 bg-white p-4">
            <dt class="font-medium">{tr(Msg::MatterCode)}</dt><dd class="font-mono break-all">{matter.code.clone()}</dd>
            <dt class="font-medium">{tr(Msg::MatterKindLabel)}</dt><dd>{tr(matter.kind.msg())}</dd>
            <dt class="font-medium">{tr(Msg::UnitLabel)}</dt><dd>{matter.unit_name.clone()}</dd>
            <dt class="font-medium">{tr(Msg::TimeLimit)}</dt><dd>{move || Msg::LimitDays.text(prefs.get().locale).replace("{n}", &limit.to_string())}</dd>
            <dt class="font-medium">{tr(Msg::Fees)}</dt><dd>{move || if fees.is_empty() { Msg::FreeOfCharge.text(prefs.get().locale).to_owned() } else { fees.clone() }}</dd>
        </dl>
        <section class="mb-5" aria-labelledby="materials-heading">
            <h2 id="materials-heading" class="mb-2 text-lg font-bold">{tr(Msg::Materials)}</h2>
            <ol class="list-decimal space-y-1 pl-6">{matter.materials.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ol>
        </section>
        {if matter.online {
            view! {
                <h2 class="mb-3 text-xl font-bold">{tr(Msg::FileOnline)}</h2>
                <ApplicationForm form action matter=matter.id/>
            }.into_any()
        } else {
            view! { <p class="rounded border border-gray-400 bg-gray-50 p-3">{tr(Msg::OfflineOnlyExplain)}</p> }.into_any()
        }}
    }
}

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(move || params.read().get("tracking").unwrap_or_default(), get_receipt);
    view! {
        {page_title(Msg::ReceiptTitle)}
        <div class="mx-auto max-w-3xl px-4 py-6">
            <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
                {crate::ui::suspend(move || async move {
                    match data.await {
                        Ok(r) => view! { <Receipt r/> }.into_any(),
                        Err(_) => view! {
                            <PageHeading title=Msg::ReceiptTitle/>
                            <p class="mb-3">{tr(Msg::ReceiptElsewhere)}</p>
                            <a href="/lookup" class=LINK_BUTTON>{tr(Msg::GoToLookup)}</a>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Receipt(r: ReceiptView) -> impl IntoView {
    let prefs = use_prefs();
    let deadline = r.deadline.clone();
    let explain = move || deadline.as_ref().map(|d| d.explain(prefs.get().locale));
    let row = "grid grid-cols-[7rem_1fr] gap-2 border-b border-gray-200 py-2 sm:grid-cols-[9rem_1fr]";
    view! {
        <article class="receipt rounded-lg border-2 border-gray-800 bg-white p-5" aria-labelledby="receipt-heading" data-testid="receipt">
            <h1 id="receipt-heading" class="mb-1 text-center text-2xl font-bold">{tr(Msg::ReceiptTitle)}</h1>
            <p class="mb-4 text-center text-gray-700">{tr(Msg::ReceiptLead)}</p>
            <div class="flex flex-col gap-4 sm:flex-row-reverse sm:items-start">
                <figure class="mx-auto w-44 shrink-0 text-center">
                    <div class="qr" inner_html=r.qr_svg.clone() role="img" aria-label=tr(Msg::QrLabel)></div>
                    <figcaption class="text-sm text-gray-700">{tr(Msg::QrCaption)}</figcaption>
                </figure>
                <dl class="min-w-0 flex-1">
                    <div class=row><dt class="font-medium">{tr(Msg::TrackingNumber)}</dt>
                        <dd class="font-mono text-xl font-bold tracking-wider" data-testid="tracking">{r.tracking.clone()}</dd></div>
                    <div class=row><dt class="font-medium">{tr(Msg::QueryCode)}</dt>
                        <dd class="font-mono text-xl font-bold tracking-wider" data-testid="query-code">{r.query_code.clone().unwrap_or_default()}</dd></div>
                    <div class=row><dt class="font-medium">{tr(Msg::CaseKindLabel)}</dt><dd>{tr(r.kind.msg())}</dd></div>
                    <div class=row><dt class="font-medium">{tr(Msg::ReceivingUnit)}</dt><dd>{r.unit_name.clone()}</dd></div>
                    {r.matter_name.clone().map(|m| view! { <div class=row><dt class="font-medium">{tr(Msg::MatterLabel)}</dt><dd>{m}</dd></div> })}
                    <div class=row><dt class="font-medium">{tr(Msg::SubjectShort)}</dt><dd class="break-words">{r.subject.clone()}</dd></div>
                    <div class=row><dt class="font-medium">{tr(Msg::Applicant)}</dt><dd>{r.applicant_name.clone()}</dd></div>
                    <div class=row><dt class="font-medium">{tr(Msg::FiledOn)}</dt><dd data-testid="filed-on">{r.filed_on.clone()}</dd></div>
                    <div class=row><dt class="font-medium">{tr(Msg::DueOn)}</dt><dd data-testid="due-on">{r.due_on.clone().unwrap_or_default()}</dd></div>
                </dl>
            </div>
            {move || explain().map(|e| view! { <p class="mt-3 text-sm text-gray-800" data-testid="deadline-explain">{e}</p> })}
            <p class="mt-4 rounded bg-yellow-50 p-3 font-medium text-yellow-900">{tr(Msg::KeepCodeSecret)}</p>
            <p class="mt-2 break-all text-sm">{tr(Msg::LookupLinkLabel)}": "<a href=r.lookup_url.clone() class="text-red-900 underline" data-testid="lookup-link">{r.lookup_url.clone()}</a></p>
        </article>
        <div class="no-print mt-4 flex flex-wrap gap-3">
            <crate::ui::form::PrintButton class=LINK_BUTTON/>
            <a href=r.lookup_url.clone() class=LINK_BUTTON>{tr(Msg::GoToLookup)}</a>
        </div>
    }
}
