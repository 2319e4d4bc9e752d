//! Survey server functions: thin — parse, check the role, call the store, answer. The citizen's
//! answer sheet is posted to a plain handler (`answer.rs`), not here.

use super::{AnswerForm, SurveyAdmin, SurveyResults, SurveySummary};
use crate::domain::survey::SurveyInput;
use crate::error::AppError;
use crate::i18n::Msg;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use {
    super::{SurveyView, answer, store},
    crate::domain::survey::{Phase, QuestionInput, ResponseMode, ResultsWhen, seed_002_template, tally},
    crate::domain::Need,
    crate::server::{AppState, audit, auth, drafts},
};

#[cfg(feature = "ssr")]
const NEW_FORM: &str = "survey_new";
#[cfg(feature = "ssr")]
const QUESTION_FORM: &str = "survey_question";
/// The most invitation codes made at once.
pub const MAX_INVITES: i64 = 5000;

#[cfg(feature = "ssr")]
async fn evaluator() -> Result<auth::Staff, AppError> {
    auth::require(Need::Evaluation).await
}

#[cfg(feature = "ssr")]
async fn survey(state: &AppState, id: i64) -> Result<SurveyView, AppError> {
    store::load(&state.db, id, state.today()).await?.ok_or(AppError::NotFound)
}

/// `/surveys`: every published survey, newest first.
#[server(endpoint = "surveys/list")]
pub async fn get_public_surveys() -> Result<Vec<SurveySummary>, AppError> {
    let state = auth::state()?;
    Ok(store::list(&state.db, true, state.today()).await?)
}

/// The answer page. Drafts are visible only to evaluators (as a preview); `draft` brings back a
/// refused sheet.
#[server(endpoint = "surveys/form")]
pub async fn get_answer_form(id: i64, draft: Option<String>) -> Result<AnswerForm, AppError> {
    let state = auth::state()?;
    let survey = survey(&state, id).await?;
    let manager = matches!(auth::current().await?, Some(s) if s.grants.satisfies(Need::Evaluation));
    if survey.phase == Phase::Draft && !manager {
        return Err(AppError::NotFound);
    }
    let answered = match survey.mode {
        ResponseMode::Once => {
            let parts = use_context::<axum::http::request::Parts>().ok_or_else(|| AppError::internal("request parts missing"))?;
            match answer::answered_key(&state, &parts.headers, id).await? {
                Some(key) => store::has_answered(&state.db, id, &key).await?,
                None => false,
            }
        }
        ResponseMode::Anonymous => false,
    };
    let (token, values, errors) = match draft {
        Some(token) => match drafts::load::<Vec<(String, String)>>(&state.db, &token, &answer::form_name(id)).await? {
            Some((values, errors)) => (token, values, errors),
            None => (drafts::new_token(), Vec::new(), Vec::new()),
        },
        None => (drafts::new_token(), Vec::new(), Vec::new()),
    };
    let results_public = store::results_public(survey.phase, survey.results);
    Ok(AnswerForm { preview: manager && survey.phase != Phase::Open, survey, token, answered, values, errors, results_public })
}

#[cfg(feature = "ssr")]
async fn results(state: &AppState, survey: SurveyView, for_staff: bool) -> Result<SurveyResults, AppError> {
    let sheets: Vec<_> = store::sheets(&state.db, survey.id).await?.into_iter().map(|(_, _, s)| s).collect();
    let show_text = for_staff || survey.public_text;
    let mut questions = tally(&survey.questions, &sheets);
    if !show_text {
        questions.iter_mut().for_each(|q| q.texts.clear());
    }
    let results_public = store::results_public(survey.phase, survey.results);
    Ok(SurveyResults {
        survey: SurveySummary {
            id: survey.id,
            title: survey.title,
            audience: survey.audience,
            opens_on: survey.opens_on,
            closes_on: survey.closes_on,
            phase: survey.phase,
            responses: sheets.len() as i64,
            results_public,
        },
        responses: sheets.len() as i64,
        questions,
        show_text,
    })
}

/// `/surveys/{id}/results`: the counts, once the survey allows the public to see them.
#[server(endpoint = "surveys/results")]
pub async fn get_survey_results(id: i64) -> Result<SurveyResults, AppError> {
    let state = auth::state()?;
    let survey = survey(&state, id).await?;
    if survey.phase == Phase::Draft {
        return Err(AppError::NotFound);
    }
    if !store::results_public(survey.phase, survey.results) {
        return Err(AppError::invalid("results", Msg::SurveyResultsLater));
    }
    results(&state, survey, false).await
}

/// `/admin/surveys`: every survey.
#[server(endpoint = "surveys/admin/list")]
pub async fn get_admin_surveys() -> Result<Vec<SurveySummary>, AppError> {
    evaluator().await?;
    let state = auth::state()?;
    Ok(store::list(&state.db, false, state.today()).await?)
}

/// The new-survey form: defaults (open today for 30 days, once per person, results after
/// closing), or a refused post's values.
#[server(endpoint = "surveys/admin/new-form")]
pub async fn get_new_survey_form(draft: Option<String>) -> Result<(String, SurveyInput, Vec<(String, Msg)>), AppError> {
    evaluator().await?;
    let state = auth::state()?;
    if let Some(token) = draft {
        if let Some((values, errors)) = drafts::load::<SurveyInput>(&state.db, &token, NEW_FORM).await? {
            return Ok((token, values, errors));
        }
    }
    let today = state.today();
    let values = SurveyInput {
        opens_on: today.to_string(),
        closes_on: (today + time::Duration::days(30)).to_string(),
        mode: ResponseMode::Once.as_str().into(),
        results: ResultsWhen::AfterClose.as_str().into(),
        template: "seed002".into(),
        ..Default::default()
    };
    Ok((drafts::new_token(), values, Vec::new()))
}

/// Creates a survey (with seed 002's questions when `template` says so) and opens its page.
#[server(endpoint = "surveys/admin/create")]
#[allow(clippy::too_many_arguments)]
pub async fn create_survey(
    #[server(default)] token: String,
    #[server(default)] title: String,
    #[server(default)] intro: String,
    #[server(default)] audience: String,
    #[server(default)] opens_on: String,
    #[server(default)] closes_on: String,
    #[server(default)] mode: String,
    #[server(default)] results: String,
    #[server(default)] invite_only: String,
    #[server(default)] public_text: String,
    #[server(default)] template: String,
) -> Result<i64, AppError> {
    let staff = evaluator().await?;
    let state = auth::state()?;
    let input = SurveyInput { title, intro, audience, opens_on, closes_on, mode, results, invite_only, public_text, template };
    let settings = match input.validate() {
        Ok(s) => s,
        Err(errors) => return Err(drafts::refuse(&state.db, &token, NEW_FORM, "/admin/surveys", &input, errors).await),
    };
    let questions = if input.template == "seed002" { seed_002_template() } else { Vec::new() };
    let id = store::create(&state.db, &settings, staff.id, &questions).await?;
    drafts::delete(&state.db, &token).await?;
    audit::record(&state.db, Some(staff.id), "survey.create", &format!("survey {id}")).await?;
    leptos_axum::redirect(&format!("/admin/surveys/{id}"));
    Ok(id)
}

/// Changes a survey's settings (the questions have their own form).
#[server(endpoint = "surveys/admin/settings")]
#[allow(clippy::too_many_arguments)]
pub async fn save_survey_settings(
    id: i64,
    #[server(default)] title: String,
    #[server(default)] intro: String,
    #[server(default)] audience: String,
    #[server(default)] opens_on: String,
    #[server(default)] closes_on: String,
    #[server(default)] mode: String,
    #[server(default)] results: String,
    #[server(default)] invite_only: String,
    #[server(default)] public_text: String,
) -> Result<(), AppError> {
    let staff = evaluator().await?;
    let state = auth::state()?;
    let input = SurveyInput { title, intro, audience, opens_on, closes_on, mode, results, invite_only, public_text, template: String::new() };
    let settings = input.validate().map_err(|errors| AppError::Fields { errors: errors.into_iter().map(|(f, m)| (f.to_owned(), m)).collect() })?;
    if !store::update_settings(&state.db, id, &settings).await? {
        return Err(AppError::NotFound);
    }
    audit::record(&state.db, Some(staff.id), "survey.settings", &format!("survey {id}")).await?;
    Ok(())
}

/// The evaluator's page for one survey: settings, questions, live counts and free text.
#[server(endpoint = "surveys/admin/one")]
pub async fn get_survey_admin(id: i64, draft: Option<String>) -> Result<SurveyAdmin, AppError> {
    evaluator().await?;
    let state = auth::state()?;
    let survey = survey(&state, id).await?;
    let settings = SurveyInput {
        title: survey.title.clone(),
        intro: survey.intro.clone(),
        audience: survey.audience.clone(),
        opens_on: survey.opens_on.clone(),
        closes_on: survey.closes_on.clone(),
        mode: survey.mode.as_str().into(),
        results: survey.results.as_str().into(),
        invite_only: if survey.invite_only { "on".into() } else { String::new() },
        public_text: if survey.public_text { "on".into() } else { String::new() },
        template: String::new(),
    };
    let refused = match &draft {
        Some(token) => drafts::load::<QuestionInput>(&state.db, token, QUESTION_FORM).await?,
        None => None,
    };
    let (question_token, (question_values, question_errors)) = match (draft, refused) {
        (Some(token), Some(r)) => (token, r),
        _ => (drafts::new_token(), Default::default()),
    };
    let invites = store::invites(&state.db, id).await?;
    let counted = results(&state, survey.clone(), true).await?;
    Ok(SurveyAdmin {
        responses: counted.responses,
        locked: counted.responses > 0,
        invites_total: invites.len() as i64,
        invites_used: invites.iter().filter(|i| i.1).count() as i64,
        results: counted.questions,
        survey,
        settings,
        question_token,
        question_values,
        question_errors,
    })
}

/// Adds a question at the end, while no answers exist.
#[server(endpoint = "surveys/admin/question")]
#[allow(clippy::too_many_arguments)]
pub async fn add_survey_question(
    id: i64,
    #[server(default)] token: String,
    #[server(default)] section: String,
    #[server(default)] kind: String,
    #[server(default)] text: String,
    #[server(default)] required: String,
    #[server(default)] options: String,
    #[server(default)] other: String,
    #[server(default)] min: String,
    #[server(default)] max: String,
    #[server(default)] points: String,
    #[server(default)] low: String,
    #[server(default)] high: String,
    #[server(default)] rows: String,
    #[server(default)] max_len: String,
) -> Result<(), AppError> {
    let staff = evaluator().await?;
    let state = auth::state()?;
    survey(&state, id).await?;
    let input = QuestionInput { section, kind, text, required, options, other, min, max, points, low, high, rows, max_len };
    let back = format!("/admin/surveys/{id}");
    let question = match input.validate() {
        Ok(q) => q,
        Err(errors) => return Err(drafts::refuse(&state.db, &token, QUESTION_FORM, &back, &input, errors).await),
    };
    if !store::add_question(&state.db, id, &question).await? {
        return Err(drafts::refuse(&state.db, &token, QUESTION_FORM, &back, &input, vec![("kind", Msg::SurveyLocked)]).await);
    }
    audit::record(&state.db, Some(staff.id), "survey.question", &format!("survey {id}")).await?;
    if drafts::is_plain_form_post() {
        leptos_axum::redirect(&back);
    }
    Ok(())
}

/// Moves a question up or down, or deletes it, while no answers exist.
#[server(endpoint = "surveys/admin/change")]
pub async fn change_survey_question(id: i64, question: i64, change: String) -> Result<(), AppError> {
    let staff = evaluator().await?;
    let state = auth::state()?;
    if !store::change_question(&state.db, id, question, &change).await? {
        return Err(AppError::invalid("change", Msg::SurveyLocked));
    }
    audit::record(&state.db, Some(staff.id), "survey.question", &format!("survey {id} question {question} {change}")).await?;
    if drafts::is_plain_form_post() {
        leptos_axum::redirect(&format!("/admin/surveys/{id}"));
    }
    Ok(())
}

/// Publishes a survey (it needs questions), closes it early, or reopens it.
#[server(endpoint = "surveys/admin/state")]
pub async fn survey_action(id: i64, action: String) -> Result<(), AppError> {
    let staff = evaluator().await?;
    let state = auth::state()?;
    let s = survey(&state, id).await?;
    let ok = match action.as_str() {
        "publish" if s.questions.is_empty() => return Err(AppError::invalid("action", Msg::SurveyNoQuestions)),
        "publish" => store::set_state(&state.db, id, "published", &["draft"]).await?,
        "close" => store::set_state(&state.db, id, "closed", &["published"]).await?,
        "reopen" if s.closes_on < state.today().to_string() => return Err(AppError::invalid("action", Msg::SurveyReopenDates)),
        "reopen" => store::set_state(&state.db, id, "published", &["closed"]).await?,
        _ => return Err(AppError::BadRequest),
    };
    if !ok {
        return Err(AppError::invalid("action", Msg::ActionNotOpen));
    }
    audit::record(&state.db, Some(staff.id), &format!("survey.{action}"), &format!("survey {id}")).await?;
    if drafts::is_plain_form_post() {
        leptos_axum::redirect(&format!("/admin/surveys/{id}"));
    }
    Ok(())
}

/// Makes `count` single-use invitation codes, downloaded as CSV from the survey's page.
#[server(endpoint = "surveys/admin/invites")]
pub async fn make_survey_invites(id: i64, #[server(default)] count: String) -> Result<(), AppError> {
    let staff = evaluator().await?;
    let state = auth::state()?;
    survey(&state, id).await?;
    let n = count.trim().parse::<i64>().ok().filter(|n| (1..=MAX_INVITES).contains(n)).ok_or_else(|| AppError::invalid("count", Msg::SurveyInviteCount))?;
    let codes: Vec<String> = (0..n).map(|_| drafts::random_code(10)).collect();
    store::add_invites(&state.db, id, &codes).await?;
    audit::record(&state.db, Some(staff.id), "survey.invites", &format!("survey {id}: {n} codes")).await?;
    if drafts::is_plain_form_post() {
        leptos_axum::redirect(&format!("/admin/surveys/{id}"));
    }
    Ok(())
}
