//! Progress lookup (办件查询): tracking number and query code open the applicant's case.

pub mod board;

use crate::apply::pages::loaded;
use crate::cases::api::{SubmitCorrection, lookup_case};
use crate::cases::pages::{AnswerLetter, CaseFacts, UploadForm};
use crate::cases::CaseView;
use crate::hotline::LetterView;
use crate::hotline::pages::WriterLetter;
use crate::domain::application::Action;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::ui::form::{Field, FormAlert};
use crate::ui::layout::PageHeading;
use crate::ui::{tr, use_prefs};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// What the lookup found: a case or a hotline letter.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum LookupResult {
    Case(Box<CaseView>),
    Letter(Box<LetterView>),
}

/// The lookup's one entry: tracking number and query code open a case or a letter.
#[server(endpoint = "lookup/any")]
pub async fn lookup_any(t: String, c: String) -> Result<LookupResult, AppError> {
    use crate::cases::api::{Found, applicant_view, find_any_for_applicant};
    let state = crate::server::auth::state()?;
    match find_any_for_applicant(&state, &t, &c).await? {
        Found::Case(case) => Ok(LookupResult::Case(Box::new(applicant_view(&state, *case).await?))),
        Found::Letter(l) => {
            Ok(LookupResult::Letter(Box::new(crate::hotline::api::build_view(&state, l, crate::hotline::api::Viewer::Writer).await?)))
        }
    }
}

/// (tracking number, query code, draft token) from the address.
fn lookup_args() -> impl Fn() -> (String, String, Option<String>) + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || {
        let q = query.read();
        (q.get("t").unwrap_or_default(), q.get("c").unwrap_or_default(), q.get("draft"))
    }
}

#[component]
pub fn LookupPage() -> impl IntoView {
    let args = lookup_args();
    let correct = ServerAction::<SubmitCorrection>::new();
    let data = Resource::new(
        move || (args(), correct.version().get()),
        |((t, c, _), _)| async move {
            if t.is_empty() && c.is_empty() { None } else { Some(lookup_any(t, c).await) }
        },
    );
    view! {
        <Title text=crate::ui::title_text(Msg::LookupTitle)/>
        <div class="mx-auto max-w-3xl px-4 py-6">
            <PageHeading title=Msg::LookupTitle lead=Msg::LookupDesc/>
            <Suspense fallback=move || view! { <p>{tr(Msg::Loading)}</p> }>
                {crate::ui::suspend(move || async move {
                    let (t, c, _) = args();
                    match data.await {
                        None => view! { <LookupForm t c error=None/> }.into_any(),
                        Some(Err(e)) => view! { <LookupForm t c error=Some(e)/> }.into_any(),
                        Some(Ok(LookupResult::Letter(letter))) => view! {
                            <WriterLetter letter=*letter t c/>
                            <p><a href="/lookup" class="text-red-900 underline">{tr(Msg::LookupAnother)}</a></p>
                        }.into_any(),
                        Some(Ok(LookupResult::Case(case))) => { let case = *case; view! {
                            <CaseFacts case=case.clone() file_prefix="/lookup/files/"
                                file_suffix=format!("?t={}&c={}", urlencoding::encode(&t), urlencoding::encode(&c))/>
                            {(!case.status.is_closed()).then(|| view! {
                                <UploadForm action="/lookup/files" hidden=vec![("t", t.clone()), ("c", c.clone())]/>
                            })}
                            <ApplicantActions case=case.clone() t=t.clone() c=c.clone() correct/>
                            <crate::ratings::pages::RatingSection rating=case.rating.clone() closed=case.status.is_closed() t c/>
                            {case.answer.is_some().then(|| view! {
                                <p class="mb-5"><a href=format!("/lookup/letter?t={}&c={}", urlencoding::encode(&args().0), urlencoding::encode(&args().1))
                                    class="tap inline-flex items-center rounded border border-gray-500 bg-white px-4 py-2 font-medium" data-testid="letter-link">{tr(Msg::AnswerLetter)}</a></p>
                            })}
                            <p><a href="/lookup" class="text-red-900 underline">{tr(Msg::LookupAnother)}</a></p>
                        }.into_any() }
                    }
                })}
            </Suspense>
        </div>
    }
}

/// A plain GET form: works without JavaScript and gives a bookmarkable (private) address.
#[component]
fn LookupForm(t: String, c: String, error: Option<AppError>) -> impl IntoView {
    let prefs = use_prefs();
    let e = error.clone();
    let field_err = move |f: &'static str| e.as_ref().and_then(|e| e.for_field(f));
    let t_err = field_err("t");
    let c_err = field_err("c");
    let alert = error.and_then(|e| e.form_level());
    let input = "tap block w-full rounded border border-gray-500 bg-white px-3 py-2 font-mono text-lg uppercase aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";
    view! {
        <form method="get" action="/lookup" class="space-y-3 rounded-lg border border-gray-300 bg-white p-4" novalidate>
            <FormAlert msg=Signal::derive(move || alert)/>
            <div class="space-y-1">
                <label for="f-t" class="block font-medium">{tr(Msg::TrackingNumber)}</label>
                <input id="f-t" name="t" value=t autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="20"
                    aria-invalid=t_err.is_some().to_string() aria-describedby="f-t-error" class=input/>
                <p id="f-t-error" class="min-h-[1.25rem] text-sm font-medium text-red-800">{move || t_err.map(|m| m.text(prefs.get().locale))}</p>
            </div>
            <div class="space-y-1">
                <label for="f-c" class="block font-medium">{tr(Msg::QueryCode)}</label>
                <input id="f-c" name="c" value=c autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="20"
                    aria-invalid=c_err.is_some().to_string() aria-describedby="f-c-error" class=input/>
                <p id="f-c-error" class="min-h-[1.25rem] text-sm font-medium text-red-800" role="alert">{move || c_err.map(|m| m.text(prefs.get().locale))}</p>
            </div>
            <button type="submit" class="tap rounded bg-red-800 px-5 py-3 text-lg font-bold text-white hover:bg-red-900">{tr(Msg::LookupButton)}</button>
        </form>
        <p class="mt-4"><a href="/lookup/board" class="font-medium text-red-900 underline">{tr(Msg::BoardTitle)}</a></p>
    }
}

/// What the applicant can do at this step: send the correction the unit asked for.
#[component]
fn ApplicantActions(case: CaseView, t: String, c: String, correct: ServerAction<SubmitCorrection>) -> impl IntoView {
    if !case.open_actions.contains(&Action::Corrected) {
        return ().into_any();
    }
    let error = Signal::derive(move || match correct.value().get() {
        Some(Err(e)) => e.for_field("note"),
        _ => None,
    });
    view! {
        <section aria-labelledby="correct-heading" class="mb-5 rounded-lg border-2 border-yellow-600 bg-white p-4">
            <h2 id="correct-heading" class="mb-2 text-lg font-bold">{tr(Msg::CorrectionHeading)}</h2>
            <p class="mb-3">{tr(Msg::CorrectionLead)}</p>
            <ActionForm action=correct attr:class="space-y-3" attr:novalidate="true">
                <input type="hidden" name="t" value=t/>
                <input type="hidden" name="c" value=c/>
                <FormAlert msg=Signal::derive(move || correct.value().get().and_then(|r| r.err()).and_then(|e| e.form_level()))/>
                <Field name="note" label=Msg::CorrectionText multiline=true required=true maxlength=2000 value="" error/>
                <button type="submit" class="tap rounded bg-red-800 px-5 py-3 font-bold text-white hover:bg-red-900" disabled=move || correct.pending().get()>
                    {tr(Msg::SendCorrection)}
                </button>
            </ActionForm>
        </section>
    }
    .into_any()
}

#[component]
pub fn LetterPage() -> impl IntoView {
    let args = lookup_args();
    let data = Resource::new(args, |(t, c, _)| lookup_case(t, c));
    view! {
        <Title text=crate::ui::title_text(Msg::LetterTitle)/>
        <div class="px-4 py-6">{loaded(data, |case| view! { <AnswerLetter case/> })}</div>
    }
}
