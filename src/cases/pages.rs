//! Case pages: the facts and timeline shared by the applicant's lookup and the officer's page,
//! the officers' queue and actions, and the printable answer letter.

use super::api::{CaseAct, case_detail, case_queue};
use super::{CaseView, Queue};
use crate::apply::pages::{load_error, loaded};
use crate::domain::Urgency;
use crate::domain::application::{Action, AnswerType, CaseKind, WithholdReason};
use crate::i18n::Msg;
use crate::ui::form::FormAlert;
use crate::ui::layout::PageHeading;
use crate::ui::{tr, use_prefs, use_site};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

const ROW: &str = "grid grid-cols-[7rem_1fr] gap-2 border-b border-gray-200 py-2 sm:grid-cols-[9rem_1fr]";

/// The yellow or red card of an open case.
#[component]
pub fn UrgencyCard(urgency: Option<Urgency>) -> impl IntoView {
    urgency.and_then(|u| match u {
        Urgency::Normal => None,
        Urgency::Yellow => Some(view! {
            <span class="rounded bg-yellow-300 px-2 py-0.5 font-bold text-black" data-testid="card-yellow">{tr(Msg::CardYellow)}</span>
        }.into_any()),
        Urgency::Red => Some(view! {
            <span class="rounded bg-red-700 px-2 py-0.5 font-bold text-white" data-testid="card-red">{tr(Msg::CardRed)}</span>
        }.into_any()),
    })
}

fn answer_text(t: AnswerType, r: Option<WithholdReason>, l: crate::domain::Locale) -> String {
    match r {
        Some(r) => format!("{}（{}）", t.msg().text(l), r.msg().text(l)),
        None => t.msg().text(l).to_owned(),
    }
}

/// Facts, deadline, timeline, answer and attachments of a case.
#[component]
pub fn CaseFacts(
    case: CaseView,
    /// Attachment links are `{file_prefix}{id}{file_suffix}`.
    #[prop(into)] file_prefix: String,
    #[prop(optional, into)] file_suffix: String,
) -> impl IntoView {
    let prefs = use_prefs();
    let deadline = case.deadline.clone();
    let explain = move || deadline.as_ref().map(|d| d.explain(prefs.get().locale));
    let limit = case.matter_limit_days;
    let is_service = case.kind == CaseKind::Service;
    let answer = case.answer.clone();
    view! {
        <section aria-labelledby="facts-heading" class="mb-5 rounded-lg border border-gray-300 bg-white p-4">
            <h2 id="facts-heading" class="mb-2 flex flex-wrap items-center gap-2 text-lg font-bold">
                {tr(Msg::CaseFacts)} <UrgencyCard urgency=case.urgency/>
            </h2>
            <dl>
                <div class=ROW><dt class="font-medium">{tr(Msg::TrackingNumber)}</dt><dd class="font-mono" data-testid="tracking">{case.tracking.clone()}</dd></div>
                <div class=ROW><dt class="font-medium">{tr(Msg::StatusLabel)}</dt><dd class="font-bold" data-testid="status">{tr(case.status.msg())}</dd></div>
                <div class=ROW><dt class="font-medium">{tr(Msg::CaseKindLabel)}</dt><dd>{tr(case.kind.msg())}</dd></div>
                <div class=ROW><dt class="font-medium">{tr(Msg::ReceivingUnit)}</dt><dd data-testid="unit">{case.unit_name.clone()}</dd></div>
                {case.matter_name.clone().map(|m| view! { <div class=ROW><dt class="font-medium">{tr(Msg::MatterLabel)}</dt><dd>{m}</dd></div> })}
                <div class=ROW><dt class="font-medium">{tr(Msg::SubjectShort)}</dt><dd class="break-words">{case.subject.clone()}</dd></div>
                <div class=ROW><dt class="font-medium">{tr(Msg::FiledOn)}</dt><dd data-testid="filed-on">{case.filed_on.clone()}</dd></div>
                <div class=ROW><dt class="font-medium">{tr(Msg::DueOn)}</dt>
                    <dd data-testid="due-on">{case.due_on.clone().unwrap_or_else(|| "—".into())}</dd></div>
                <div class=ROW><dt class="font-medium">{tr(Msg::ResponsibleOfficer)}</dt>
                    <dd data-testid="assignee">{case.assignee.clone().unwrap_or_else(|| "—".into())}</dd></div>
                {case.closed_on.clone().map(|d| view! { <div class=ROW><dt class="font-medium">{tr(Msg::ClosedOn)}</dt><dd>{d}</dd></div> })}
            </dl>
            {move || explain().map(|e| view! { <p class="mt-3 text-sm text-gray-800" data-testid="deadline-explain">{e}</p> })}
            {is_service.then(|| view! {
                <p class="mt-3 text-sm text-gray-800">{move || Msg::ServiceDeadlineExplain.text(prefs.get().locale).replace("{n}", &limit.unwrap_or(0).to_string())}</p>
            })}
        </section>
        {answer.map(|a| {
            let (t, r, note, on) = (a.answer_type, a.reason, a.note.clone(), a.on_date.clone());
            view! {
                <section aria-labelledby="answer-heading" class="mb-5 rounded-lg border-2 border-green-800 bg-white p-4" data-testid="answer">
                    <h2 id="answer-heading" class="mb-2 text-lg font-bold">{tr(Msg::AnswerHeading)}</h2>
                    <p class="font-bold">{move || answer_text(t, r, prefs.get().locale)}" · "{on}</p>
                    <p class="mt-2 whitespace-pre-wrap break-words">{note}</p>
                </section>
            }
        })}
        <section aria-labelledby="timeline-heading" class="mb-5 rounded-lg border border-gray-300 bg-white p-4">
            <h2 id="timeline-heading" class="mb-2 text-lg font-bold">{tr(Msg::Timeline)}</h2>
            <ol class="space-y-3 border-l-2 border-red-800 pl-4" data-testid="timeline">
                {case.timeline.into_iter().map(|e| {
                    let days = e.days;
                    view! {
                        <li>
                            <p class="font-medium">
                                <span class="font-mono">{e.on_date.clone()}</span>" "{tr(e.action.msg())}
                                {days.map(|d| view! { " "{move || Msg::LimitDays.text(prefs.get().locale).replace("{n}", &d.to_string())} })}
                                {(e.action == Action::Assign).then(|| view! { "：" {e.code.clone()} })}
                            </p>
                            {(!e.note.is_empty()).then(|| view! { <p class="whitespace-pre-wrap break-words text-gray-800">{e.note.clone()}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
        {(!case.files.is_empty()).then(|| view! {
            <section aria-labelledby="files-heading" class="mb-5 rounded-lg border border-gray-300 bg-white p-4">
                <h2 id="files-heading" class="mb-2 text-lg font-bold">{tr(Msg::Attachments)}</h2>
                <ul class="list-disc pl-6" data-testid="files">
                    {case.files.into_iter().map(|f| {
                        let href = format!("{file_prefix}{}{file_suffix}", f.id);
                        let from = if f.from_staff { Msg::FromUnit } else { Msg::FromApplicant };
                        view! { <li><a href=href rel="external" class="text-red-900 underline">{f.name.clone()}</a>
                            " ("{crate::catalog::human_size(f.size)}" · "{tr(from)}")"</li> }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}

/// The applicant's details; masked unless the viewer belongs to the receiving unit.
#[component]
fn ApplicantFacts(case: CaseView) -> impl IntoView {
    view! {
        <section aria-labelledby="applicant-heading" class="mb-5 rounded-lg border border-gray-300 bg-white p-4">
            <h2 id="applicant-heading" class="mb-2 text-lg font-bold">{tr(Msg::ApplicantSection)}</h2>
            {(!case.personal_visible).then(|| view! { <p class="mb-2 text-sm text-gray-700">{tr(Msg::PersonalMasked)}</p> })}
            <dl data-testid="applicant">
                <div class=ROW><dt class="font-medium">{tr(Msg::ApplicantTypeLabel)}</dt><dd>{tr(case.applicant_type.msg())}</dd></div>
                <div class=ROW><dt class="font-medium">{tr(Msg::ApplicantNameLabel)}</dt><dd data-testid="applicant-name">{case.applicant_name.clone()}</dd></div>
                {(!case.org_name.is_empty()).then(|| view! { <div class=ROW><dt class="font-medium">{tr(Msg::OrgNameLabel)}</dt><dd>{case.org_name.clone()}</dd></div> })}
                <div class=ROW><dt class="font-medium">{tr(case.id_type.msg())}</dt><dd class="font-mono" data-testid="id-number">{case.id_number.clone()}</dd></div>
                <div class=ROW><dt class="font-medium">{tr(Msg::PhoneLabel)}</dt><dd class="font-mono" data-testid="phone">{case.phone.clone()}</dd></div>
                {(!case.email.is_empty()).then(|| view! { <div class=ROW><dt class="font-medium">{tr(Msg::EmailLabel)}</dt><dd>{case.email.clone()}</dd></div> })}
                {(!case.address.is_empty()).then(|| view! { <div class=ROW><dt class="font-medium">{tr(Msg::AddressLabel)}</dt><dd>{case.address.clone()}</dd></div> })}
                <div class=ROW><dt class="font-medium">{tr(Msg::DeliveryLabel)}</dt><dd>{tr(case.delivery.msg())}</dd></div>
                {(!case.description.is_empty()).then(|| view! { <div class=ROW><dt class="font-medium">{tr(Msg::DescriptionLabel)}</dt><dd class="whitespace-pre-wrap break-words">{case.description.clone()}</dd></div> })}
                {(!case.purpose.is_empty()).then(|| view! { <div class=ROW><dt class="font-medium">{tr(Msg::PurposeLabel)}</dt><dd class="whitespace-pre-wrap break-words">{case.purpose.clone()}</dd></div> })}
            </dl>
        </section>
    }
}

#[component]
pub fn QueuePage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(move || query.read().get("closed"), case_queue);
    view! {
        <PageHeading title=Msg::CaseQueue lead=Msg::CaseQueueLead/>
        <div class="mb-3 flex gap-3">
            <a href="/admin/cases" class="font-medium text-red-900 underline">{tr(Msg::OpenCases)}</a>
            <a href="/admin/cases?closed=1" class="font-medium text-red-900 underline">{tr(Msg::AllCases)}</a>
        </div>
        {loaded(data, |q| view! { <QueueTable q/> })}
    }
}

#[component]
fn QueueTable(q: Queue) -> impl IntoView {
    let Queue { rows, counts, .. } = q;
    let empty = rows.is_empty();
    view! {
        <p class="mb-3" data-testid="queue-counts">
            {tr(Msg::OpenCases)}": "<strong>{counts.open}</strong>" · "
            {tr(Msg::CardYellow)}": "<strong>{counts.yellow}</strong>" · "
            {tr(Msg::CardRed)}": "<strong>{counts.red}</strong>
        </p>
        {empty.then(|| view! { <p>{tr(Msg::NoCases)}</p> })}
        <div class="overflow-x-auto rounded border border-gray-300 bg-white" tabindex="0" role="region" aria-labelledby="queue-caption">
            <table class="w-full text-left">
                <caption id="queue-caption" class="sr-only">{tr(Msg::CaseQueue)}</caption>
                <thead class="bg-gray-100">
                    <tr>
                        <th scope="col" class="px-3 py-2">{tr(Msg::TrackingNumber)}</th>
                        <th scope="col" class="px-3 py-2">{tr(Msg::SubjectShort)}</th>
                        <th scope="col" class="px-3 py-2">{tr(Msg::ReceivingUnit)}</th>
                        <th scope="col" class="px-3 py-2">{tr(Msg::StatusLabel)}</th>
                        <th scope="col" class="px-3 py-2">{tr(Msg::FiledOn)}</th>
                        <th scope="col" class="px-3 py-2">{tr(Msg::DueOn)}</th>
                        <th scope="col" class="px-3 py-2">{tr(Msg::ResponsibleOfficer)}</th>
                    </tr>
                </thead>
                <tbody data-testid="queue">
                    {rows.into_iter().map(|r| view! {
                        <tr class="border-t border-gray-200">
                            <td class="px-3 py-2 font-mono"><a href=format!("/admin/cases/{}", r.id) class="text-red-900 underline">{r.tracking.clone()}</a></td>
                            <td class="px-3 py-2">{r.subject.clone()}<br/><span class="text-sm text-gray-700">{tr(r.kind.msg())}" · "{r.applicant_name.clone()}</span></td>
                            <td class="px-3 py-2">{r.unit_name.clone()}</td>
                            <td class="px-3 py-2">{tr(r.status.msg())}" "<UrgencyCard urgency=r.urgency/></td>
                            <td class="px-3 py-2 font-mono">{r.filed_on.clone()}</td>
                            <td class="px-3 py-2 font-mono">{r.due_on.clone().unwrap_or_default()}</td>
                            <td class="px-3 py-2">{r.assignee.clone().unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn CaseAdminPage() -> impl IntoView {
    let params = use_params_map();
    let act = ServerAction::<CaseAct>::new();
    let id = move || params.read().get("id").and_then(|i| i.parse::<i64>().ok()).unwrap_or(0);
    let query = use_query_map();
    // A refused post without JavaScript comes back as `?draft=`; after the next action it is stale.
    let data = Resource::new(
        move || (id(), query.read().get("draft").filter(|_| act.version().get() == 0), act.version().get()),
        |(id, draft, _)| case_detail(id, draft),
    );
    view! {
        <PageHeading title=Msg::CaseDetail/>
        <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
            {crate::ui::suspend(move || async move {
                match data.await {
                    Ok(case) => view! {
                        <p class="mb-3 flex flex-wrap gap-3">
                            <a href="/admin/cases" class="text-red-900 underline">{tr(Msg::BackToQueue)}</a>
                            {(case.answer.is_some()).then(|| view! {
                                <a href=format!("/admin/cases/{}/letter", case.id) class="text-red-900 underline" data-testid="letter-link">{tr(Msg::AnswerLetter)}</a>
                            })}
                        </p>
                        <CaseActions case=case.clone() act/>
                        <CaseFacts case=case.clone() file_prefix=format!("/admin/cases/{}/files/", case.id)/>
                        <UploadForm action=format!("/admin/cases/{}/files", case.id) hidden=vec![]/>
                        <ApplicantFacts case/>
                    }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Suspense>
    }
}

/// The officer's actions open at the case's current step, each a small form.
#[component]
fn CaseActions(case: CaseView, act: ServerAction<CaseAct>) -> impl IntoView {
    let prefs = use_prefs();
    let error = move || act.value().get().and_then(|r| r.err());
    // Without JavaScript a refused action comes back as a draft: its values and its errors.
    let (draft, draft_errors) = case.act_draft.clone().unwrap_or_default();
    let draft_error = {
        let errors = draft_errors.clone();
        move |f: &str| errors.iter().find(|e| e.0 == f).map(|e| e.1)
    };
    let draft_alert = (!draft_errors.is_empty()).then(|| draft_error("action").unwrap_or(Msg::FormHasErrors));
    // Errors of the form that was refused without JavaScript go next to its own fields only.
    let refused_action = draft.action.clone();
    let err_for = move |a: Action, f: &'static str| {
        let from_draft = if refused_action == a.as_str() { draft_error(f) } else { None };
        move || error().and_then(|e| e.for_field(f)).or(from_draft).map(|m| m.text(prefs.get().locale))
    };
    let alert = Signal::derive(move || match error() {
        Some(e) => e.form_level().or_else(|| e.for_field("action")),
        None => draft_alert,
    });
    let token = case.act_token.clone();
    let actions = case.open_actions.clone();
    if actions.is_empty() {
        return view! { <p class="mb-5 rounded border border-gray-300 bg-white p-3">{tr(Msg::NoActionsOpen)}</p> }.into_any();
    }
    let id = case.id.to_string();
    let staff = case.unit_staff.clone();
    let input = "tap block w-full rounded border border-gray-500 bg-white px-3 py-2";
    let button = "tap rounded bg-red-800 px-4 py-2 font-bold text-white hover:bg-red-900 disabled:opacity-60";
    view! {
        <section aria-labelledby="actions-heading" class="mb-5 rounded-lg border-2 border-red-800 bg-white p-4">
            <h2 id="actions-heading" class="mb-2 text-lg font-bold">{tr(Msg::CaseActions)}</h2>
            <FormAlert msg=alert/>
            <div class="grid gap-4 lg:grid-cols-2">
                {actions.into_iter().map(|a| {
                    let id = id.clone();
                    let staff = staff.clone();
                    let token = token.clone();
                    let err_for = err_for.clone();
                    let err = move |f: &'static str| err_for(a, f);
                    // This form's typed values, if it is the one that was refused.
                    let typed = (draft.action == a.as_str()).then(|| draft.clone()).unwrap_or_default();
                    let fid = move |f: &str| format!("a-{}-{f}", a.as_str());
                    let note_id = fid("note");
                    let note_err_id = fid("note-error");
                    view! {
                        <ActionForm action=act attr:class="space-y-2 rounded border border-gray-300 p-3" attr:data-action=a.as_str()>
                            <h3 class="font-bold">{tr(a.msg())}</h3>
                            <input type="hidden" name="id" value=id.clone()/>
                            <input type="hidden" name="action" value=a.as_str()/>
                            <input type="hidden" name="token" value=token/>
                            {(a == Action::Assign).then(|| view! {
                                <label for=fid("assignee") class="block font-medium">{tr(Msg::ResponsibleOfficer)}</label>
                                <select id=fid("assignee") name="assignee" class=input>
                                    {staff.iter().map(|(sid, name)| view! { <option value=sid.to_string() selected=typed.assignee == sid.to_string()>{name.clone()}</option> }).collect_view()}
                                </select>
                            })}
                            {(a == Action::Extend).then(|| view! {
                                <label for=fid("days") class="block font-medium">{tr(Msg::ExtensionDaysLabel)}</label>
                                <input id=fid("days") name="days" type="number" min="1" max="20" value=if typed.days.is_empty() { "20".to_owned() } else { typed.days.clone() } class=input aria-describedby=fid("days-error")/>
                                <p id=fid("days-error") class="text-sm font-medium text-red-800">{err("days")}</p>
                            })}
                            {(a == Action::Answer).then(|| view! {
                                <label for=fid("type") class="block font-medium">{tr(Msg::AnswerTypeLabel)}</label>
                                <select id=fid("type") name="answer_type" class=input aria-describedby=fid("type-error")>
                                    {AnswerType::ALL.iter().map(|t| view! { <option value=t.as_str() selected=typed.answer_type == t.as_str()>{tr(t.msg())}</option> }).collect_view()}
                                </select>
                                <p id=fid("type-error") class="text-sm font-medium text-red-800">{err("answer_type")}</p>
                                <label for=fid("reason") class="block font-medium">{tr(Msg::WithholdReasonLabel)}</label>
                                <select id=fid("reason") name="reason" class=input aria-describedby=fid("reason-error")>
                                    <option value="">{tr(Msg::NotApplicable)}</option>
                                    {WithholdReason::ALL.iter().map(|r| view! { <option value=r.as_str() selected=typed.reason == r.as_str()>{tr(r.msg())}</option> }).collect_view()}
                                </select>
                                <p id=fid("reason-error") class="text-sm font-medium text-red-800">{err("reason")}</p>
                            })}
                            {(a != Action::Assign).then(|| view! {
                                <label for=note_id.clone() class="block font-medium">{tr(note_label(a))}</label>
                                <textarea id=note_id name="note" rows="3" class=input aria-describedby=note_err_id.clone()>{typed.note.clone()}</textarea>
                                <p id=note_err_id class="text-sm font-medium text-red-800">{err("note")}</p>
                            })}
                            <button type="submit" class=button disabled=move || act.pending().get()>{tr(a.msg())}</button>
                        </ActionForm>
                    }
                }).collect_view()}
            </div>
        </section>
    }
    .into_any()
}

fn note_label(a: Action) -> Msg {
    match a {
        Action::RequestCorrection => Msg::CorrectionNoteLabel,
        Action::Extend => Msg::ExtensionReasonLabel,
        Action::Answer => Msg::AnswerNoteLabel,
        Action::Reject => Msg::RejectReasonLabel,
        _ => Msg::Note,
    }
}

/// The answer letter (答复书), printable on A4.
#[component]
pub fn AnswerLetter(case: CaseView) -> impl IntoView {
    let prefs = use_prefs();
    let site = use_site();
    let Some(answer) = case.answer.clone() else {
        return view! { <p>{tr(Msg::NoAnswerYet)}</p> }.into_any();
    };
    let (t, r) = (answer.answer_type, answer.reason);
    let county = site.clone();
    view! {
        <article class="letter mx-auto max-w-3xl rounded border border-gray-400 bg-white p-6 leading-relaxed" data-testid="letter">
            <h1 class="mb-1 text-center text-2xl font-bold">{case.unit_name.clone()}</h1>
            <p class="mb-4 text-center text-xl font-bold">{tr(Msg::LetterTitle)}</p>
            <p class="mb-4 text-right font-mono">{tr(Msg::TrackingNumber)}": "{case.tracking.clone()}</p>
            <p class="mb-3">{case.applicant_name.clone()}{tr(Msg::LetterSalutation)}</p>
            <p class="mb-3 indent-8">
                {move || Msg::LetterReceived.text(prefs.get().locale).replace("{date}", &case.filed_on).replace("{subject}", &case.subject)}
            </p>
            <p class="mb-3 indent-8 font-bold" data-testid="letter-answer">{move || answer_text(t, r, prefs.get().locale)}</p>
            <p class="mb-3 indent-8 whitespace-pre-wrap break-words">{answer.note.clone()}</p>
            <p class="mb-3 indent-8" data-testid="letter-remedies">
                {move || Msg::LetterRemedies.text(prefs.get().locale).replace("{county}", &county.hans)}
            </p>
            <p class="mt-8 text-right">{case.unit_name.clone()}</p>
            <p class="text-right">{answer.on_date.clone()}</p>
        </article>
        <div class="no-print mt-4 text-center">
            <crate::ui::form::PrintButton class="tap rounded border border-gray-500 bg-white px-4 py-2 font-medium"/>
        </div>
    }
    .into_any()
}

#[component]
pub fn AdminLetterPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(move || params.read().get("id").and_then(|i| i.parse::<i64>().ok()).unwrap_or(0), |id| case_detail(id, None));
    view! {
        <Title text=crate::ui::title_text(Msg::LetterTitle)/>
        {loaded(data, |case| view! { <AnswerLetter case/> })}
    }
}

/// The message for `?file_error=` / `?file_saved=` / `?file_removed=` after an upload; the
/// catalog accepts more types than cases and counts per revision.
pub fn upload_result(catalog: bool) -> impl Fn() -> Option<(bool, Msg)> + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || {
        let q = query.read();
        if q.get("file_saved").is_some() {
            return Some((true, Msg::FileSaved));
        }
        if q.get("file_removed").is_some() {
            return Some((true, Msg::FileRemoved));
        }
        q.get("file_error").map(|e| {
            (false, match (e.as_str(), catalog) {
                ("size", _) => Msg::FileErrorSize,
                ("type", false) => Msg::FileErrorType,
                ("type", true) => Msg::CatalogFileErrorType,
                ("count", false) => Msg::FileErrorCount,
                ("count", true) => Msg::CatalogFileErrorCount,
                _ => Msg::FileErrorMissing,
            })
        })
    }
}

/// A plain multipart form for one attachment (works without JavaScript).
#[component]
pub fn UploadForm(
    #[prop(into)] action: String,
    hidden: Vec<(&'static str, String)>,
    /// A catalog entry's draft: office formats too, and the catalog's messages.
    #[prop(optional)]
    catalog: bool,
) -> impl IntoView {
    let prefs = use_prefs();
    let result = upload_result(catalog);
    let (hint, accept) = if catalog {
        (Msg::CatalogUploadHint, ".pdf,.ofd,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png")
    } else {
        (Msg::UploadHint, ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png")
    };
    view! {
        <section aria-labelledby="upload-heading" class="mb-5 rounded-lg border border-gray-300 bg-white p-4">
            <h2 id="upload-heading" class="mb-2 text-lg font-bold">{tr(Msg::UploadFile)}</h2>
            <form method="post" action=action enctype="multipart/form-data" class="space-y-2">
                {hidden.into_iter().map(|(n, v)| view! { <input type="hidden" name=n value=v/> }).collect_view()}
                <label for="f-file" class="block font-medium">{tr(Msg::ChooseFile)}</label>
                <p id="f-file-hint" class="text-sm text-gray-700">{tr(hint)}</p>
                <input id="f-file" name="file" type="file" accept=accept
                    aria-describedby="f-file-hint f-file-result" class="tap block w-full"/>
                <p id="f-file-result" role="status" class="min-h-[1.25rem] text-sm font-medium" data-testid="upload-result">
                    {move || result().map(|(ok, m)| view! {
                        <span class=if ok { "text-green-800" } else { "text-red-800" }>{m.text(prefs.get().locale)}</span>
                    })}
                </p>
                <button type="submit" class="tap rounded border border-gray-500 bg-white px-4 py-2 font-medium hover:bg-gray-100">{tr(Msg::UploadFile)}</button>
            </form>
        </section>
    }
}
