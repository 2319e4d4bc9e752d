//! Online surveys (网上调查 / 问卷测评): evaluators build questionnaires (from seed 002's template
//! or from scratch), open them for a period, and follow the live counts; citizens answer at
//! `/surveys/{id}` with or without JavaScript, once per browser or with a single-use invitation
//! code; results are published with charts after closing (or at once), and the raw answers are
//! exported as CSV and XLSX.
//!
//! What "one response per person" does and does not prevent: a browser that answered carries a
//! server-signed token (an HttpOnly cookie), and its second answer is refused; each client
//! address may send at most `GONGKAI_SURVEY_PER_ADDRESS` answers per survey per hour. A person
//! who clears cookies or switches browsers, within that address limit, can answer again; a
//! person behind many addresses can answer many times. Where that matters, the evaluator uses
//! invitation codes: one code, one answer.

pub mod api;
#[cfg(feature = "ssr")]
pub mod answer;
#[cfg(feature = "ssr")]
pub mod export;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use crate::domain::survey::{Phase, Question, QuestionInput, QuestionResult, ResponseMode, ResultsWhen, SurveyInput};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// A survey as listed for the public and for evaluators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveySummary {
    pub id: i64,
    pub title: String,
    pub audience: String,
    pub opens_on: String,
    pub closes_on: String,
    pub phase: Phase,
    pub responses: i64,
    /// The public may see the results now.
    pub results_public: bool,
}

/// The survey's settings and questions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyView {
    pub id: i64,
    pub title: String,
    pub intro: String,
    pub audience: String,
    pub opens_on: String,
    pub closes_on: String,
    pub mode: ResponseMode,
    pub results: ResultsWhen,
    pub invite_only: bool,
    pub public_text: bool,
    pub phase: Phase,
    pub questions: Vec<Question>,
}

/// The answer page: the survey, whether this browser may answer, and after a refused post
/// without JavaScript the posted values with their errors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerForm {
    pub survey: SurveyView,
    pub token: String,
    /// This browser already answered (in `once` mode).
    pub answered: bool,
    pub values: Vec<(String, String)>,
    pub errors: Vec<(String, Msg)>,
    /// An evaluator looking at a survey that is not open.
    pub preview: bool,
    pub results_public: bool,
}

/// Counted answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyResults {
    pub survey: SurveySummary,
    pub responses: i64,
    pub questions: Vec<QuestionResult>,
    /// Free text answers are listed (always for evaluators; for the public per survey).
    pub show_text: bool,
}

/// The evaluator's page for one survey.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyAdmin {
    pub survey: SurveyView,
    pub settings: SurveyInput,
    pub responses: i64,
    /// Questions can no longer change: answers exist.
    pub locked: bool,
    pub invites_total: i64,
    pub invites_used: i64,
    pub results: Vec<QuestionResult>,
    /// The question form's token, and after a refused post without JavaScript its values.
    pub question_token: String,
    pub question_values: QuestionInput,
    pub question_errors: Vec<(String, Msg)>,
}
