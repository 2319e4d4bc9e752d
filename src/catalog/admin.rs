//! Staff pages of the catalog: the unit's list, the entry form, review and history, and the
//! guide editor. Every form is an ActionForm, so it also posts without JavaScript.

use super::api::{ActOnEntry, SaveEntry, SaveGuide, get_guide, get_staff_catalog, get_staff_entry, import_status, new_entry_form};
use super::{AttachmentView, ImportView, RevisionView, StaffCatalog, StaffEntry, human_size, revision_changes};
use crate::cases::pages::UploadForm;
use crate::apply::pages::loaded;
use crate::domain::catalog::{
    Audience, Disclosure, EntryInput, EntryState, Genre, MAX_ABSTRACT, MAX_DOC_NO, MAX_KEYWORDS, MAX_REASON, MAX_TITLE,
    RevisionState, Topic, Validity, check_field,
};
use crate::i18n::Msg;
use crate::ui::form::{Field, FormAlert, SelectField};
use crate::ui::{tr, use_prefs};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

const BUTTON: &str = "tap inline-flex items-center justify-center rounded bg-red-800 px-4 py-2 font-bold text-white hover:bg-red-900 disabled:opacity-60";
const SECONDARY: &str = "tap inline-flex items-center justify-center rounded border border-gray-500 bg-white px-4 py-2 font-medium hover:bg-gray-100";
const CARD: &str = "rounded-lg border border-gray-300 bg-white p-4";

#[component]
pub fn StaffCatalogPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(move || query.read().get("show"), get_staff_catalog);
    view! {
        <Title text=crate::ui::title_text(Msg::CatalogAdmin)/>
        <h1 class="mb-4 text-2xl font-bold">{tr(Msg::CatalogAdmin)}</h1>
        {loaded(data, |list| view! { <StaffList list/> })}
    }
}

#[component]
fn StaffList(list: StaffCatalog) -> impl IntoView {
    let tabs = [
        ("", Msg::ShowAll),
        ("draft", Msg::RevisionDraft),
        ("returned", Msg::RevisionReturned),
        ("pending", Msg::RevisionPending),
        ("published", Msg::EntryPublished),
        ("withdrawn", Msg::EntryWithdrawn),
    ];
    let prefs = use_prefs();
    let pending = list.pending;
    view! {
        <div class="mb-4 flex flex-wrap items-center gap-3">
            {(!list.draft_units.is_empty()).then(|| view! { <a href="/admin/catalog/new" class=BUTTON data-testid="new-entry">{tr(Msg::NewEntry)}</a> })}
            <a href="/admin/guides" class=SECONDARY>{tr(Msg::UnitGuides)}</a>
            <a href="/admin/catalog/export.csv" class=SECONDARY rel="external" download="catalog.csv">{tr(Msg::ExportCsv)}</a>
            <a href="/admin/catalog/import" class=SECONDARY>{tr(Msg::ImportTitle)}</a>
            <p data-testid="pending-count">{move || Msg::PendingReview.text(prefs.get().locale).replace("{n}", &pending.to_string())}</p>
        </div>
        <nav aria-label=tr(Msg::EntryStateLabel) class="mb-3 flex flex-wrap gap-2">
            {tabs.into_iter().map(|(key, msg)| view! {
                <a href=if key.is_empty() { "/admin/catalog".to_owned() } else { format!("/admin/catalog?show={key}") }
                    aria-current=(list.show == key).then_some("page")
                    class="tap rounded border border-gray-400 px-3 py-1 aria-[current=page]:bg-red-800 aria-[current=page]:text-white">
                    {tr(msg)}
                </a>
            }).collect_view()}
        </nav>
        {list.rows.is_empty().then(|| view! { <p>{tr(Msg::NoEntries)}</p> })}
        <div class="overflow-x-auto" tabindex="0" role="region" aria-label=tr(Msg::CatalogAdmin)>
            <table class="w-full border-collapse bg-white text-left" data-testid="staff-entries">
                <thead><tr class="border-b border-gray-400">
                    <th scope="col" class="p-2">{tr(Msg::EntryTitle)}</th>
                    <th scope="col" class="p-2">{tr(Msg::EntryUnit)}</th>
                    <th scope="col" class="p-2">{tr(Msg::EntryStateLabel)}</th>
                    <th scope="col" class="p-2">{tr(Msg::EntryIndexNo)}</th>
                    <th scope="col" class="p-2">{tr(Msg::UpdatedAt)}</th>
                </tr></thead>
                <tbody>
                    {list.rows.into_iter().map(|r| view! {
                        <tr class="border-b border-gray-200">
                            <td class="p-2"><a href=format!("/admin/catalog/{}", r.id) class="text-red-900 underline">{r.title}</a></td>
                            <td class="p-2">{r.unit_name}</td>
                            <td class="p-2">{tr(r.state.msg())}{r.open.map(|o| view! { " · "{tr(o.msg())} })}</td>
                            <td class="p-2 font-mono text-sm">{r.index_no}</td>
                            <td class="p-2 text-sm">{r.updated_at}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The form of an entry's fields; `unit_choice` when the officer picks the unit (a new entry).
#[component]
fn EntryForm(entry: StaffEntry, values: EntryInput, action: ServerAction<SaveEntry>) -> impl IntoView {
    let prefs = use_prefs();
    let drafted = entry.draft.clone().map(|d| d.1).unwrap_or_default();
    let has_draft_errors = !drafted.is_empty();
    let drafted = StoredValue::new(drafted);
    let err = move |field: &'static str| {
        Signal::derive(move || match action.value().get() {
            Some(Err(e)) => e.for_field(field),
            Some(Ok(_)) => None,
            None => drafted.with_value(|d| d.iter().find(|e| e.0 == field).map(|e| e.1)),
        })
    };
    let form_alert = Signal::derive(move || match action.value().get() {
        Some(Err(e)) => e.form_level(),
        Some(Ok(_)) => None,
        None => has_draft_errors.then_some(Msg::FormHasErrors),
    });
    let today = time::Date::parse(&entry.today, &time::format_description::well_known::Iso8601::DATE).unwrap_or(time::macros::date!(2026 - 01 - 01));
    let check = move |field: &'static str| Callback::new(move |v: String| check_field(field, &v, today));
    let l = prefs.get_untracked().locale;
    let options = move |all: Vec<(&'static str, Msg)>| all.into_iter().map(|(v, m)| (v.to_owned(), m.text(l).to_owned())).collect::<Vec<_>>();
    let v = values;
    let or = |s: &str, d: &str| if s.is_empty() { d.to_owned() } else { s.to_owned() };
    view! {
        <ActionForm action attr:class="space-y-3" attr:novalidate="true" attr:data-testid="entry-form">
            <input type="hidden" name="id" value=entry.id.to_string()/>
            <input type="hidden" name="token" value=entry.token.clone()/>
            <FormAlert msg=form_alert/>
            {if entry.id == 0 {
                view! {
                    <SelectField name="unit_id" label=Msg::EntryUnit required=true
                        options=entry.draft_units.iter().map(|(id, n)| (id.to_string(), n.clone())).collect()
                        value=entry.unit_id.to_string() error=err("unit_id")/>
                }.into_any()
            } else {
                view! { <input type="hidden" name="unit_id" value=entry.unit_id.to_string()/> }.into_any()
            }}
            <Field name="title" label=Msg::EntryTitle required=true maxlength=MAX_TITLE value=v.title.clone() error=err("title") check=check("title")/>
            <Field name="summary" label=Msg::EntrySummary hint=Msg::SummaryHint multiline=true maxlength=MAX_ABSTRACT value=v.summary.clone() error=err("summary") check=check("summary")/>
            <div class="grid gap-3 sm:grid-cols-2">
                <Field name="keywords" label=Msg::EntryKeywords hint=Msg::KeywordsHint maxlength=MAX_KEYWORDS value=v.keywords.clone() error=err("keywords") check=check("keywords")/>
                <Field name="doc_no" label=Msg::EntryDocNo hint=Msg::DocNoHint maxlength=MAX_DOC_NO value=v.doc_no.clone() error=err("doc_no") check=check("doc_no")/>
                <Field name="written_on" label=Msg::EntryWrittenOn kind="date" required=true value=v.written_on.clone() error=err("written_on") check=check("written_on")/>
                <SelectField name="topic" label=Msg::EntryTopic required=true placeholder=Msg::ChooseOne
                    options=options(Topic::ALL.iter().map(|t| (t.as_str(), t.msg())).collect()) value=v.topic.clone() error=err("topic")/>
                <SelectField name="genre" label=Msg::EntryGenre required=true placeholder=Msg::ChooseOne
                    options=options(Genre::ALL.iter().map(|t| (t.as_str(), t.msg())).collect()) value=v.genre.clone() error=err("genre")/>
                <SelectField name="audience" label=Msg::EntryAudience required=true placeholder=Msg::ChooseOne
                    options=options(Audience::ALL.iter().map(|t| (t.as_str(), t.msg())).collect()) value=v.audience.clone() error=err("audience")/>
                <SelectField name="validity" label=Msg::EntryValidity required=true
                    options=options(Validity::ALL.iter().map(|t| (t.as_str(), t.msg())).collect()) value=or(&v.validity, "valid") error=err("validity")/>
                <Field name="successor" label=Msg::EntrySuccessor hint=Msg::SuccessorHint maxlength=60 value=v.successor.clone() error=err("successor")/>
                <SelectField name="disclosure" label=Msg::EntryDisclosure required=true
                    options=options(Disclosure::ALL.iter().map(|t| (t.as_str(), t.msg())).collect()) value=or(&v.disclosure, "proactive") error=err("disclosure")/>
            </div>
            <Field name="body" label=Msg::EntryBody hint=Msg::BodyHint multiline=true value=v.body.clone() error=err("body")/>
            <button type="submit" class=BUTTON disabled=move || action.pending().get() data-testid="save-entry">{tr(Msg::SaveDraft)}</button>
        </ActionForm>
    }
}

#[component]
pub fn NewEntryPage() -> impl IntoView {
    let query = use_query_map();
    let save = ServerAction::<SaveEntry>::new();
    let data = Resource::new(move || query.read().get("draft"), new_entry_form);
    view! {
        <Title text=crate::ui::title_text(Msg::NewEntry)/>
        <h1 class="mb-4 text-2xl font-bold">{tr(Msg::NewEntry)}</h1>
        {loaded(data, move |entry| {
            let values = entry.draft.clone().map(|d| d.0).unwrap_or_default();
            view! { <div class=CARD><EntryForm entry values action=save/></div> }
        })}
    }
}

#[component]
pub fn StaffEntryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let save = ServerAction::<SaveEntry>::new();
    let act = ServerAction::<ActOnEntry>::new();
    let id = move || params.read().get("id").and_then(|i| i.parse::<i64>().ok()).unwrap_or(0);
    let data = Resource::new(
        move || (id(), query.read().get("draft"), save.version().get(), act.version().get()),
        |(id, draft, _, _)| get_staff_entry(id, draft),
    );
    let saved = move || query.read().get("saved").is_some();
    view! {
        <Title text=crate::ui::title_text(Msg::CatalogAdmin)/>
        <p class="mb-2"><a href="/admin/catalog" class="text-red-900 underline">{tr(Msg::CatalogAdmin)}</a></p>
        {move || saved().then(|| view! { <p role="status" class="mb-3 rounded border border-green-700 bg-green-50 p-2">{tr(Msg::EntrySaved)}</p> })}
        {loaded(data, move |entry| view! { <StaffEntryView entry save act/> })}
    }
}

#[component]
fn StaffEntryView(entry: StaffEntry, save: ServerAction<SaveEntry>, act: ServerAction<ActOnEntry>) -> impl IntoView {
    let open = entry.open().cloned();
    let editable = entry.can_edit && open.as_ref().is_some_and(|r| r.state.editable());
    let values = entry.draft.clone().map(|d| d.0).or_else(|| open.as_ref().map(|r| r.input.clone())).unwrap_or_default();
    let act_error = Signal::derive(move || match act.value().get() {
        Some(Err(e)) => Some(e.message()),
        _ => None,
    });
    let id = entry.id;
    let state = entry.state;
    let heading = entry.title.clone();
    let action_form = move |action: &'static str, label: Msg, note: Option<(Msg, bool)>| {
        let note_id = format!("note-{action}");
        view! {
            <ActionForm action=act attr:class="space-y-2 rounded border border-gray-300 p-3" attr:data-action=action>
                <input type="hidden" name="id" value=id.to_string()/>
                <input type="hidden" name="action" value=action/>
                {note.map(|(msg, required)| view! {
                    <label for=note_id.clone() class="block font-medium">{tr(msg)}{required.then_some(" *")}</label>
                    <textarea id=note_id.clone() name="note" rows="3" maxlength=MAX_REASON required=required
                        class="tap block w-full rounded border border-gray-500 bg-white px-3 py-2"></textarea>
                })}
                <button type="submit" class=BUTTON disabled=move || act.pending().get()>{tr(label)}</button>
            </ActionForm>
        }
        .into_any()
    };
    let open_state = open.as_ref().map(|r| r.state);
    let can_submit = editable;
    let can_review = entry.can_review && open_state == Some(RevisionState::Pending);
    let can_revise = entry.can_edit && state == EntryState::Published && open.is_none();
    let can_withdraw = entry.can_review && state == EntryState::Published;
    let main = if editable {
        view! { <section class=CARD><EntryForm entry=entry.clone() values action=save/></section> }.into_any()
    } else {
        open.clone().or_else(|| entry.revisions.first().cloned()).map(|r| view! { <RevisionText r/> }.into_any()).unwrap_or_else(|| ().into_any())
    };
    let shown_files = open.clone().or_else(|| entry.revisions.first().cloned()).map(|r| r.files).unwrap_or_default();
    let files = view! { <StaffFiles id files=shown_files editable/> }.into_any();
    let revisions = view! { <Revisions revisions=entry.revisions.clone()/> }.into_any();
    let actions = view! {
        {can_submit.then(|| action_form("submit", Msg::SubmitForReview, None))}
        {can_review.then(|| action_form("approve", Msg::ApproveAndPublish, None))}
        {can_review.then(|| action_form("return", Msg::ReturnToOfficer, Some((Msg::ReviewNote, true))))}
        {can_revise.then(|| action_form("revise", Msg::StartRevision, None))}
        {can_withdraw.then(|| action_form("withdraw", Msg::WithdrawEntry, Some((Msg::WithdrawReason, true))))}
    }
    .into_any();
    let history = view! { <History entry=entry.clone()/> }.into_any();
    let returned_note = open.clone().filter(|r| r.state == RevisionState::Returned && !r.review_note.is_empty()).map(|r| {
        view! {
            <p role="status" class="mb-3 rounded border border-amber-700 bg-amber-50 p-3" data-testid="review-note">
                {tr(Msg::ReturnedWithNote)}" "{r.review_note}
            </p>
        }
        .into_any()
    });
    let state_line = view! {
        <p class="mb-4 text-gray-700" data-testid="staff-entry-state">
            {entry.unit_name.clone()}" · "{tr(state.msg())}
            {open_state.map(|s| view! { " · "{tr(Msg::OpenRevision)}" "{tr(s.msg())} })}
            {(!entry.index_no.is_empty()).then(|| view! { " · "<a href=format!("/catalog/{id}") class="text-red-900 underline">{entry.index_no.clone()}</a> })}
        </p>
    }
    .into_any();
    view! {
        <h1 class="mb-1 text-2xl font-bold" data-testid="staff-entry-title">{heading}</h1>
        {state_line}
        {returned_note}
        <p role="alert" class="mb-3 font-medium text-red-800">{move || act_error.get().map(tr)}</p>
        <div class="grid gap-4 lg:grid-cols-[1fr_20rem]">
            <div class="space-y-4">{main}{files}{revisions}</div>
            <aside class="space-y-3" aria-label=tr(Msg::EntryActions)>{actions}{history}</aside>
        </div>
    }
}

/// A revision's fields, read-only.
#[component]
fn RevisionText(r: RevisionView) -> impl IntoView {
    let i = r.input;
    let rows = [
        (Msg::EntryTitle, i.title),
        (Msg::EntrySummary, i.summary),
        (Msg::EntryKeywords, i.keywords),
        (Msg::EntryDocNo, i.doc_no),
        (Msg::EntryWrittenOn, i.written_on),
        (Msg::EntryTopic, i.topic),
        (Msg::EntryGenre, i.genre),
        (Msg::EntryAudience, i.audience),
        (Msg::EntryValidity, i.validity),
        (Msg::EntrySuccessor, i.successor),
        (Msg::EntryDisclosure, i.disclosure),
    ];
    view! {
        <section class=CARD data-testid="revision-text">
            <h2 class="mb-2 font-bold">{tr(Msg::RevisionLabel)}" "{r.number}" · "{tr(r.state.msg())}</h2>
            <dl>
                {rows.into_iter().map(|(m, v)| view! {
                    <div class="grid grid-cols-[7rem_1fr] gap-2 py-0.5"><dt class="text-gray-700">{tr(m)}</dt><dd class="break-words">{v}</dd></div>
                }).collect_view()}
            </dl>
            <div class="entry-body mt-3 space-y-2 border-t border-gray-200 pt-3" inner_html=i.body></div>
        </section>
    }
}

/// Every revision, each compared with the one before it.
#[component]
fn Revisions(revisions: Vec<RevisionView>) -> impl IntoView {
    let pairs: Vec<(RevisionView, Option<RevisionView>)> =
        revisions.iter().enumerate().map(|(i, r)| (r.clone(), revisions.get(i + 1).cloned())).collect();
    view! {
        <section class=CARD aria-labelledby="revisions-heading">
            <h2 id="revisions-heading" class="mb-2 font-bold">{tr(Msg::Revisions)}</h2>
            <ul class="space-y-2" data-testid="revisions">
                {pairs.into_iter().map(|(r, before)| {
                    let diff = before.as_ref().map(|b| revision_changes(b, &r)).unwrap_or_default();
                    view! {
                        <li>
                            <details>
                                <summary class="tap cursor-pointer">
                                    {tr(Msg::RevisionLabel)}" "{r.number}" · "{tr(r.state.msg())}" · "{r.author.clone()}" · "{r.updated_at.clone()}
                                </summary>
                                {before.is_some().then(|| view! {
                                    <table class="mt-2 w-full table-fixed border-collapse text-sm" data-testid="revision-diff">
                                        <thead><tr>
                                            <th scope="col" class="w-24 p-1 text-left">{tr(Msg::Field)}</th>
                                            <th scope="col" class="p-1 text-left">{tr(Msg::Before)}</th>
                                            <th scope="col" class="p-1 text-left">{tr(Msg::After)}</th>
                                        </tr></thead>
                                        <tbody>
                                            {diff.iter().map(|c| view! {
                                                <tr class="border-t border-gray-200 align-top">
                                                    <th scope="row" class="p-1 text-left font-medium">{tr(c.field)}</th>
                                                    <td class="break-words bg-red-50 p-1"><del>{c.before.clone()}</del></td>
                                                    <td class="break-words bg-green-50 p-1"><ins>{c.after.clone()}</ins></td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                    {diff.is_empty().then(|| view! { <p class="text-sm">{tr(Msg::NoChanges)}</p> })}
                                }.into_any())}
                            </details>
                        </li>
                    }
                    .into_any()
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The attachments of the revision shown; on a draft, with forms to remove and add files.
#[component]
fn StaffFiles(id: i64, files: Vec<AttachmentView>, editable: bool) -> impl IntoView {
    let list = files
        .into_iter()
        .map(|f| {
            let label = format!("{} {}", tr(Msg::RemoveFile), f.name);
            view! {
                <li class="flex flex-wrap items-center gap-2">
                    <a href=format!("/admin/catalog/{id}/files/{}", f.id) class="text-red-900 underline" download>{f.name.clone()}</a>
                    <span class="text-sm text-gray-700">{human_size(f.size)}</span>
                    {editable.then(|| view! {
                        <form method="post" action=format!("/admin/catalog/{id}/files/{}/remove", f.id)>
                            <button type="submit" class="tap rounded border border-gray-500 px-2 text-sm" aria-label=label>{tr(Msg::RemoveFile)}</button>
                        </form>
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class=CARD aria-labelledby="files-heading">
            <h2 id="files-heading" class="mb-2 font-bold">{tr(Msg::Attachments)}</h2>
            <ul class="mb-3 space-y-1" data-testid="staff-files">{list}</ul>
            {editable.then(|| view! { <UploadForm action=format!("/admin/catalog/{id}/files") hidden=vec![] catalog=true/> })}
        </section>
    }
}

#[component]
fn History(entry: StaffEntry) -> impl IntoView {
    view! {
        <section class=CARD aria-labelledby="history-heading">
            <h2 id="history-heading" class="mb-2 font-bold">{tr(Msg::History)}</h2>
            <ol class="space-y-2 text-sm" data-testid="entry-history">
                {entry.history.into_iter().map(|h| view! {
                    <li>
                        <span class="font-medium">{tr(h.action.msg())}</span>
                        {h.revision.map(|n| view! { " ("{tr(Msg::RevisionLabel)}" "{n}")" })}
                        <br/><span class="text-gray-700">{h.actor}" · "{h.at}</span>
                        {(!h.note.is_empty()).then(|| view! { <br/><span>{h.note}</span> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// Administrators write each unit's guide to disclosure.
#[component]
pub fn GuidesAdminPage() -> impl IntoView {
    let query = use_query_map();
    let save = ServerAction::<SaveGuide>::new();
    let unit = move || query.read().get("unit").and_then(|u| u.parse::<i64>().ok());
    let guide = Resource::new(move || (unit(), save.version().get()), |(u, _)| async move {
        match u {
            Some(u) => get_guide(u).await.map(Some),
            None => Ok(None),
        }
    });
    view! {
        <Title text=crate::ui::title_text(Msg::UnitGuides)/>
        <h1 class="mb-4 text-2xl font-bold">{tr(Msg::UnitGuides)}</h1>
        <form method="get" action="/admin/guides" class="mb-4 flex flex-wrap items-end gap-2">
            <div>
                <label for="guide-unit" class="block font-medium">{tr(Msg::EntryUnit)}</label>
                <GuideUnitSelect current=unit()/>
            </div>
            <button type="submit" class=SECONDARY>{tr(Msg::Open)}</button>
        </form>
        {loaded(guide, move |g| g.map(|g| view! {
            <ActionForm action=save attr:class="space-y-2">
                <input type="hidden" name="unit" value=g.unit_id.to_string()/>
                <label for="guide-body" class="block font-medium">{g.unit_name.clone()}" · "{tr(Msg::UnitGuide)}</label>
                <p class="text-sm text-gray-700">{tr(Msg::BodyHint)}</p>
                <textarea id="guide-body" name="body" rows="16" class="tap block w-full rounded border border-gray-500 bg-white px-3 py-2">{g.body.clone()}</textarea>
                <button type="submit" class=BUTTON>{tr(Msg::Save)}</button>
            </ActionForm>
        }))}
    }
}

#[component]
fn GuideUnitSelect(current: Option<i64>) -> impl IntoView {
    let units = Resource::new(|| (), |_| super::api::get_catalog(None, None, None, None, None, None, None));
    view! {
        {loaded(units, move |page| view! {
            <select id="guide-unit" name="unit" class="tap block rounded border border-gray-500 bg-white px-3 py-2">
                {page.units.into_iter().map(|u| view! {
                    <option value=u.id.to_string() selected=current == Some(u.id)>{if u.depth > 0 { "　└ " } else { "" }}{u.name}</option>
                }).collect_view()}
            </select>
        })}
    }
}

/// The import form: a plain multipart post, so it works without JavaScript.
#[component]
pub fn ImportPage() -> impl IntoView {
    let query = use_query_map();
    let error = move || match query.read().get("error").as_deref() {
        Some("size") => Some(Msg::ImportErrorSize),
        Some("missing") => Some(Msg::FileErrorMissing),
        Some("rows") => Some(Msg::ImportErrorRows),
        _ => None,
    };
    view! {
        <Title text=crate::ui::title_text(Msg::ImportTitle)/>
        <h1 class="mb-2 text-2xl font-bold">{tr(Msg::ImportTitle)}</h1>
        <p class="mb-4 max-w-3xl">{tr(Msg::ImportLead)}</p>
        <p class="mb-4 break-words rounded bg-gray-100 p-2 font-mono text-sm">{super::COLUMNS_LINE}</p>
        <form method="post" action="/admin/catalog/import/upload" enctype="multipart/form-data" class="space-y-3">
            <label for="import-file" class="block font-medium">{tr(Msg::ImportFileLabel)}</label>
            <input id="import-file" name="file" type="file" accept=".csv,text/csv" required
                aria-describedby="import-error" class="tap block rounded border border-gray-500 bg-white px-3 py-2"/>
            <p id="import-error" role="alert" class="text-sm font-medium text-red-800">{move || error().map(tr)}</p>
            <button type="submit" class=BUTTON data-testid="start-import">{tr(Msg::ImportStart)}</button>
        </form>
    }
}

/// An import's progress, then its report. Without JavaScript the page refreshes itself while the
/// import runs; with it, the figures are fetched every second.
#[component]
pub fn ImportProgressPage() -> impl IntoView {
    let params = use_params_map();
    let tick = RwSignal::new(0u32);
    let id = move || params.read().get("id").and_then(|i| i.parse::<i64>().ok()).unwrap_or(0);
    let data = Resource::new(move || (id(), tick.get()), |(id, _)| import_status(id));
    #[cfg(feature = "hydrate")]
    {
        let handle = set_interval_with_handle(move || tick.update(|t| *t += 1), std::time::Duration::from_secs(1)).ok();
        on_cleanup(move || {
            if let Some(h) = handle {
                h.clear();
            }
        });
    }
    view! {
        <Title text=crate::ui::title_text(Msg::ImportTitle)/>
        <h1 class="mb-4 text-2xl font-bold">{tr(Msg::ImportTitle)}</h1>
        {loaded(data, |v| view! { <ImportReport v/> })}
    }
}

#[component]
fn ImportReport(v: ImportView) -> impl IntoView {
    let prefs = use_prefs();
    let (done, total, imported, rejected_n) = (v.done, v.total, v.imported, v.rejected.len());
    let figures = move || {
        Msg::ImportProgress
            .text(prefs.get().locale)
            .replace("{done}", &done.to_string())
            .replace("{total}", &total.to_string())
            .replace("{imported}", &imported.to_string())
            .replace("{rejected}", &rejected_n.to_string())
    };
    view! {
        // Only for readers without JavaScript: a refresh the browser has scheduled cannot be
        // called off, so with JavaScript (which fetches the figures itself) it would reload the
        // page under the reader. With scripting on, a `noscript`'s content is text.
        {(!v.finished).then(|| view! { <noscript inner_html=r#"<meta http-equiv="refresh" content="2">"#></noscript> })}
        <p class="mb-2 font-medium">{v.file_name.clone()}</p>
        <progress class="mb-2 h-4 w-full max-w-xl" max=total.max(1).to_string() value=done.to_string() aria-label=tr(Msg::ImportTitle)></progress>
        <p role="status" data-testid="import-figures">{figures}" "{if v.finished { tr(Msg::ImportFinished) } else { "…" }}</p>
        {(v.finished && v.rejected.is_empty()).then(|| view! { <p>{tr(Msg::ImportNoRejects)}</p> })}
        {(!v.rejected.is_empty()).then(|| view! {
            <h2 class="mb-2 mt-4 text-lg font-bold">{tr(Msg::ImportRejected)}</h2>
            <div class="overflow-x-auto" tabindex="0" role="region" aria-label=tr(Msg::ImportRejected)>
                <table class="w-full border-collapse bg-white text-left" data-testid="import-rejected">
                    <thead><tr class="border-b border-gray-400">
                        <th scope="col" class="p-2">{tr(Msg::ImportLine)}</th>
                        <th scope="col" class="p-2">{tr(Msg::EntryTitle)}</th>
                        <th scope="col" class="p-2">{tr(Msg::ImportProblems)}</th>
                    </tr></thead>
                    <tbody>
                        {v.rejected.into_iter().map(|r| view! {
                            <tr class="border-b border-gray-200 align-top">
                                <td class="p-2 tabular-nums">{r.line}</td>
                                <td class="p-2">{r.title}</td>
                                <td class="p-2"><ul>{r.problems.into_iter().map(|(col, m)| view! {
                                    <li>{(!col.is_empty()).then(|| format!("{col}："))}{tr(m)}</li>
                                }).collect_view()}</ul></td>
                            </tr>
                        }.into_any()).collect_view()}
                    </tbody>
                </table>
            </div>
        }.into_any())}
        <p class="mt-4"><a href="/admin/catalog" class="text-red-900 underline">{tr(Msg::CatalogAdmin)}</a></p>
    }
}
