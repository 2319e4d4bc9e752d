//! Hotline pages: the public letters and statistics, the writing form and receipt, the letter on
//! the lookup page with the writer's rating, and the desk's and units' pages.

use super::api::{LetterAct, RateLetter, WriteLetter, get_letter_form, get_letter_receipt, letter_detail, get_letter_queue, letter_stats, get_public_letters};
use super::{LetterForm, LetterQueue, LetterReceipt, LetterRow, LetterView, PublicLetters, RouteStatus, StatsPage};
use crate::apply::pages::{Materials, load_error, loaded};
use crate::cases::pages::UrgencyCard;
use crate::domain::letter::{LetterStatus, LetterStep, LetterType, MAX_EXTENSION_DAYS, Satisfaction, tenths};
use crate::domain::rating::percent;
use crate::i18n::Msg;
use crate::ui::chart::{Bar, BarChart};
use crate::ui::form::{Field, FormAlert, RadioField, SelectField};
use crate::ui::layout::PageHeading;
use crate::ui::{tr, use_prefs};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

const CARD: &str = "mb-5 rounded-lg border border-gray-300 bg-white p-4";
const BUTTON: &str = "tap inline-flex items-center justify-center rounded bg-red-800 px-5 py-3 text-lg font-bold text-white hover:bg-red-900 disabled:opacity-60";
const SMALL_BUTTON: &str = "tap rounded bg-red-800 px-4 py-2 font-bold text-white hover:bg-red-900 disabled:opacity-60";
const LINK_BUTTON: &str = "tap inline-flex items-center rounded border border-gray-500 bg-white px-4 py-2 font-medium hover:bg-gray-100";
const INPUT: &str = "tap block w-full rounded border border-gray-500 bg-white px-3 py-2";
const ROW: &str = "grid grid-cols-[7rem_1fr] gap-2 border-b border-gray-200 py-2 sm:grid-cols-[9rem_1fr]";

fn title(msg: Msg) -> impl IntoView {
    view! { <Title text=crate::ui::title_text(msg)/> }
}

/// `/hotline`: what the hotline is, the way to write, and the published letters.
#[component]
pub fn HotlinePage() -> impl IntoView {
    let query = use_query_map();
    let args = move || {
        let q = query.read();
        (q.get("q"), q.get("type"), q.get("unit"), q.get("page"))
    };
    let data = Resource::new(args, |(q, t, u, p)| get_public_letters(q, t, u, p));
    view! {
        {title(Msg::HotlineTitle)}
        <div class="mx-auto max-w-4xl px-4 py-6">
            <PageHeading title=Msg::HotlineTitle lead=Msg::HotlineDesc/>
            <div class="mb-5 flex flex-wrap gap-3">
                <a href="/hotline/write" class=BUTTON data-testid="write-letter">{tr(Msg::WriteLetter)}</a>
                <a href="/lookup" class=LINK_BUTTON>{tr(Msg::LookupTitle)}</a>
                <a href="/hotline/stats" class=LINK_BUTTON>{tr(Msg::LetterStatsTitle)}</a>
            </div>
            <p class="mb-5 text-gray-800">{tr(Msg::HotlineLimitsNote)}</p>
            {loaded(data, |list| view! { <PublicList list/> })}
        </div>
    }
}

fn type_options(l: crate::domain::Locale) -> Vec<(String, String)> {
    LetterType::ALL.iter().map(|t| (t.as_str().to_owned(), t.msg().text(l).to_owned())).collect()
}

#[component]
fn PublicList(list: PublicLetters) -> impl IntoView {
    let prefs = use_prefs();
    let l = prefs.get_untracked().locale;
    let PublicLetters { letters, total, page, pages, q, letter_type, unit, units } = list;
    let link = {
        let q = q.clone();
        move |p: i64| {
            let mut s = format!("/hotline?page={p}");
            if !q.is_empty() {
                s.push_str(&format!("&q={}", urlencoding::encode(&q)));
            }
            if let Some(t) = letter_type {
                s.push_str(&format!("&type={}", t.as_str()));
            }
            if let Some(u) = unit {
                s.push_str(&format!("&unit={u}"));
            }
            s
        }
    };
    let empty = letters.is_empty();
    view! {
        <section aria-labelledby="public-heading">
            <h2 id="public-heading" class="mb-3 text-xl font-bold">{tr(Msg::PublicLetters)}</h2>
            <form method="get" action="/hotline" class="mb-4 grid gap-3 rounded-lg border border-gray-300 bg-white p-4 sm:grid-cols-4" role="search">
                <div class="sm:col-span-2">
                    <label for="h-q" class="block font-medium">{tr(Msg::SearchLetters)}</label>
                    <input id="h-q" name="q" type="search" value=q.clone() maxlength="50" class=INPUT/>
                </div>
                <div>
                    <label for="h-type" class="block font-medium">{tr(Msg::LetterTypeLabel)}</label>
                    <select id="h-type" name="type" class=INPUT>
                        <option value="">{tr(Msg::AllTypes)}</option>
                        {type_options(l).into_iter().map(|(v, text)| {
                            let sel = letter_type.map(|t| t.as_str()) == Some(v.as_str());
                            view! { <option value=v selected=sel>{text}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div>
                    <label for="h-unit" class="block font-medium">{tr(Msg::ReplyingUnit)}</label>
                    <select id="h-unit" name="unit" class=INPUT>
                        <option value="">{tr(Msg::AllReplyingUnits)}</option>
                        {units.into_iter().map(|(id, name)| view! { <option value=id.to_string() selected=unit == Some(id)>{name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="sm:col-span-4"><button type="submit" class=SMALL_BUTTON>{tr(Msg::Search)}</button></div>
            </form>
            <p class="mb-3" data-testid="public-total">{move || tr(Msg::LettersFound)}": "<strong>{total}</strong></p>
            {empty.then(|| view! { <p>{tr(Msg::NoPublicLetters)}</p> })}
            <ol class="space-y-4" data-testid="public-letters">
                {letters.into_iter().map(|pl| view! {
                    <li class="rounded-lg border border-gray-300 bg-white p-4" data-testid="public-letter">
                        <h3 class="mb-1 text-lg font-bold break-words">{pl.subject.clone()}</h3>
                        <p class="mb-2 text-sm text-gray-700">
                            {tr(pl.letter_type.msg())}" · "{tr(Msg::ReceivedOn)}" "{pl.filed_on.clone()}" · "{tr(Msg::AnsweredOn)}" "{pl.answered_on.clone()}
                            {pl.satisfaction.map(|s| view! { " · "{tr(s.msg())} })}
                        </p>
                        <p class="mb-3 whitespace-pre-line break-words">{pl.content.clone()}</p>
                        {pl.replies.into_iter().map(|(unit, reply, on)| view! {
                            <div class="mb-2 border-l-4 border-red-800 bg-gray-50 p-3">
                                <p class="font-bold">{unit}" "<span class="font-normal text-sm text-gray-700">{on}</span></p>
                                <p class="whitespace-pre-line break-words" data-testid="public-reply">{reply}</p>
                            </div>
                        }).collect_view()}
                    </li>
                }).collect_view()}
            </ol>
            {(pages > 1).then(|| view! {
                <nav class="mt-4 flex flex-wrap items-center gap-3" aria-label=tr(Msg::Pagination)>
                    {(page > 1).then(|| view! { <a href=link(page - 1) class=LINK_BUTTON rel="prev">{tr(Msg::PrevPage)}</a> })}
                    <span>{page}" / "{pages}</span>
                    {(page < pages).then(|| view! { <a href=link(page + 1) class=LINK_BUTTON rel="next">{tr(Msg::NextPage)}</a> })}
                </nav>
            })}
        </section>
    }
}

/// `/hotline/write`: the letter form. Without JavaScript a refused post comes back with `?draft=`.
#[component]
pub fn WriteLetterPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(move || query.read().get("draft"), get_letter_form);
    let action = ServerAction::<WriteLetter>::new();
    view! {
        {title(Msg::WriteLetter)}
        <div class="mx-auto max-w-3xl px-4 py-6">
            <PageHeading title=Msg::WriteLetter lead=Msg::WriteLetterLead/>
            {loaded(data, move |form| view! { <WriteForm form action/> })}
        </div>
    }
}

#[component]
fn WriteForm(form: LetterForm, action: ServerAction<WriteLetter>) -> impl IntoView {
    let prefs = use_prefs();
    let l = prefs.get_untracked().locale;
    let has_draft_errors = !form.errors.is_empty();
    let draft = StoredValue::new(form.errors.clone());
    let err = move |field: &'static str| {
        Signal::derive(move || match action.value().get() {
            Some(Err(e)) => e.for_field(field),
            Some(Ok(_)) => None,
            None => draft.with_value(|d| d.iter().find(|e| e.0 == field).map(|e| e.1)),
        })
    };
    let alert = Signal::derive(move || match action.value().get() {
        Some(Err(e)) => e.form_level().or(Some(Msg::FormHasErrors)),
        Some(Ok(_)) => None,
        None => has_draft_errors.then_some(Msg::FormHasErrors),
    });
    let v = form.values.clone();
    let mut addressees = vec![("mayor".to_owned(), Msg::MayorMailbox.text(l).to_owned())];
    addressees.extend(form.units.iter().filter(|u| u.depth == 0).map(|u| (u.id.to_string(), format!("{}{}", u.name, Msg::LeaderMailboxSuffix.text(l)))));
    let public_checked = v.public_ok == "1" || v.public_ok == "on";
    view! {
        <ActionForm action attr:class="space-y-5" attr:novalidate="true">
            <input type="hidden" name="token" value=form.token.clone()/>
            <FormAlert msg=alert/>
            <fieldset class=CARD>
                <legend class="px-1 text-lg font-bold">{tr(Msg::LetterSection)}</legend>
                <div class="space-y-3">
                    <RadioField name="letter_type" label=Msg::LetterTypeLabel
                        options=LetterType::ALL.iter().map(|t| (t.as_str(), t.msg())).collect()
                        value=v.letter_type.clone() error=err("letter_type")/>
                    <SelectField name="addressee" label=Msg::AddresseeLabel required=true options=addressees
                        value=v.addressee.clone() error=err("addressee")/>
                    <Field name="subject" label=Msg::LetterSubjectLabel required=true maxlength=100 value=v.subject.clone() error=err("subject")/>
                    <Field name="content" label=Msg::LetterContentLabel hint=Msg::LetterContentHint required=true multiline=true maxlength=3000
                        value=v.content.clone() error=err("content")/>
                    <Field name="location" label=Msg::LocationLabel hint=Msg::LocationHint maxlength=200 value=v.location.clone() error=err("location")/>
                </div>
            </fieldset>
            <fieldset class=CARD>
                <legend class="px-1 text-lg font-bold">{tr(Msg::WriterSection)}</legend>
                <div class="space-y-3">
                    <Field name="name" label=Msg::WriterNameLabel required=true autocomplete="name" maxlength=50 value=v.name.clone() error=err("name")/>
                    <Field name="phone" label=Msg::PhoneLabel required=true kind="tel" autocomplete="tel" inputmode="tel" maxlength=30
                        value=v.phone.clone() error=err("phone")/>
                    <Field name="email" label=Msg::EmailLabel kind="email" autocomplete="email" maxlength=254 value=v.email.clone() error=err("email")/>
                    <div class="flex items-start gap-3">
                        <input id="f-public_ok" name="public_ok" type="checkbox" value="1" checked=public_checked class="mt-1 h-6 w-6 shrink-0"/>
                        <label for="f-public_ok">{tr(Msg::PublicOkLabel)}</label>
                    </div>
                </div>
            </fieldset>
            <Materials files=form.files.clone() action="/hotline/files" legend=Msg::LetterAttachments hint=Msg::LetterAttachmentsHint/>
            <p class="text-sm text-gray-700">{tr(Msg::LetterPrivacyNotice)}</p>
            <button type="submit" class=BUTTON disabled=move || action.pending().get() data-testid="submit-letter">
                {move || if action.pending().get() { tr(Msg::Submitting) } else { tr(Msg::SendLetter) }}
            </button>
        </ActionForm>
    }
}

/// `/hotline/receipt/:tracking`: 受理编号 and 查询密码, printable; only in the browser that wrote it.
#[component]
pub fn LetterReceiptPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(move || params.read().get("tracking").unwrap_or_default(), get_letter_receipt);
    view! {
        {title(Msg::LetterReceiptTitle)}
        <div class="mx-auto max-w-3xl px-4 py-6">
            <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
                {crate::ui::suspend(move || async move {
                    match data.await {
                        Ok(r) => view! { <Receipt r/> }.into_any(),
                        Err(_) => view! {
                            <PageHeading title=Msg::LetterReceiptTitle/>
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
fn Receipt(r: LetterReceipt) -> impl IntoView {
    view! {
        <article class="receipt rounded-lg border-2 border-gray-800 bg-white p-5" aria-labelledby="receipt-heading" data-testid="receipt">
            <h1 id="receipt-heading" class="mb-1 text-center text-2xl font-bold">{tr(Msg::LetterReceiptTitle)}</h1>
            <p class="mb-4 text-center text-gray-700">{tr(Msg::LetterReceiptLead)}</p>
            <div class="flex flex-col gap-4 sm:flex-row-reverse sm:items-start">
                <figure class="mx-auto w-44 shrink-0 text-center">
                    <div class="qr" inner_html=r.qr_svg.clone() role="img" aria-label=tr(Msg::QrLabel)></div>
                    <figcaption class="text-sm text-gray-700">{tr(Msg::QrCaption)}</figcaption>
                </figure>
                <dl class="min-w-0 flex-1">
                    <div class=ROW><dt class="font-medium">{tr(Msg::LetterNumber)}</dt>
                        <dd class="font-mono text-xl font-bold tracking-wider" data-testid="tracking">{r.tracking.clone()}</dd></div>
                    <div class=ROW><dt class="font-medium">{tr(Msg::LetterPassword)}</dt>
                        <dd class="font-mono text-xl font-bold tracking-wider" data-testid="query-code">{r.query_code.clone()}</dd></div>
                    <div class=ROW><dt class="font-medium">{tr(Msg::LetterTypeLabel)}</dt><dd>{tr(r.letter_type.msg())}</dd></div>
                    <div class=ROW><dt class="font-medium">{tr(Msg::AddresseeLabel)}</dt>
                        <dd>{if r.addressee.is_empty() { tr(Msg::MayorMailbox).to_owned() } else { r.addressee.clone() }}</dd></div>
                    <div class=ROW><dt class="font-medium">{tr(Msg::LetterSubjectLabel)}</dt><dd class="break-words">{r.subject.clone()}</dd></div>
                    <div class=ROW><dt class="font-medium">{tr(Msg::ReceivedOn)}</dt><dd data-testid="filed-on">{r.filed_on.clone()}</dd></div>
                    <div class=ROW><dt class="font-medium">{tr(Msg::DueOn)}</dt><dd data-testid="due-on">{r.due_on.clone()}</dd></div>
                    <div class=ROW><dt class="font-medium">{tr(Msg::PublicationLabel)}</dt>
                        <dd>{tr(if r.public_ok { Msg::PublicYes } else { Msg::PublicNo })}</dd></div>
                </dl>
            </div>
            <p class="mt-4 rounded bg-yellow-50 p-3 font-medium text-yellow-900">{tr(Msg::KeepCodeSecret)}</p>
            <p class="mt-2 break-all text-sm">{tr(Msg::LookupLinkLabel)}": "<a href=r.lookup_url.clone() class="text-red-900 underline" data-testid="lookup-link">{r.lookup_url.clone()}</a></p>
        </article>
        <div class="no-print mt-4 flex flex-wrap gap-3">
            <crate::ui::form::PrintButton class=LINK_BUTTON/>
            <a href=r.lookup_url.clone() class=LINK_BUTTON>{tr(Msg::GoToLookup)}</a>
        </div>
    }
}

fn step_text(e: &super::LetterEvent, l: crate::domain::Locale) -> String {
    let mut s = e.step.msg().text(l).to_owned();
    if let Some(u) = &e.unit {
        s.push_str(&format!("（{u}）"));
    }
    s
}

fn event_note(e: &super::LetterEvent, l: crate::domain::Locale) -> String {
    match e.step {
        LetterStep::Rated => {
            let (level, rest) = e.note.split_once(": ").unwrap_or((&e.note, ""));
            let level = Satisfaction::parse(level).map(|s| s.msg().text(l).to_owned()).unwrap_or_else(|| level.to_owned());
            if rest.is_empty() { level } else { format!("{level}：{rest}") }
        }
        LetterStep::Extended => format!("{} {}", e.note, Msg::WorkingDays.text(l)),
        _ => e.note.clone(),
    }
}

/// The letter's facts, replies and timeline, for the writer and for staff.
#[component]
pub fn LetterFacts(letter: LetterView) -> impl IntoView {
    let prefs = use_prefs();
    let replies: Vec<_> = letter.routes.iter().filter(|r| r.status == RouteStatus::Answered).cloned().collect();
    let timeline = letter.timeline.clone();
    view! {
        <section aria-labelledby="letter-heading" class=CARD data-testid="letter-facts">
            <h2 id="letter-heading" class="mb-2 flex flex-wrap items-center gap-2 text-lg font-bold">
                {tr(Msg::LetterFactsTitle)} <UrgencyCard urgency=letter.urgency/>
            </h2>
            <dl>
                <div class=ROW><dt class="font-medium">{tr(Msg::LetterNumber)}</dt><dd class="font-mono" data-testid="tracking">{letter.tracking.clone()}</dd></div>
                <div class=ROW><dt class="font-medium">{tr(Msg::StatusLabel)}</dt><dd data-testid="letter-status">{tr(letter.status.msg())}</dd></div>
                <div class=ROW><dt class="font-medium">{tr(Msg::LetterTypeLabel)}</dt><dd>{tr(letter.letter_type.msg())}
                    {letter.urgent.then(|| view! { " · "<strong>{tr(Msg::Urgent)}</strong> })}</dd></div>
                <div class=ROW><dt class="font-medium">{tr(Msg::AddresseeLabel)}</dt>
                    <dd>{if letter.addressee.is_empty() { tr(Msg::MayorMailbox).to_owned() } else { letter.addressee.clone() }}</dd></div>
                <div class=ROW><dt class="font-medium">{tr(Msg::LetterSubjectLabel)}</dt><dd class="break-words">{letter.subject.clone()}</dd></div>
                <div class=ROW><dt class="font-medium">{tr(Msg::LetterContentLabel)}</dt><dd class="whitespace-pre-line break-words">{letter.content.clone()}</dd></div>
                {(!letter.location.is_empty()).then(|| view! {
                    <div class=ROW><dt class="font-medium">{tr(Msg::LocationLabel)}</dt><dd>{letter.location.clone()}</dd></div>
                })}
                <div class=ROW><dt class="font-medium">{tr(Msg::WriterNameLabel)}</dt><dd>{letter.writer_name.clone()}" · "{letter.phone.clone()}
                    {(!letter.email.is_empty()).then(|| view! { " · "{letter.email.clone()} })}</dd></div>
                <div class=ROW><dt class="font-medium">{tr(Msg::PublicationLabel)}</dt>
                    <dd>{tr(if letter.public_ok { Msg::PublicYes } else { Msg::PublicNo })}</dd></div>
                <div class=ROW><dt class="font-medium">{tr(Msg::ReceivedOn)}</dt><dd data-testid="filed-on">{letter.filed_on.clone()}</dd></div>
                <div class=ROW><dt class="font-medium">{tr(Msg::DueOn)}</dt><dd data-testid="due-on">{letter.due_on.clone()}</dd></div>
                {letter.routes.iter().filter(|r| r.status != RouteStatus::Returned).map(|r| view! {
                    <div class=ROW><dt class="font-medium">{tr(Msg::HandlingUnit)}</dt>
                        <dd data-testid="route">{r.unit_name.clone()}" · "{tr(r.status.msg())}" · "{tr(Msg::DueOn)}" "{r.due_on.clone()}" "<UrgencyCard urgency=r.urgency/></dd></div>
                }).collect_view()}
                {letter.merged_into.clone().map(|t| view! {
                    <div class=ROW><dt class="font-medium">{tr(Msg::MergedInto)}</dt><dd class="font-mono">{t}</dd></div>
                })}
                {(!letter.files.is_empty()).then(|| view! {
                    <div class=ROW><dt class="font-medium">{tr(Msg::LetterAttachments)}</dt>
                        <dd><ul data-testid="letter-files">{letter.files.iter().map(|f| view! {
                            <li><a href=format!("/admin/letters/{}/files/{}", letter.id, f.id) class="text-red-900 underline">{f.name.clone()}</a>
                                " "<span class="text-sm text-gray-700">{crate::catalog::human_size(f.size)}</span></li>
                        }).collect_view()}</ul></dd></div>
                })}
            </dl>
        </section>
        {(!replies.is_empty()).then(|| view! {
            <section aria-labelledby="replies-heading" class=CARD>
                <h2 id="replies-heading" class="mb-2 text-lg font-bold">{tr(Msg::Replies)}</h2>
                {replies.into_iter().map(|r| view! {
                    <div class="mb-2 border-l-4 border-red-800 bg-gray-50 p-3">
                        <p class="font-bold">{r.unit_name.clone()}" "<span class="text-sm font-normal text-gray-700">{r.replied_on.clone().unwrap_or_default()}</span></p>
                        <p class="whitespace-pre-line break-words" data-testid="reply">{r.reply.clone()}</p>
                    </div>
                }).collect_view()}
            </section>
        })}
        <section aria-labelledby="timeline-heading" class=CARD>
            <h2 id="timeline-heading" class="mb-2 text-lg font-bold">{tr(Msg::Timeline)}</h2>
            <ol class="space-y-2" data-testid="letter-timeline">
                {timeline.into_iter().map(|e| {
                    let e2 = e.clone();
                    view! {
                        <li class="border-l-4 border-gray-400 pl-3" data-step=e.step.as_str()>
                            <p><span class="font-mono">{e.on_date.clone()}</span>" "<strong>{move || step_text(&e2, prefs.get().locale)}</strong>
                                {e.by.clone().map(|b| view! { " · "{b} })}</p>
                            {(!e.note.is_empty()).then(|| {
                                let e3 = e.clone();
                                view! { <p class="whitespace-pre-line break-words text-gray-800">{move || event_note(&e3, prefs.get().locale)}</p> }
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

/// The writer's part of the lookup page: the letter and, once answered, the rating form.
#[component]
pub fn WriterLetter(letter: LetterView, t: String, c: String) -> impl IntoView {
    let rate = ServerAction::<RateLetter>::new();
    let answered = letter.status == LetterStatus::Answered;
    let can_reopen = letter.can_reopen;
    let err = move |f: &'static str| Signal::derive(move || match rate.value().get() {
        Some(Err(e)) => e.for_field(f),
        _ => None,
    });
    let alert = Signal::derive(move || rate.value().get().and_then(|r| r.err()).and_then(|e| e.form_level()));
    let done = move || matches!(rate.value().get(), Some(Ok(())));
    let (t, c) = (StoredValue::new(t), StoredValue::new(c));
    view! {
        <LetterFacts letter/>
        {answered.then(move || view! {
            <section aria-labelledby="rate-heading" class="mb-5 rounded-lg border-2 border-red-800 bg-white p-4">
                <h2 id="rate-heading" class="mb-2 text-lg font-bold">{tr(Msg::RateReply)}</h2>
                <Show when=move || !done() fallback=move || view! {
                    <p role="status" class="font-medium" data-testid="letter-rated">{tr(Msg::LetterRatedThanks)}</p>
                    <a href=String::new() class="text-red-900 underline">{tr(Msg::Refresh)}</a>
                }>
                    <p class="mb-3">{tr(if can_reopen { Msg::RateReplyLead } else { Msg::RateReplyLastLead })}</p>
                    <ActionForm action=rate attr:class="space-y-3" attr:novalidate="true">
                        <input type="hidden" name="t" value=t.get_value()/>
                        <input type="hidden" name="c" value=c.get_value()/>
                        <FormAlert msg=alert/>
                        <RadioField name="satisfaction" label=Msg::SatisfactionLabel
                            options=Satisfaction::ALL.iter().map(|s| (s.as_str(), s.msg())).collect() value="" error=err("satisfaction")/>
                        <Field name="reason" label=Msg::UnsatisfiedReasonLabel multiline=true maxlength=2000 value="" error=err("reason")/>
                        <button type="submit" class=SMALL_BUTTON disabled=move || rate.pending().get() data-testid="rate-letter">{tr(Msg::SendRating)}</button>
                    </ActionForm>
                </Show>
            </section>
        })}
    }
}

/// `/hotline/stats`: the month's letters received, answered, answer rate and average working
/// days, by type and by unit, as charts and tables.
#[component]
pub fn LetterStatsPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(move || query.read().get("month"), letter_stats);
    view! {
        {title(Msg::LetterStatsTitle)}
        <div class="mx-auto max-w-4xl px-4 py-6">
            <PageHeading title=Msg::LetterStatsTitle lead=Msg::LetterStatsLead/>
            {loaded(data, |page| view! { <Stats page/> })}
        </div>
    }
}

#[component]
fn Stats(page: StatsPage) -> impl IntoView {
    let prefs = use_prefs();
    let l = prefs.get_untracked().locale;
    let StatsPage { month, current, stats } = page;
    let t = stats.total;
    let type_bars: Vec<Bar> = stats
        .by_type
        .iter()
        .map(|(ty, c)| Bar { label: ty.msg().text(l).to_owned(), value: c.received, text: format!("{} / {}", c.answered, c.received) })
        .collect();
    let unit_bars: Vec<Bar> =
        stats.by_unit.iter().take(10).map(|(_, n, c)| Bar { label: n.clone(), value: c.received, text: format!("{} / {}", c.answered, c.received) }).collect();
    let table = |rows: Vec<(String, crate::domain::letter::LetterCounts)>, caption: Msg, testid: &'static str| view! {
        <div class="mb-5 overflow-x-auto rounded border border-gray-300 bg-white" tabindex="0" role="region" aria-label=tr(caption)>
            <table class="w-full text-left" data-testid=testid>
                <caption class="sr-only">{tr(caption)}</caption>
                <thead class="bg-gray-100"><tr>
                    <th scope="col" class="px-3 py-2"></th>
                    <th scope="col" class="px-3 py-2">{tr(Msg::LettersReceived)}</th>
                    <th scope="col" class="px-3 py-2">{tr(Msg::LettersAnswered)}</th>
                    <th scope="col" class="px-3 py-2">{tr(Msg::AnswerRate)}</th>
                    <th scope="col" class="px-3 py-2">{tr(Msg::AverageDays)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|(name, c)| view! {
                        <tr class="border-t border-gray-200">
                            <th scope="row" class="px-3 py-2 font-medium">{name}</th>
                            <td class="px-3 py-2">{c.received}</td>
                            <td class="px-3 py-2">{c.answered}</td>
                            <td class="px-3 py-2">{percent(c.answer_rate_permille())}</td>
                            <td class="px-3 py-2">{tenths(c.average_days_tenths())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    };
    let type_rows: Vec<_> = stats.by_type.iter().map(|(ty, c)| (ty.msg().text(l).to_owned(), *c)).collect();
    let unit_rows: Vec<_> = stats.by_unit.iter().map(|(_, n, c)| (n.clone(), *c)).collect();
    view! {
        <nav class="mb-4 flex flex-wrap items-center gap-3" aria-label=tr(Msg::ChooseMonth)>
            <a href=format!("/hotline/stats?month={}", month.previous()) class=LINK_BUTTON rel="prev">{tr(Msg::PrevMonth)}</a>
            <strong class="font-mono text-lg" data-testid="stats-month">{month.to_string()}</strong>
            {(month < current).then(|| view! { <a href=format!("/hotline/stats?month={}", month.next()) class=LINK_BUTTON rel="next">{tr(Msg::NextMonth)}</a> })}
        </nav>
        <dl class="mb-5 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="stats-totals">
            <div class="rounded-lg border border-gray-300 bg-white p-3"><dt class="text-sm">{tr(Msg::LettersReceived)}</dt><dd class="text-2xl font-bold" data-testid="stat-received">{t.received}</dd></div>
            <div class="rounded-lg border border-gray-300 bg-white p-3"><dt class="text-sm">{tr(Msg::LettersAnswered)}</dt><dd class="text-2xl font-bold" data-testid="stat-answered">{t.answered}</dd></div>
            <div class="rounded-lg border border-gray-300 bg-white p-3"><dt class="text-sm">{tr(Msg::AnswerRate)}</dt><dd class="text-2xl font-bold">{percent(t.answer_rate_permille())}</dd></div>
            <div class="rounded-lg border border-gray-300 bg-white p-3"><dt class="text-sm">{tr(Msg::AverageDays)}</dt><dd class="text-2xl font-bold">{tenths(t.average_days_tenths())}</dd></div>
        </dl>
        <h2 class="mb-2 text-xl font-bold">{tr(Msg::ByType)}</h2>
        <BarChart title=Msg::ByType.text(l) bars=type_bars/>
        {table(type_rows, Msg::ByType, "stats-by-type")}
        <h2 class="mb-2 text-xl font-bold">{tr(Msg::ByUnit)}</h2>
        <BarChart title=Msg::ByUnit.text(l) bars=unit_bars/>
        {table(unit_rows, Msg::ByUnit, "stats-by-unit")}
    }
}

/// `/admin/letters`: the desk's queue (every letter) or a unit's (letters routed to it), with the
/// three-month alarm.
#[component]
pub fn LetterQueuePage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(move || query.read().get("closed"), get_letter_queue);
    view! {
        <PageHeading title=Msg::LetterQueue lead=Msg::LetterQueueLead/>
        <div class="mb-3 flex gap-3">
            <a href="/admin/letters" class="font-medium text-red-900 underline">{tr(Msg::OpenLetters)}</a>
            <a href="/admin/letters?closed=1" class="font-medium text-red-900 underline">{tr(Msg::FinishedLetters)}</a>
        </div>
        {loaded(data, |q| view! { <QueueBody q/> })}
    }
}

/// The three-month alarm: valid letters unanswered for more than three months.
#[component]
pub fn LetterAlarm(rows: Vec<LetterRow>) -> impl IntoView {
    (!rows.is_empty()).then(|| view! {
        <section role="alert" class="mb-5 rounded-lg border-2 border-red-700 bg-red-50 p-4" data-testid="letter-alarm">
            <h2 class="mb-2 text-lg font-bold text-red-900">{tr(Msg::LetterAlarmTitle)}" ("{rows.len()}")"</h2>
            <p class="mb-2">{tr(Msg::LetterAlarmLead)}</p>
            <ul class="list-disc pl-6">
                {rows.into_iter().map(|r| view! {
                    <li><a href=format!("/admin/letters/{}", r.id) class="font-mono text-red-900 underline">{r.tracking}</a>" "{r.subject}" · "{r.filed_on}" · "{r.units}</li>
                }).collect_view()}
            </ul>
        </section>
    })
}

#[component]
fn QueueBody(q: LetterQueue) -> impl IntoView {
    let LetterQueue { desk, rows, waiting, yellow, red, alarms } = q;
    let empty = rows.is_empty();
    view! {
        <LetterAlarm rows=alarms/>
        <p class="mb-3" data-testid="letter-counts">
            {desk.then(|| view! { {tr(Msg::WaitingForDesk)}": "<strong>{waiting}</strong>" · " })}
            {tr(Msg::CardYellow)}": "<strong>{yellow}</strong>" · "
            {tr(Msg::CardRed)}": "<strong>{red}</strong>
        </p>
        {empty.then(|| view! { <p>{tr(Msg::NoLetters)}</p> })}
        <div class="overflow-x-auto rounded border border-gray-300 bg-white" tabindex="0" role="region" aria-labelledby="letters-caption">
            <table class="w-full text-left">
                <caption id="letters-caption" class="sr-only">{tr(Msg::LetterQueue)}</caption>
                <thead class="bg-gray-100"><tr>
                    <th scope="col" class="px-3 py-2">{tr(Msg::LetterNumber)}</th>
                    <th scope="col" class="px-3 py-2">{tr(Msg::LetterSubjectLabel)}</th>
                    <th scope="col" class="px-3 py-2">{tr(Msg::HandlingUnit)}</th>
                    <th scope="col" class="px-3 py-2">{tr(Msg::StatusLabel)}</th>
                    <th scope="col" class="px-3 py-2">{tr(Msg::ReceivedOn)}</th>
                    <th scope="col" class="px-3 py-2">{tr(Msg::DueOn)}</th>
                </tr></thead>
                <tbody data-testid="letter-queue">
                    {rows.into_iter().map(|r| view! {
                        <tr class="border-t border-gray-200">
                            <td class="px-3 py-2 font-mono"><a href=format!("/admin/letters/{}", r.id) class="text-red-900 underline">{r.tracking.clone()}</a></td>
                            <td class="px-3 py-2">{r.subject.clone()}<br/><span class="text-sm text-gray-700">{tr(r.letter_type.msg())}
                                {r.urgent.then(|| view! { " · "{tr(Msg::Urgent)} })}</span></td>
                            <td class="px-3 py-2">{r.units.clone()}</td>
                            <td class="px-3 py-2">{tr(r.status.msg())}" "<UrgencyCard urgency=r.urgency/></td>
                            <td class="px-3 py-2 font-mono">{r.filed_on.clone()}</td>
                            <td class="px-3 py-2 font-mono">{r.due_on.clone()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// `/admin/letters/:id`: the letter with the steps open to the viewer.
#[component]
pub fn StaffLetterPage() -> impl IntoView {
    let params = use_params_map();
    let act = ServerAction::<LetterAct>::new();
    let id = move || params.read().get("id").and_then(|i| i.parse::<i64>().ok()).unwrap_or(0);
    let data = Resource::new(move || (id(), act.version().get()), |(id, _)| letter_detail(id));
    view! {
        <PageHeading title=Msg::LetterDetail/>
        <p class="mb-3"><a href="/admin/letters" class="text-red-900 underline">{tr(Msg::BackToLetters)}</a></p>
        <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
            {crate::ui::suspend(move || async move {
                match data.await {
                    Ok(letter) => view! {
                        <LetterActions letter=letter.clone() act/>
                        <LetterFacts letter/>
                    }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Suspense>
    }
}

/// One small form per step open to the viewer: the desk's triage, routing and supervision, and
/// each of the viewer's units' answer, return or extension request.
#[component]
fn LetterActions(letter: LetterView, act: ServerAction<LetterAct>) -> impl IntoView {
    let prefs = use_prefs();
    let error = move || act.value().get().and_then(|r| r.err());
    let err = move |f: &'static str| move || error().and_then(|e| e.for_field(f)).map(|m| m.text(prefs.get().locale));
    let alert = Signal::derive(move || error().and_then(|e| e.form_level().or_else(|| e.for_field("action"))));
    let id = letter.id.to_string();
    let status = letter.status;
    let desk = letter.desk;
    let units = letter.route_units.clone();
    let form = move |step: LetterStep, extra: AnyView, note_label: Option<Msg>, testid: String| {
        let id = id.clone();
        let fid = format!("{testid}-note");
        view! {
            <ActionForm action=act attr:class="space-y-2 rounded border border-gray-300 p-3" attr:data-action=testid.clone()>
                <h3 class="font-bold">{tr(step.action_msg())}</h3>
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="action" value=step.as_str()/>
                {extra}
                {note_label.map(|label| {
                    let fid2 = fid.clone();
                    view! {
                        <label for=fid.clone() class="block font-medium">{tr(label)}</label>
                        <textarea id=fid.clone() name="note" rows="3" class=INPUT aria-describedby=format!("{fid2}-error")></textarea>
                        <p id=format!("{fid2}-error") class="text-sm font-medium text-red-800">{err("note")}</p>
                    }
                })}
                <button type="submit" class=SMALL_BUTTON disabled=move || act.pending().get()>{tr(step.action_msg())}</button>
            </ActionForm>
        }
    };
    let mut forms: Vec<AnyView> = Vec::new();
    if desk && matches!(status, LetterStatus::Received | LetterStatus::Routed) {
        let unit_select = view! {
            <label for="route-unit" class="block font-medium">{tr(Msg::RouteToUnit)}</label>
            <select id="route-unit" name="unit" class=INPUT aria-describedby="route-unit-error">
                {units.into_iter().map(|u| view! {
                    <option value=u.id.to_string()>{if u.depth > 0 { format!("　└ {}", u.name) } else { u.name }}</option>
                }).collect_view()}
            </select>
            <p id="route-unit-error" class="text-sm font-medium text-red-800">{err("unit")}</p>
            <div class="flex items-start gap-3">
                <input id="route-urgent" name="urgent" type="checkbox" value="1" checked=letter.urgent class="mt-1 h-6 w-6 shrink-0"/>
                <label for="route-urgent">{tr(Msg::MarkUrgent)}</label>
            </div>
        }
        .into_any();
        forms.push(form(LetterStep::Routed, unit_select, Some(Msg::RouteNoteLabel), "route".into()).into_any());
    }
    if desk && status == LetterStatus::Received {
        forms.push(form(LetterStep::Rejected, ().into_any(), Some(Msg::RejectReasonLabel), "reject".into()).into_any());
        let target = view! {
            <label for="merge-target" class="block font-medium">{tr(Msg::MergeTargetLabel)}</label>
            <input id="merge-target" name="target" class=INPUT autocomplete="off" aria-describedby="merge-target-error"/>
            <p id="merge-target-error" class="text-sm font-medium text-red-800">{err("target")}</p>
        }
        .into_any();
        forms.push(form(LetterStep::Merged, target, None, "merge".into()).into_any());
    }
    for r in letter.routes.iter().filter(|r| r.status == RouteStatus::Open) {
        let route_hidden = |r: &super::RouteView| view! { <input type="hidden" name="route" value=r.id.to_string()/> }.into_any();
        if r.mine {
            forms.push(form(LetterStep::Answered, route_hidden(r), Some(Msg::ReplyLabel), format!("answer-{}", r.unit_id)).into_any());
            let days = view! {
                {route_hidden(r)}
                <label for=format!("ask-days-{}", r.id) class="block font-medium">{tr(Msg::ExtensionDaysLabel)}</label>
                <input id=format!("ask-days-{}", r.id) name="days" type="number" min="1" max=MAX_EXTENSION_DAYS.to_string() value="5" class=INPUT/>
                <p class="text-sm font-medium text-red-800">{err("days")}</p>
            }
            .into_any();
            if r.extension_days == 0 {
                forms.push(form(LetterStep::ExtensionAsked, days, Some(Msg::ExtensionReasonLabel), format!("ask-{}", r.unit_id)).into_any());
            }
            forms.push(form(LetterStep::Returned, route_hidden(r), Some(Msg::ReturnReasonLabel), format!("return-{}", r.unit_id)).into_any());
        }
        if desk {
            let asked = r.extension_days;
            let default_days = if asked > 0 { asked.to_string() } else { "5".to_owned() };
            let days = view! {
                {route_hidden(r)}
                <p>{r.unit_name.clone()}{(asked > 0).then(|| view! { " · "{tr(Msg::ExtensionAsked)}" "{asked}" "{tr(Msg::WorkingDays)} })}</p>
                <label for=format!("ext-days-{}", r.id) class="block font-medium">{tr(Msg::ExtensionDaysLabel)}</label>
                <input id=format!("ext-days-{}", r.id) name="days" type="number" min="1" max=MAX_EXTENSION_DAYS.to_string()
                    value=default_days class=INPUT/>
                <p class="text-sm font-medium text-red-800">{err("days")}</p>
            }
            .into_any();
            forms.push(form(LetterStep::Extended, days, None, format!("extend-{}", r.unit_id)).into_any());
            let who = view! { {route_hidden(r)}<p>{r.unit_name.clone()}</p> }.into_any();
            forms.push(form(LetterStep::Reminded, who, Some(Msg::Note), format!("remind-{}", r.unit_id)).into_any());
        }
    }
    if desk {
        let fields = view! {
            <p class="text-sm text-gray-700">{tr(Msg::RedactLead)}</p>
            <label for="redact-subject" class="block font-medium">{tr(Msg::LetterSubjectLabel)}</label>
            <input id="redact-subject" name="public_subject" value=letter.public_subject.clone() maxlength="100" class=INPUT/>
            <p class="text-sm font-medium text-red-800">{err("public_subject")}</p>
            <label for="redact-content" class="block font-medium">{tr(Msg::LetterContentLabel)}</label>
            <textarea id="redact-content" name="public_content" rows="5" maxlength="3000" class=INPUT>{letter.public_content.clone()}</textarea>
            <p class="text-sm font-medium text-red-800">{err("public_content")}</p>
        }
        .into_any();
        forms.push(form(LetterStep::Redacted, fields, None, "redact".into()).into_any());
    }
    if forms.is_empty() {
        return view! { <p class="mb-5 rounded border border-gray-300 bg-white p-3">{tr(Msg::NoActionsOpen)}</p> }.into_any();
    }
    view! {
        <section aria-labelledby="actions-heading" class="mb-5 rounded-lg border-2 border-red-800 bg-white p-4">
            <h2 id="actions-heading" class="mb-2 text-lg font-bold">{tr(Msg::CaseActions)}</h2>
            <FormAlert msg=alert/>
            <div class="grid gap-4 lg:grid-cols-2">{forms}</div>
        </section>
    }
    .into_any()
}
