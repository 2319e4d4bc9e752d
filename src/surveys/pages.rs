//! Survey pages: the public list, the answer form (a plain HTML form that works without
//! JavaScript; with it, progress survives a reload), the thanks and results pages, and the
//! evaluators' builder.

use super::api::{
    AddSurveyQuestion, ChangeSurveyQuestion, CreateSurvey, MakeSurveyInvites, SaveSurveySettings, SurveyAction, get_admin_surveys,
    get_answer_form, get_new_survey_form, get_public_surveys, get_survey_admin, get_survey_results,
};
use super::{AnswerForm, SurveyAdmin, SurveyResults, SurveySummary};
use crate::apply::pages::loaded;
use crate::domain::survey::{
    Phase, Question, QuestionInput, QuestionKind, QuestionResult, ResponseMode, ResultsWhen, SurveyInput, MAX_OTHER, MAX_TITLE,
};
use crate::i18n::Msg;
use crate::ui::chart::{Bar, BarChart};
use crate::ui::form::{Field, FormAlert, SelectField};
use crate::ui::layout::PageHeading;
use crate::ui::{tr, use_prefs};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

const CARD: &str = "mb-5 rounded-lg border border-gray-300 bg-white p-4";
const BUTTON: &str = "tap inline-flex items-center justify-center rounded bg-red-800 px-5 py-3 text-lg font-bold text-white hover:bg-red-900 disabled:opacity-60";
const SMALL_BUTTON: &str = "tap rounded bg-red-800 px-4 py-2 font-bold text-white hover:bg-red-900 disabled:opacity-60";
const PLAIN_BUTTON: &str = "tap rounded border border-gray-500 bg-white px-3 py-2 font-medium hover:bg-gray-100 disabled:opacity-50";
const LINK: &str = "font-medium text-red-900 underline";
const CHOICE: &str = "tap flex items-center gap-3 rounded border border-gray-300 px-3 py-2 hover:bg-gray-50";

fn title(text: String) -> impl IntoView {
    view! { <Title text=text/> }
}

fn id_param() -> Memo<i64> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").and_then(|v| v.parse().ok()).unwrap_or(0))
}

fn phase_badge(phase: Phase) -> impl IntoView {
    let class = match phase {
        Phase::Open => "rounded bg-green-800 px-2 py-0.5 text-sm font-medium text-white",
        Phase::Closed => "rounded bg-gray-700 px-2 py-0.5 text-sm font-medium text-white",
        _ => "rounded bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-950",
    };
    view! { <span class=class data-testid="survey-phase">{tr(phase.msg())}</span> }
}

/// `/surveys`: the published surveys.
#[component]
pub fn SurveysPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_public_surveys());
    view! {
        <Title text=crate::ui::title_text(Msg::SurveysTitle)/>
        <div class="mx-auto max-w-4xl px-4 py-6">
        <PageHeading title=Msg::SurveysTitle lead=Msg::SurveysDesc/>
        {loaded(data, |list: Vec<SurveySummary>| {
            let empty = list.is_empty();
            view! {
                {empty.then(|| view! { <p>{tr(Msg::NoSurveys)}</p> })}
                <ul class="space-y-4" data-testid="survey-list">
                    {list.into_iter().map(|s| view! {
                        <li class=CARD>
                            <h2 class="mb-1 text-lg font-bold">{s.title.clone()}</h2>
                            <p class="mb-2 text-gray-700">{phase_badge(s.phase)}" "{s.opens_on.clone()}" — "{s.closes_on.clone()}
                                {(!s.audience.is_empty()).then(|| view! { " · "{s.audience.clone()} })}</p>
                            <p class="flex flex-wrap gap-4">
                                {(s.phase == Phase::Open).then(|| view! { <a href=format!("/surveys/{}", s.id) class=LINK>{tr(Msg::TakeSurvey)}</a> })}
                                {s.results_public.then(|| view! { <a href=format!("/surveys/{}/results", s.id) class=LINK>{tr(Msg::SurveyResults)}</a> })}
                            </p>
                        </li>
                    }).collect_view()}
                </ul>
            }
        })}
        </div>
    }
}

/// `/surveys/{id}`: the answer form.
#[component]
pub fn SurveyAnswerPage() -> impl IntoView {
    let id = id_param();
    let query = use_query_map();
    let data = Resource::new(move || (id.get(), query.read().get("draft")), |(id, draft)| get_answer_form(id, draft));
    view! { {loaded(data, |f: AnswerForm| view! { <AnswerBody f/> })} }
}

#[component]
fn AnswerBody(f: AnswerForm) -> impl IntoView {
    let AnswerForm { survey, token, answered, values, errors, preview, results_public } = f;
    let id = survey.id;
    let open = survey.phase == Phase::Open;
    let err = |field: &str| errors.iter().find(|e| e.0 == field).map(|e| e.1);
    let form_error = err("form");
    let restore = values.is_empty();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if restore {
            progress::restore(id);
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = restore;
    let results_link = results_public.then(|| view! { <p class="mt-3"><a href=format!("/surveys/{id}/results") class=LINK>{tr(Msg::SurveyResults)}</a></p> });
    let intro = (!survey.intro.is_empty()).then(|| view! { <p class="mb-3 whitespace-pre-wrap">{survey.intro.clone()}</p> });
    let body = if answered && !preview {
        view! {
            <p role="status" class="rounded border border-green-800 bg-green-50 px-3 py-2 font-medium text-green-900" data-testid="already-answered">
                {tr(Msg::SurveyAlreadyAnswered)}
            </p>
        }
        .into_any()
    } else if !open && !preview {
        view! { <p role="status" class="rounded border border-gray-500 bg-gray-50 px-3 py-2 font-medium" data-testid="survey-not-open">{tr(Msg::SurveyNotOpen)}</p> }.into_any()
    } else {
        let mut section = String::new();
        let mut blocks = Vec::new();
        for (n, q) in survey.questions.iter().enumerate() {
            if q.section != section {
                section = q.section.clone();
                if !section.is_empty() {
                    blocks.push(view! { <h2 class="mt-6 border-b-2 border-red-800 pb-1 text-xl font-bold">{section.clone()}</h2> }.into_any());
                }
            }
            blocks.push(question_view(n + 1, q, &values, err(&q.field())).into_any());
        }
        let invite_value = values.iter().find(|v| v.0 == "invite").map(|v| v.1.clone()).unwrap_or_default();
        view! {
            {preview.then(|| view! { <p class="mb-3 rounded border border-amber-700 bg-amber-50 px-3 py-2 font-medium">{tr(Msg::SurveyPreview)}</p> })}
            <form method="post" action=format!("/surveys/{id}/answer") id="survey-form" novalidate="true" class="space-y-4"
                on:change=move |_| keep_progress(id) on:input=move |_| keep_progress(id)
            >
                <input type="hidden" name="token" value=token/>
                <FormAlert msg=Signal::stored(form_error.or_else(|| (!errors.is_empty()).then_some(Msg::FormHasErrors)))/>
                {survey.invite_only.then(|| view! {
                    <Field name="invite" label=Msg::SurveyInviteCode hint=Msg::SurveyInviteHint required=true autocomplete="off"
                        value=invite_value error=Signal::stored(err("invite"))/>
                })}
                {blocks}
                <p class="text-sm text-gray-700">{tr(Msg::SurveyPrivacy)}</p>
                <button type="submit" class=BUTTON disabled=!open data-testid="submit-survey">{tr(Msg::SubmitSurvey)}</button>
            </form>
        }
        .into_any()
    };
    view! {
        {title(survey.title.clone())}
        <div class="mx-auto max-w-3xl px-4 py-6">
            <h1 class="mb-2 text-2xl font-bold sm:text-3xl">{survey.title.clone()}</h1>
            <p class="mb-3 text-gray-700">{phase_badge(survey.phase)}" "{tr(Msg::SurveyPeriod)}": "{survey.opens_on.clone()}" — "{survey.closes_on.clone()}
                {(!survey.audience.is_empty()).then(|| view! { " · "{tr(Msg::SurveyAudience)}": "{survey.audience.clone()} })}
                " · "{tr(survey.mode.msg())}</p>
            {intro}
            {body}
            {results_link}
        </div>
    }
}

fn keep_progress(id: i64) {
    #[cfg(feature = "hydrate")]
    progress::save(id);
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}

/// One question as a fieldset: its choices, its hint and its error, with the posted values.
fn question_view(n: usize, q: &Question, values: &[(String, String)], error: Option<Msg>) -> impl IntoView {
    let f = q.field();
    let err_id = format!("{f}-error");
    let has = |name: &str, v: &str| values.iter().any(|(k, x)| k == name && x == v);
    let value = |name: &str| values.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let radio = |name: String, v: String, label: String, input_id: String, kind: &'static str| {
        let checked = has(&name, &v);
        let label_for = input_id.clone();
        view! {
            <label for=label_for class=CHOICE>
                <input id=input_id type=kind name=name value=v checked=checked class="h-6 w-6 shrink-0"/>
                <span>{label}</span>
            </label>
        }
    };
    let hint: Option<String> = match q.kind {
        QuestionKind::Multiple if q.spec.min > 0 && q.spec.max > 0 => Some(format!("{} {}–{}", tr(Msg::SurveyChoose), q.spec.min, q.spec.max)),
        QuestionKind::Multiple if q.spec.max > 0 => Some(format!("{} ≤ {}", tr(Msg::SurveyChoose), q.spec.max)),
        QuestionKind::Text => Some(format!("≤ {}", q.spec.max_len)),
        _ => None,
    };
    let choices = match q.kind {
        QuestionKind::Single | QuestionKind::Multiple => {
            let kind = if q.kind == QuestionKind::Single { "radio" } else { "checkbox" };
            let mut items: Vec<AnyView> = q
                .spec
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| radio(f.clone(), i.to_string(), o.clone(), format!("{f}-{i}"), kind).into_any())
                .collect();
            if q.spec.other {
                let other_id = format!("{f}-other");
                let text_id = format!("{f}-other-text");
                items.push(
                    view! {
                        <div class="space-y-1">
                            {radio(f.clone(), "other".into(), tr(Msg::SurveyOther).to_owned(), other_id, kind)}
                            <label for=text_id.clone() class="sr-only">{tr(Msg::SurveyOtherSpecify)}</label>
                            <input id=text_id type="text" name=format!("{f}_other") value=value(&format!("{f}_other")) maxlength=MAX_OTHER
                                placeholder=tr(Msg::SurveyOtherSpecify) class="tap block w-full rounded border border-gray-500 px-3 py-2"/>
                        </div>
                    }
                    .into_any(),
                );
            }
            view! { <div class="grid gap-2">{items}</div> }.into_any()
        }
        QuestionKind::Scale => {
            let labels = q.point_labels();
            view! {
                <div class="flex flex-wrap gap-2">
                    {labels.into_iter().enumerate().map(|(i, l)| radio(f.clone(), (i + 1).to_string(), l, format!("{f}-{}", i + 1), "radio")).collect_view()}
                </div>
            }
            .into_any()
        }
        QuestionKind::Matrix => {
            let labels = q.point_labels();
            view! {
                <div class="space-y-3">
                    {q.spec.rows.iter().enumerate().map(|(r, row)| {
                        let name = format!("{f}_{r}");
                        let group = format!("{f}-row-{r}");
                        let labelled_by = group.clone();
                        view! {
                            <div role="radiogroup" aria-labelledby=labelled_by class="rounded border border-gray-200 p-2">
                                <p id=group class="mb-1 font-medium">{row.clone()}</p>
                                <div class="flex flex-wrap gap-2">
                                    {labels.iter().enumerate().map(|(i, l)| radio(name.clone(), (i + 1).to_string(), l.clone(), format!("{f}-{r}-{}", i + 1), "radio")).collect_view()}
                                </div>
                            </div>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
        QuestionKind::Text => {
            let text_id = format!("{f}-text");
            view! {
                <label for=text_id.clone() class="sr-only">{q.title.clone()}</label>
                <textarea id=text_id name=f.clone() rows="4" maxlength=q.spec.max_len aria-describedby=err_id.clone()
                    class="tap block w-full rounded border border-gray-500 px-3 py-2">{value(&f)}</textarea>
            }
            .into_any()
        }
    };
    let invalid = error.is_some();
    let prefs = use_prefs();
    let described_by = err_id.clone();
    view! {
        <fieldset id=f.clone() class="rounded-lg border border-gray-300 bg-white p-4 data-[invalid=true]:border-2 data-[invalid=true]:border-red-700"
            aria-describedby=described_by data-invalid=invalid.to_string() data-testid="survey-question">
            <legend class="px-1 text-lg font-medium">
                {n}". "{q.title.clone()}
                {q.required.then(|| view! { <span class="text-red-800">" *"<span class="sr-only">{tr(Msg::Required)}</span></span> })}
            </legend>
            {hint.map(|h| view! { <p class="mb-2 text-sm text-gray-700">{h}</p> })}
            {choices}
            <p id=err_id class="mt-1 min-h-[1.25rem] text-sm font-medium text-red-800" aria-live="polite">
                {move || error.map(|m| m.text(prefs.get().locale))}
            </p>
        </fieldset>
    }
}

/// Keeps a half-filled answer form in the browser's storage, so a reload does not lose it.
#[cfg(feature = "hydrate")]
mod progress {
    use wasm_bindgen::JsCast;
    use web_sys::{HtmlFormElement, HtmlInputElement, HtmlTextAreaElement, Storage};

    fn key(id: i64) -> String {
        format!("gk-survey-{id}")
    }

    fn storage() -> Option<Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    fn form() -> Option<HtmlFormElement> {
        web_sys::window()?.document()?.get_element_by_id("survey-form")?.dyn_into().ok()
    }

    fn each(form: &HtmlFormElement, mut f: impl FnMut(Option<HtmlInputElement>, Option<HtmlTextAreaElement>)) {
        let els = form.elements();
        for i in 0..els.length() {
            let Some(el) = els.item(i) else { continue };
            match el.dyn_into::<HtmlInputElement>() {
                Ok(input) => f(Some(input), None),
                Err(el) => f(None, el.dyn_into::<HtmlTextAreaElement>().ok()),
            }
        }
    }

    pub fn save(id: i64) {
        let (Some(form), Some(storage)) = (form(), storage()) else { return };
        let mut pairs = Vec::new();
        each(&form, |input, area| {
            let pair = match (input, area) {
                (Some(i), _) => match i.type_().as_str() {
                    "radio" | "checkbox" if i.checked() => Some((i.name(), i.value())),
                    "radio" | "checkbox" | "hidden" | "submit" => None,
                    _ => Some((i.name(), i.value())),
                },
                (None, Some(t)) => Some((t.name(), t.value())),
                _ => None,
            };
            if let Some((k, v)) = pair {
                pairs.push(format!("{}={}", urlencoding::encode(&k), urlencoding::encode(&v)));
            }
        });
        let _ = storage.set_item(&key(id), &pairs.join("&"));
    }

    pub fn restore(id: i64) {
        let (Some(form), Some(storage)) = (form(), storage()) else { return };
        let Ok(Some(saved)) = storage.get_item(&key(id)) else { return };
        let pairs: Vec<(String, String)> = saved
            .split('&')
            .filter_map(|p| p.split_once('='))
            .filter_map(|(k, v)| Some((urlencoding::decode(k).ok()?.into_owned(), urlencoding::decode(v).ok()?.into_owned())))
            .collect();
        let first = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        each(&form, |input, area| match (input, area) {
            (Some(i), _) => match i.type_().as_str() {
                "radio" | "checkbox" => i.set_checked(pairs.iter().any(|(k, v)| *k == i.name() && *v == i.value())),
                "hidden" | "submit" => {}
                _ => {
                    if let Some(v) = first(&i.name()) {
                        i.set_value(&v);
                    }
                }
            },
            (None, Some(t)) => {
                if let Some(v) = first(&t.name()) {
                    t.set_value(&v);
                }
            }
            _ => {}
        });
    }

    pub fn forget(id: i64) {
        if let Some(s) = storage() {
            let _ = s.remove_item(&key(id));
        }
    }
}

/// `/surveys/{id}/thanks`.
#[component]
pub fn SurveyThanksPage() -> impl IntoView {
    let id = id_param();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| progress::forget(id.get()));
    let data = Resource::new(move || id.get(), |id| get_answer_form(id, None));
    view! {
        <Title text=crate::ui::title_text(Msg::SurveyThanks)/>
        <div class="mx-auto max-w-3xl px-4 py-6">
            <h1 class="mb-3 text-2xl font-bold" data-testid="survey-thanks">{tr(Msg::SurveyThanks)}</h1>
            <p class="mb-3">{tr(Msg::SurveyThanksLead)}</p>
            {loaded(data, move |f: AnswerForm| view! {
                <p class="flex flex-wrap gap-4">
                    {f.results_public.then(|| view! { <a href=format!("/surveys/{}/results", f.survey.id) class=LINK>{tr(Msg::SurveyResults)}</a> })}
                    <a href="/surveys" class=LINK>{tr(Msg::SurveysTitle)}</a>
                </p>
            })}
        </div>
    }
}

/// `/surveys/{id}/results`.
#[component]
pub fn SurveyResultsPage() -> impl IntoView {
    let id = id_param();
    let data = Resource::new(move || id.get(), get_survey_results);
    view! {
        {loaded(data, |r: SurveyResults| view! {
            {title(format!("{} · {}", r.survey.title, tr(Msg::SurveyResults)))}
            <div class="mx-auto max-w-4xl px-4 py-6">
                <h1 class="mb-2 text-2xl font-bold sm:text-3xl">{r.survey.title.clone()}" · "{tr(Msg::SurveyResults)}</h1>
                <p class="mb-4 text-gray-700">{phase_badge(r.survey.phase)}" "{r.survey.opens_on.clone()}" — "{r.survey.closes_on.clone()}
                    " · "{tr(Msg::SurveyResponses)}": "<strong data-testid="survey-responses">{r.responses}</strong></p>
                <ResultsView questions=r.questions show_text=r.show_text/>
            </div>
        })}
    }
}

/// Counted answers: a bar chart and a table per question, a grid per matrix, and the free text
/// where it may be shown.
#[component]
pub fn ResultsView(questions: Vec<QuestionResult>, show_text: bool) -> impl IntoView {
    let prefs = use_prefs();
    questions
        .into_iter()
        .enumerate()
        .map(|(n, q)| {
            let heading = format!("{}. {}", n + 1, q.title);
            let body = match q.kind {
                QuestionKind::Matrix => view! {
                    <div class="overflow-x-auto" tabindex="0" role="region" aria-label=heading.clone()>
                        <table class="w-full text-left text-sm">
                            <thead class="bg-gray-100"><tr>
                                <th scope="col" class="px-2 py-1">{tr(Msg::SurveyRow)}</th>
                                {q.points.iter().map(|p| view! { <th scope="col" class="px-2 py-1 text-right">{p.clone()}</th> }).collect_view()}
                                <th scope="col" class="px-2 py-1 text-right">{tr(Msg::SurveyMean)}</th>
                            </tr></thead>
                            <tbody>
                                {q.grid.into_iter().map(|g| view! {
                                    <tr class="border-t border-gray-200">
                                        <th scope="row" class="px-2 py-1 font-medium">{g.label}</th>
                                        {g.counts.into_iter().map(|c| view! { <td class="px-2 py-1 text-right">{c}</td> }).collect_view()}
                                        <td class="px-2 py-1 text-right">{g.mean}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any(),
                QuestionKind::Text => view! {
                    <p>{tr(Msg::SurveyTextAnswers)}": "{q.answered}</p>
                }
                .into_any(),
                _ => {
                    let other = tr(Msg::SurveyOther);
                    let rows: Vec<(String, i64, String)> =
                        q.counts.into_iter().map(|c| (if c.label.is_empty() { other.to_owned() } else { c.label }, c.count, c.share)).collect();
                    let bars = rows.iter().map(|(l, c, s)| Bar { label: l.clone(), value: *c, text: format!("{c} ({s})") }).collect();
                    view! {
                        <BarChart title=heading.clone() bars/>
                        {(q.kind == QuestionKind::Multiple).then(|| view! { <p class="text-sm text-gray-700">{tr(Msg::SurveyMultipleNote)}</p> })}
                        {(!q.mean.is_empty()).then(|| view! { <p>{tr(Msg::SurveyMean)}": "<strong>{q.mean.clone()}</strong></p> })}
                        <table class="mt-2 w-full text-left text-sm">
                            <thead class="bg-gray-100"><tr>
                                <th scope="col" class="px-2 py-1">{tr(Msg::SurveyOption)}</th>
                                <th scope="col" class="px-2 py-1 text-right">{tr(Msg::SurveyCount)}</th>
                                <th scope="col" class="px-2 py-1 text-right">{tr(Msg::SurveyShare)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(l, c, s)| view! {
                                    <tr class="border-t border-gray-200"><td class="px-2 py-1">{l}</td><td class="px-2 py-1 text-right">{c}</td><td class="px-2 py-1 text-right">{s}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                    .into_any()
                }
            };
            let texts = (show_text && !q.texts.is_empty()).then(|| view! {
                <details class="mt-2">
                    <summary class="tap cursor-pointer font-medium">{tr(Msg::SurveyTexts)}" ("{q.texts.len()}")"</summary>
                    <ul class="mt-1 list-disc space-y-1 pl-6">
                        {q.texts.into_iter().map(|t| view! { <li class="whitespace-pre-wrap break-words">{t}</li> }).collect_view()}
                    </ul>
                </details>
            });
            view! {
                <section class=CARD data-testid="survey-result" data-question=q.id.to_string()>
                    {(!q.section.is_empty()).then(|| view! { <p class="text-sm text-gray-700">{q.section.clone()}</p> })}
                    <h2 class="mb-1 text-lg font-bold">{heading.clone()}</h2>
                    <p class="mb-2 text-sm text-gray-700">{move || Msg::SurveyAnswered.text(prefs.get().locale)}": "<span data-testid="answered">{q.answered}</span></p>
                    {body}
                    {texts}
                </section>
            }
        })
        .collect_view()
}

fn options_of<T: Copy>(all: &[T], code: impl Fn(T) -> &'static str, msg: impl Fn(T) -> Msg) -> Vec<(String, String)> {
    all.iter().map(|x| (code(*x).to_owned(), tr(msg(*x)).to_owned())).collect()
}

fn check(name: &'static str, label: Msg, on: bool) -> impl IntoView {
    let id = format!("f-{name}");
    let label_for = id.clone();
    view! {
        <label for=label_for class="tap flex items-center gap-3">
            <input id=id type="checkbox" name=name value="on" checked=on class="h-6 w-6"/>
            <span>{tr(label)}</span>
        </label>
    }
}

/// The settings fields shared by the new-survey form and the settings form.
fn settings_fields(values: SurveyInput, err: impl Fn(&'static str) -> Signal<Option<Msg>>) -> impl IntoView {
    let modes = options_of(&[ResponseMode::Once, ResponseMode::Anonymous], ResponseMode::as_str, ResponseMode::msg);
    let when = options_of(&[ResultsWhen::AfterClose, ResultsWhen::Immediately], ResultsWhen::as_str, ResultsWhen::msg);
    view! {
        <Field name="title" label=Msg::SurveyTitleLabel required=true maxlength=MAX_TITLE value=values.title.clone() error=err("title")/>
        <Field name="intro" label=Msg::SurveyIntro multiline=true value=values.intro.clone() error=err("intro")/>
        <Field name="audience" label=Msg::SurveyAudience value=values.audience.clone() error=err("audience")/>
        <div class="grid gap-3 sm:grid-cols-2">
            <Field name="opens_on" label=Msg::SurveyOpensOn kind="date" required=true value=values.opens_on.clone() error=err("opens_on")/>
            <Field name="closes_on" label=Msg::SurveyClosesOn kind="date" required=true value=values.closes_on.clone() error=err("closes_on")/>
            <SelectField name="mode" label=Msg::SurveyModeLabel options=modes value=values.mode.clone() error=err("mode")/>
            <SelectField name="results" label=Msg::SurveyResultsWhen options=when value=values.results.clone() error=err("results")/>
        </div>
        {check("invite_only", Msg::SurveyInviteOnly, !values.invite_only.is_empty())}
        {check("public_text", Msg::SurveyPublicText, !values.public_text.is_empty())}
    }
}

/// `/admin/surveys`: every survey and the form for a new one.
#[component]
pub fn AdminSurveysPage() -> impl IntoView {
    let create = ServerAction::<CreateSurvey>::new();
    let query = use_query_map();
    let list = Resource::new(move || create.version().get(), |_| get_admin_surveys());
    let form = Resource::new(move || query.read_untracked().get("draft"), get_new_survey_form);
    view! {
        <PageHeading title=Msg::SurveysAdmin lead=Msg::SurveysAdminLead/>
        {loaded(list, |list: Vec<SurveySummary>| view! {
            <div class="mb-6 overflow-x-auto rounded border border-gray-300 bg-white" tabindex="0" role="region" aria-labelledby="surveys-caption">
                <table class="w-full text-left">
                    <caption id="surveys-caption" class="sr-only">{tr(Msg::SurveysAdmin)}</caption>
                    <thead class="bg-gray-100"><tr>
                        <th scope="col" class="px-3 py-2">{tr(Msg::SurveyTitleLabel)}</th>
                        <th scope="col" class="px-3 py-2">{tr(Msg::StatusLabel)}</th>
                        <th scope="col" class="px-3 py-2">{tr(Msg::SurveyPeriod)}</th>
                        <th scope="col" class="px-3 py-2 text-right">{tr(Msg::SurveyResponses)}</th>
                    </tr></thead>
                    <tbody data-testid="admin-survey-list">
                        {list.into_iter().map(|s| view! {
                            <tr class="border-t border-gray-200">
                                <td class="px-3 py-2"><a href=format!("/admin/surveys/{}", s.id) class=LINK>{s.title.clone()}</a></td>
                                <td class="px-3 py-2">{phase_badge(s.phase)}</td>
                                <td class="px-3 py-2 font-mono text-sm">{s.opens_on.clone()}" — "{s.closes_on.clone()}</td>
                                <td class="px-3 py-2 text-right">{s.responses}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
        <section class=CARD aria-labelledby="new-survey">
            <h2 id="new-survey" class="mb-3 text-lg font-bold">{tr(Msg::NewSurvey)}</h2>
            {loaded(form, move |(token, values, errors): (String, SurveyInput, Vec<(String, Msg)>)| {
                let stored = StoredValue::new(errors);
                let err = move |f: &'static str| Signal::derive(move || match create.value().get() {
                    Some(Err(e)) => e.for_field(f),
                    Some(Ok(_)) => None,
                    None => stored.with_value(|d| d.iter().find(|e| e.0 == f).map(|e| e.1)),
                });
                let alert = Signal::derive(move || match create.value().get() {
                    Some(Err(e)) => e.form_level(),
                    _ => None,
                });
                let template = values.template == "seed002";
                view! {
                    <ActionForm action=create attr:class="space-y-3" attr:novalidate="true">
                        <input type="hidden" name="token" value=token/>
                        <FormAlert msg=alert/>
                        {settings_fields(values, err)}
                        <label for="f-template" class="tap flex items-center gap-3">
                            <input id="f-template" type="checkbox" name="template" value="seed002" checked=template class="h-6 w-6"/>
                            <span>{tr(Msg::SurveyTemplate)}</span>
                        </label>
                        <button type="submit" class=SMALL_BUTTON disabled=move || create.pending().get() data-testid="create-survey">{tr(Msg::CreateSurvey)}</button>
                    </ActionForm>
                }
            })}
        </section>
    }
}

/// `/admin/surveys/{id}`: state, settings, questions, invitations, live counts and exports.
#[component]
pub fn AdminSurveyPage() -> impl IntoView {
    let id = id_param();
    let query = use_query_map();
    let add = ServerAction::<AddSurveyQuestion>::new();
    let change = ServerAction::<ChangeSurveyQuestion>::new();
    let act = ServerAction::<SurveyAction>::new();
    let settings = ServerAction::<SaveSurveySettings>::new();
    let invites = ServerAction::<MakeSurveyInvites>::new();
    // Reload after a success only: a refused form keeps what was typed.
    let (add_ok, change_ok, act_ok, settings_ok, invites_ok) = (successes(add), successes(change), successes(act), successes(settings), successes(invites));
    let versions = move || (add_ok.get(), change_ok.get(), act_ok.get(), settings_ok.get(), invites_ok.get());
    let data = Resource::new(
        move || (id.get(), query.read_untracked().get("draft"), versions()),
        |(id, draft, _)| get_survey_admin(id, draft),
    );
    let actions = Actions { add, change, act, settings, invites };
    view! { {loaded(data, move |a: SurveyAdmin| view! { <AdminSurveyBody a actions/> })} }
}

#[derive(Clone, Copy)]
struct Actions {
    add: ServerAction<AddSurveyQuestion>,
    change: ServerAction<ChangeSurveyQuestion>,
    act: ServerAction<SurveyAction>,
    settings: ServerAction<SaveSurveySettings>,
    invites: ServerAction<MakeSurveyInvites>,
}

/// Counts an action's successful runs (its version when it last succeeded).
fn successes<S>(a: ServerAction<S>) -> Memo<usize>
where
    S: leptos::server_fn::ServerFn<Error = crate::error::AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + Clone + 'static,
{
    Memo::new(move |prev: Option<&usize>| match a.value().get() {
        Some(Ok(_)) => a.version().get(),
        _ => prev.copied().unwrap_or(0),
    })
}

fn action_error<S>(a: ServerAction<S>, field: &'static str) -> Signal<Option<Msg>>
where
    S: leptos::server_fn::ServerFn<Error = crate::error::AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + Clone + 'static,
{
    Signal::derive(move || match a.value().get() {
        Some(Err(e)) => e.for_field(field).or_else(|| e.form_level()),
        _ => None,
    })
}

#[component]
fn AdminSurveyBody(a: SurveyAdmin, actions: Actions) -> impl IntoView {
    let Actions { add, change, act, settings, invites } = actions;
    let SurveyAdmin { survey, settings: values, responses, locked, invites_total, invites_used, results, question_token, question_values, question_errors } = a;
    let id = survey.id;
    let phase = survey.phase;
    let state_button = |action: &'static str, label: Msg| view! {
        <ActionForm action=act>
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="action" value=action/>
            <button type="submit" class=SMALL_BUTTON data-testid=format!("survey-{action}")>{tr(label)}</button>
        </ActionForm>
    };
    let settings_err = move |f: &'static str| Signal::derive(move || match settings.value().get() {
        Some(Err(e)) => e.for_field(f),
        _ => None,
    });
    let saved = move || matches!(settings.value().get(), Some(Ok(())));
    let questions = survey.questions.clone();
    let count = questions.len();
    view! {
        {title(survey.title.clone())}
        <h1 class="mb-2 text-2xl font-bold">{survey.title.clone()}</h1>
        <div class=CARD>
            <p class="mb-3">{phase_badge(phase)}" · "{tr(Msg::SurveyResponses)}": "<strong data-testid="admin-responses">{responses}</strong>
                " · "<a href=format!("/surveys/{id}") class=LINK>{tr(if phase == Phase::Open { Msg::SurveyPublicPage } else { Msg::SurveyPreviewLink })}</a>
                {(phase != Phase::Draft).then(|| view! { " · "<a href=format!("/surveys/{id}/results") class=LINK>{tr(Msg::SurveyResults)}</a> })}</p>
            <div class="flex flex-wrap gap-3">
                {(phase == Phase::Draft).then(|| state_button("publish", Msg::SurveyPublish))}
                {matches!(phase, Phase::Open | Phase::NotYetOpen).then(|| state_button("close", Msg::SurveyClose))}
                {(phase == Phase::Closed).then(|| state_button("reopen", Msg::SurveyReopen))}
                <a href=format!("/admin/surveys/{id}/responses.csv") class=PLAIN_BUTTON data-testid="export-csv">{tr(Msg::ExportResponsesCsv)}</a>
                <a href=format!("/admin/surveys/{id}/responses.xlsx") class=PLAIN_BUTTON data-testid="export-xlsx">{tr(Msg::ExportXlsx)}</a>
            </div>
            <FormAlert msg=action_error(act, "action")/>
        </div>

        <section class=CARD aria-labelledby="survey-questions">
            <h2 id="survey-questions" class="mb-2 text-lg font-bold">{tr(Msg::SurveyQuestions)}" ("{count}")"</h2>
            {locked.then(|| view! { <p class="mb-2 rounded bg-amber-50 px-3 py-2">{tr(Msg::SurveyLocked)}</p> })}
            <FormAlert msg=action_error(change, "change")/>
            <ol class="space-y-2" data-testid="admin-questions">
                {questions.into_iter().enumerate().map(|(i, q)| {
                    let button = move |c: &'static str, label: Msg, disabled: bool| view! {
                        <ActionForm action=change>
                            <input type="hidden" name="id" value=id/>
                            <input type="hidden" name="question" value=q.id/>
                            <input type="hidden" name="change" value=c/>
                            <button type="submit" class=PLAIN_BUTTON disabled=disabled aria-label=format!("{} {}", tr(label), i + 1)>{tr(label)}</button>
                        </ActionForm>
                    };
                    view! {
                        <li class="flex flex-wrap items-center gap-2 border-b border-gray-200 pb-2">
                            <span class="grow">{i + 1}". "
                                {(!q.section.is_empty()).then(|| view! { <span class="text-sm text-gray-700">"["{q.section.clone()}"] "</span> })}
                                {q.title.clone()}" "<span class="text-sm text-gray-700">"("{tr(q.kind.msg())}{q.required.then(|| view! { ", "{tr(Msg::Required)} })}")"</span></span>
                            {(!locked).then(|| view! {
                                {button("up", Msg::MoveUp, i == 0)}
                                {button("down", Msg::MoveDown, i + 1 == count)}
                                {button("delete", Msg::Delete, false)}
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            {(!locked).then(|| view! { <QuestionForm id add token=question_token.clone() values=question_values.clone() errors=question_errors.clone()/> })}
        </section>

        {survey.invite_only.then(|| view! {
            <section class=CARD aria-labelledby="survey-invites">
                <h2 id="survey-invites" class="mb-2 text-lg font-bold">{tr(Msg::SurveyInvites)}</h2>
                <p class="mb-2" data-testid="invite-counts">{tr(Msg::SurveyInvitesMade)}": "{invites_total}" · "{tr(Msg::SurveyInvitesUsed)}": "{invites_used}</p>
                <ActionForm action=invites attr:class="flex flex-wrap items-end gap-3" attr:novalidate="true">
                    <input type="hidden" name="id" value=id/>
                    <Field name="count" label=Msg::SurveyInviteCount kind="number" inputmode="numeric" value="100" error=action_error(invites, "count")/>
                    <button type="submit" class=SMALL_BUTTON data-testid="make-invites">{tr(Msg::SurveyMakeInvites)}</button>
                </ActionForm>
                {(invites_total > 0).then(|| view! { <a href=format!("/admin/surveys/{id}/invites.csv") class=LINK data-testid="invites-csv">{tr(Msg::SurveyInvitesCsv)}</a> })}
            </section>
        })}

        <section class=CARD aria-labelledby="survey-settings">
            <h2 id="survey-settings" class="mb-2 text-lg font-bold">{tr(Msg::SurveySettings)}</h2>
            <ActionForm action=settings attr:class="space-y-3" attr:novalidate="true">
                <input type="hidden" name="id" value=id/>
                {settings_fields(values, settings_err)}
                <button type="submit" class=SMALL_BUTTON>{tr(Msg::Save)}</button>
                <Show when=saved><p role="status" class="font-medium text-green-800">{tr(Msg::Saved)}</p></Show>
            </ActionForm>
        </section>

        <h2 class="mb-3 text-xl font-bold">{tr(Msg::SurveyLiveResults)}</h2>
        <ResultsView questions=results show_text=true/>
    }
}

/// The form for a new question; the kind-specific fields are all present, with a note on which
/// kinds use them (works without JavaScript).
#[component]
fn QuestionForm(id: i64, add: ServerAction<AddSurveyQuestion>, token: String, values: QuestionInput, errors: Vec<(String, Msg)>) -> impl IntoView {
    let stored = StoredValue::new(errors);
    let err = move |f: &'static str| Signal::derive(move || match add.value().get() {
        Some(Err(e)) => e.for_field(f),
        Some(Ok(_)) => None,
        None => stored.with_value(|d| d.iter().find(|e| e.0 == f).map(|e| e.1)),
    });
    let kinds = options_of(QuestionKind::ALL, QuestionKind::as_str, QuestionKind::msg);
    let kind = if values.kind.is_empty() { "single".to_owned() } else { values.kind.clone() };
    // The page keeps its DOM when it reloads after an added question, and with it what was
    // typed and ticked: clear the form for the next question.
    let form = NodeRef::<leptos::html::Form>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if matches!(add.value().get(), Some(Ok(()))) {
            if let Some(f) = form.get() {
                f.reset();
            }
        }
    });
    view! {
        <h3 class="mt-4 mb-2 font-bold">{tr(Msg::AddQuestion)}</h3>
        <ActionForm action=add node_ref=form attr:class="space-y-3" attr:novalidate="true" attr:data-testid="question-form">
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="token" value=token/>
            <div class="grid gap-3 sm:grid-cols-2">
                <SelectField name="kind" label=Msg::QuestionKindLabel options=kinds value=kind error=err("kind")/>
                <Field name="section" label=Msg::SurveySection value=values.section.clone() error=err("section")/>
            </div>
            <Field name="text" label=Msg::QuestionTitle required=true maxlength=MAX_TITLE value=values.text.clone() error=err("text")/>
            {check("required", Msg::Required, !values.required.is_empty())}
            <fieldset class="space-y-2 rounded border border-gray-200 p-3">
                <legend class="px-1 font-medium">{tr(Msg::QkSingle)}" / "{tr(Msg::QkMultiple)}</legend>
                <Field name="options" label=Msg::SurveyOptions hint=Msg::OnePerLine multiline=true value=values.options.clone() error=err("options")/>
                {check("other", Msg::SurveyAllowOther, !values.other.is_empty())}
                <div class="grid grid-cols-2 gap-3">
                    <Field name="min" label=Msg::SurveyMinChoices kind="number" inputmode="numeric" value=values.min.clone() error=err("min")/>
                    <Field name="max" label=Msg::SurveyMaxChoices kind="number" inputmode="numeric" value=values.max.clone() error=err("max")/>
                </div>
            </fieldset>
            <fieldset class="space-y-2 rounded border border-gray-200 p-3">
                <legend class="px-1 font-medium">{tr(Msg::QkScale)}" / "{tr(Msg::QkMatrix)}</legend>
                <div class="grid gap-3 sm:grid-cols-3">
                    <Field name="points" label=Msg::SurveyPoints kind="number" inputmode="numeric" value=values.points.clone() error=err("points")/>
                    <Field name="low" label=Msg::SurveyLowLabel value=values.low.clone() error=err("low")/>
                    <Field name="high" label=Msg::SurveyHighLabel value=values.high.clone() error=err("high")/>
                </div>
                <Field name="rows" label=Msg::SurveyRows hint=Msg::OnePerLine multiline=true value=values.rows.clone() error=err("rows")/>
            </fieldset>
            <fieldset class="space-y-2 rounded border border-gray-200 p-3">
                <legend class="px-1 font-medium">{tr(Msg::QkText)}</legend>
                <Field name="max_len" label=Msg::SurveyMaxLen kind="number" inputmode="numeric" value=values.max_len.clone() error=err("max_len")/>
            </fieldset>
            <button type="submit" class=SMALL_BUTTON disabled=move || add.pending().get() data-testid="add-question">{tr(Msg::AddQuestion)}</button>
        </ActionForm>
    }
}
