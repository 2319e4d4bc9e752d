//! Surveys (网上调查 / 问卷测评): question kinds and their rules, how a posted answer sheet is
//! read and checked, and how answers are counted. Shared by the server and the browser; no I/O.

use super::application::{clean_text, required};
use super::rating::percent;
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

code_enum!(
    /// What a question asks for.
    QuestionKind {
        Single = "single" => QkSingle,
        Multiple = "multiple" => QkMultiple,
        Scale = "scale" => QkScale,
        Matrix = "matrix" => QkMatrix,
        Text = "text" => QkText,
    }
);

code_enum!(
    /// Who may answer how often. `Anonymous`: nothing ties an answer to a browser, only the
    /// per-address window limits repeats. `Once`: one answer per browser (a server-issued,
    /// signed token) within the per-address window.
    ResponseMode {
        Anonymous = "anonymous" => SurveyModeAnonymous,
        Once = "once" => SurveyModeOnce,
    }
);

code_enum!(
    /// When the public sees the results.
    ResultsWhen {
        AfterClose = "after_close" => SurveyResultsAfterClose,
        Immediately = "immediately" => SurveyResultsImmediately,
    }
);

pub const MAX_TITLE: usize = 200;
pub const MAX_NOTE: usize = 2000;
pub const MAX_OPTIONS: usize = 30;
pub const MAX_OPTION_LEN: usize = 100;
pub const MAX_ROWS: usize = 20;
pub const MAX_LABEL: usize = 20;
pub const MAX_OTHER: usize = 200;
pub const MAX_TEXT: u32 = 5000;
pub const DEFAULT_TEXT: u32 = 500;
pub const MAX_QUESTIONS: usize = 200;

/// The parts of a question that depend on its kind. Unused parts stay empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Spec {
    /// Single and multiple choice: the options, answered by their index.
    pub options: Vec<String>,
    /// Single and multiple choice: an "other, please specify" choice after the options.
    pub other: bool,
    /// Multiple choice: how many choices at least and at most (0 = no limit for `max`).
    pub min: u32,
    pub max: u32,
    /// Scale and matrix: the points, 1..=points.
    pub points: u8,
    pub low: String,
    pub high: String,
    /// Matrix: the rows, each answered on the scale.
    pub rows: Vec<String>,
    /// Free text: the longest answer in characters.
    pub max_len: u32,
}

/// One question of a survey.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: i64,
    pub section: String,
    pub kind: QuestionKind,
    pub title: String,
    pub required: bool,
    pub spec: Spec,
}

impl Question {
    /// The name of the form field that answers the question (matrix rows add `_<row>`).
    pub fn field(&self) -> String {
        format!("q{}", self.id)
    }

    /// Labels of the points of a scale, `1` … `points`, with the end labels where given.
    pub fn point_labels(&self) -> Vec<String> {
        let n = self.spec.points.max(2);
        (1..=n)
            .map(|p| {
                let end = if p == 1 { &self.spec.low } else if p == n { &self.spec.high } else { "" };
                if end.is_empty() { p.to_string() } else { format!("{p} {end}") }
            })
            .collect()
    }
}

/// The evaluator's form for a new question, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionInput {
    pub section: String,
    pub kind: String,
    /// The question's text (named apart from the survey's `title`: both forms share a page).
    pub text: String,
    pub required: String,
    /// One option per line.
    pub options: String,
    pub other: String,
    pub min: String,
    pub max: String,
    pub points: String,
    pub low: String,
    pub high: String,
    /// One row per line.
    pub rows: String,
    pub max_len: String,
}

fn lines(raw: &str, max_items: usize, field: &'static str, errors: &mut Vec<(&'static str, Msg)>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match clean_text(line, MAX_OPTION_LEN, false) {
            Ok(l) if !out.contains(&l) => out.push(l),
            Ok(_) => {
                errors.push((field, Msg::SurveyDuplicateOption));
                return out;
            }
            Err(m) => {
                errors.push((field, m));
                return out;
            }
        }
    }
    if out.len() > max_items {
        errors.push((field, Msg::SurveyTooManyOptions));
    }
    out
}

fn number(raw: &str, default: u32, lo: u32, hi: u32, field: &'static str, errors: &mut Vec<(&'static str, Msg)>) -> u32 {
    let raw = raw.trim();
    if raw.is_empty() {
        return default;
    }
    match raw.parse::<u32>() {
        Ok(n) if (lo..=hi).contains(&n) => n,
        _ => {
            errors.push((field, Msg::SurveyNumberOutOfRange));
            default
        }
    }
}

impl QuestionInput {
    /// Checks the form and returns the question (id 0 until stored), or every refused field.
    pub fn validate(&self) -> Result<Question, Vec<(&'static str, Msg)>> {
        let mut errors = Vec::new();
        let kind = QuestionKind::parse(&self.kind);
        if kind.is_none() {
            errors.push(("kind", Msg::ChooseOne));
        }
        let title = required(&self.text, MAX_TITLE, false).map_err(|m| errors.push(("text", m))).unwrap_or_default();
        let section = clean_text(&self.section, MAX_OPTION_LEN, false).map_err(|m| errors.push(("section", m))).unwrap_or_default();
        let mut spec = Spec::default();
        let label = |raw: &str, field: &'static str, errors: &mut Vec<(&'static str, Msg)>| {
            clean_text(raw, MAX_LABEL, false).map_err(|m| errors.push((field, m))).unwrap_or_default()
        };
        match kind {
            Some(QuestionKind::Single | QuestionKind::Multiple) => {
                spec.options = lines(&self.options, MAX_OPTIONS, "options", &mut errors);
                spec.other = !self.other.is_empty();
                let choices = spec.options.len() + usize::from(spec.other);
                if spec.options.is_empty() || choices < 2 {
                    errors.push(("options", Msg::SurveyNeedsOptions));
                }
                if kind == Some(QuestionKind::Multiple) {
                    let n = choices as u32;
                    spec.min = number(&self.min, 0, 0, MAX_OPTIONS as u32 + 1, "min", &mut errors);
                    spec.max = number(&self.max, n, 1, MAX_OPTIONS as u32 + 1, "max", &mut errors);
                    if spec.max > n && n >= 2 {
                        errors.push(("max", Msg::SurveyNumberOutOfRange));
                    }
                    if spec.min > spec.max {
                        errors.push(("min", Msg::SurveyMinOverMax));
                    }
                }
            }
            Some(QuestionKind::Scale | QuestionKind::Matrix) => {
                spec.points = number(&self.points, 5, 2, 10, "points", &mut errors) as u8;
                spec.low = label(&self.low, "low", &mut errors);
                spec.high = label(&self.high, "high", &mut errors);
                if kind == Some(QuestionKind::Matrix) {
                    spec.rows = lines(&self.rows, MAX_ROWS, "rows", &mut errors);
                    if spec.rows.is_empty() {
                        errors.push(("rows", Msg::SurveyNeedsRows));
                    }
                }
            }
            Some(QuestionKind::Text) => spec.max_len = number(&self.max_len, DEFAULT_TEXT, 1, MAX_TEXT, "max_len", &mut errors),
            None => {}
        }
        match kind {
            Some(kind) if errors.is_empty() => Ok(Question { id: 0, section, kind, title, required: !self.required.is_empty(), spec }),
            _ => Err(errors),
        }
    }
}

/// One question's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The option's index, or `None` for "other" with its text.
    Choice { option: Option<u32>, other: String },
    Choices { options: Vec<u32>, other: Option<String> },
    Scale(u8),
    /// The point given to each row; `None` where a row of an optional matrix was skipped.
    Grid(Vec<Option<u8>>),
    Text(String),
}

/// A whole answer sheet: question id → answer; unanswered optional questions are absent.
pub type Sheet = BTreeMap<i64, Answer>;

/// Reads an answer sheet from posted form fields (checkbox fields repeat). Every question is
/// checked; a value no option has (a forged id), a missing required answer or an oversized text
/// refuses the sheet, with the message keyed by the question's field.
pub fn read_sheet(questions: &[Question], fields: &[(String, String)]) -> Result<Sheet, Vec<(String, Msg)>> {
    fn values<'a>(fields: &'a [(String, String)], name: &'a str) -> impl Iterator<Item = &'a str> {
        fields.iter().filter(move |(k, _)| k == name).map(|(_, v)| v.trim())
    }
    let first = |name: &str| values(fields, name).find(|v| !v.is_empty()).map(str::to_owned);
    let mut sheet = Sheet::new();
    let mut errors = Vec::new();
    for q in questions {
        let f = q.field();
        let other_text = || clean_text(first(&format!("{f}_other")).as_deref().unwrap_or(""), MAX_OTHER, false);
        let point = |raw: &str| raw.parse::<u8>().ok().filter(|p| (1..=q.spec.points).contains(p));
        let choice = |raw: &str| -> Option<Option<u32>> {
            if raw == "other" && q.spec.other {
                return Some(None);
            }
            raw.parse::<u32>().ok().filter(|i| (*i as usize) < q.spec.options.len()).map(Some)
        };
        let answer: Result<Option<Answer>, Msg> = match q.kind {
            QuestionKind::Single => match first(&f).as_deref() {
                None => Ok(None),
                Some(raw) => match choice(raw) {
                    None => Err(Msg::SurveyBadChoice),
                    Some(Some(i)) => Ok(Some(Answer::Choice { option: Some(i), other: String::new() })),
                    Some(None) => match other_text() {
                        Ok(t) if t.is_empty() => Err(Msg::SurveyOtherEmpty),
                        Ok(t) => Ok(Some(Answer::Choice { option: None, other: t })),
                        Err(m) => Err(m),
                    },
                },
            },
            QuestionKind::Multiple => {
                let mut options = Vec::new();
                let mut other = None;
                let mut bad = None;
                for raw in values(fields, &f).filter(|v| !v.is_empty()) {
                    match choice(raw) {
                        None => bad = Some(Msg::SurveyBadChoice),
                        Some(Some(i)) if !options.contains(&i) => options.push(i),
                        Some(Some(_)) => {}
                        Some(None) => match other_text() {
                            Ok(t) if t.is_empty() => bad = bad.or(Some(Msg::SurveyOtherEmpty)),
                            Ok(t) => other = Some(t),
                            Err(m) => bad = bad.or(Some(m)),
                        },
                    }
                }
                options.sort_unstable();
                let n = options.len() as u32 + u32::from(other.is_some());
                match bad {
                    Some(m) => Err(m),
                    None if n == 0 => Ok(None),
                    None if n < q.spec.min => Err(Msg::SurveyTooFew),
                    None if q.spec.max > 0 && n > q.spec.max => Err(Msg::SurveyTooMany),
                    None => Ok(Some(Answer::Choices { options, other })),
                }
            }
            QuestionKind::Scale => match first(&f).as_deref() {
                None => Ok(None),
                Some(raw) => point(raw).map(|p| Some(Answer::Scale(p))).ok_or(Msg::SurveyBadChoice),
            },
            QuestionKind::Matrix => {
                let mut grid = Vec::with_capacity(q.spec.rows.len());
                let mut bad = false;
                for r in 0..q.spec.rows.len() {
                    match first(&format!("{f}_{r}")).as_deref() {
                        None => grid.push(None),
                        Some(raw) => match point(raw) {
                            Some(p) => grid.push(Some(p)),
                            None => bad = true,
                        },
                    }
                }
                if bad {
                    Err(Msg::SurveyBadChoice)
                } else if grid.iter().all(Option::is_none) {
                    Ok(None)
                } else if q.required && grid.iter().any(Option::is_none) {
                    Err(Msg::SurveyAnswerEveryRow)
                } else {
                    Ok(Some(Answer::Grid(grid)))
                }
            }
            QuestionKind::Text => {
                let raw = first(&f).unwrap_or_default();
                match clean_text(&raw, q.spec.max_len.clamp(1, MAX_TEXT) as usize, true) {
                    Ok(t) if t.is_empty() => Ok(None),
                    Ok(t) => Ok(Some(Answer::Text(t))),
                    Err(m) => Err(m),
                }
            }
        };
        match answer {
            Ok(Some(a)) => {
                sheet.insert(q.id, a);
            }
            Ok(None) if q.required => errors.push((f, Msg::SurveyRequired)),
            Ok(None) => {}
            Err(m) => errors.push((f, m)),
        }
    }
    if errors.is_empty() { Ok(sheet) } else { Err(errors) }
}

/// A count with its share of the question's respondents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub label: String,
    pub count: i64,
    /// "33.3%" of those who answered the question.
    pub share: String,
}

/// One matrix row: the count per point and the mean (×10, one decimal).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridRow {
    pub label: String,
    pub counts: Vec<i64>,
    pub answered: i64,
    pub mean: String,
}

/// The counted answers of one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub id: i64,
    pub section: String,
    pub title: String,
    pub kind: QuestionKind,
    /// How many answer sheets answer this question.
    pub answered: i64,
    /// Choices and scale points, in order ("other" last). Multiple choice counts each option,
    /// so the shares may add up to more than 100%.
    pub counts: Vec<Count>,
    /// Scale: the mean point ("4.2"); empty otherwise or when nobody answered.
    pub mean: String,
    /// Matrix: one row each, with the point labels in `points`.
    pub grid: Vec<GridRow>,
    pub points: Vec<String>,
    /// Free text answers and "other" texts, newest last.
    pub texts: Vec<String>,
}

fn share(count: i64, of: i64) -> String {
    percent((of > 0).then(|| (count * 1000 + of / 2) / of))
}

fn mean(sum: i64, n: i64) -> String {
    if n == 0 {
        return String::new();
    }
    let tenths = (sum * 10 + n / 2) / n;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Counts every sheet's answers per question. Answers that do not fit the question (a sheet
/// stored before a change, which locking prevents) are skipped rather than miscounted.
pub fn tally(questions: &[Question], sheets: &[Sheet]) -> Vec<QuestionResult> {
    questions
        .iter()
        .map(|q| {
            let answers: Vec<&Answer> = sheets.iter().filter_map(|s| s.get(&q.id)).collect();
            let answered = answers.len() as i64;
            let mut result = QuestionResult {
                id: q.id,
                section: q.section.clone(),
                title: q.title.clone(),
                kind: q.kind,
                answered,
                counts: Vec::new(),
                mean: String::new(),
                grid: Vec::new(),
                points: Vec::new(),
                texts: Vec::new(),
            };
            match q.kind {
                QuestionKind::Single | QuestionKind::Multiple => {
                    let mut counts = vec![0i64; q.spec.options.len() + 1];
                    for a in &answers {
                        match a {
                            Answer::Choice { option: Some(i), .. } => {
                                if let Some(c) = counts.get_mut(*i as usize) {
                                    *c += 1;
                                }
                            }
                            Answer::Choice { option: None, other } => {
                                counts[q.spec.options.len()] += 1;
                                result.texts.push(other.clone());
                            }
                            Answer::Choices { options, other } => {
                                for i in options {
                                    if let Some(c) = counts.get_mut(*i as usize) {
                                        *c += 1;
                                    }
                                }
                                if let Some(t) = other {
                                    counts[q.spec.options.len()] += 1;
                                    result.texts.push(t.clone());
                                }
                            }
                            _ => {}
                        }
                    }
                    let mut labels = q.spec.options.clone();
                    labels.push(String::new());
                    result.counts = labels
                        .into_iter()
                        .zip(counts)
                        .enumerate()
                        .filter(|(i, _)| *i < q.spec.options.len() || q.spec.other)
                        .map(|(_, (label, count))| Count { label, count, share: share(count, answered) })
                        .collect();
                }
                QuestionKind::Scale => {
                    let mut counts = vec![0i64; q.spec.points as usize];
                    let (mut sum, mut n) = (0i64, 0i64);
                    for a in &answers {
                        if let Answer::Scale(p) = a {
                            if let Some(c) = counts.get_mut(usize::from(*p).wrapping_sub(1)) {
                                *c += 1;
                                sum += i64::from(*p);
                                n += 1;
                            }
                        }
                    }
                    result.mean = mean(sum, n);
                    result.counts = q
                        .point_labels()
                        .into_iter()
                        .zip(counts)
                        .map(|(label, count)| Count { label, count, share: share(count, answered) })
                        .collect();
                }
                QuestionKind::Matrix => {
                    result.points = q.point_labels();
                    result.grid = q
                        .spec
                        .rows
                        .iter()
                        .enumerate()
                        .map(|(r, label)| {
                            let mut counts = vec![0i64; q.spec.points as usize];
                            let (mut sum, mut n) = (0i64, 0i64);
                            for a in &answers {
                                if let Answer::Grid(g) = a {
                                    if let Some(Some(p)) = g.get(r) {
                                        if let Some(c) = counts.get_mut(usize::from(*p).wrapping_sub(1)) {
                                            *c += 1;
                                            sum += i64::from(*p);
                                            n += 1;
                                        }
                                    }
                                }
                            }
                            GridRow { label: label.clone(), counts, answered: n, mean: mean(sum, n) }
                        })
                        .collect();
                }
                QuestionKind::Text => {
                    result.texts = answers.iter().filter_map(|a| if let Answer::Text(t) = a { Some(t.clone()) } else { None }).collect();
                }
            }
            result
        })
        .collect()
}

/// The ready-made questionnaire of seed 002's 测评: four areas, each sub-item rated 1–5.
pub fn seed_002_template() -> Vec<Question> {
    const AREAS: [(&str, &[&str]); 4] = [
        ("政务公开", &["城市建设", "道路规划", "医疗保健措施", "事务处理"]),
        ("信息公开", &["政策公开及时性", "政策公开全面性", "政策公开准确性"]),
        ("公开渠道建设", &["微信公众号公开", "微博公开"]),
        ("政务服务", &["办事人员专业性", "办事人员的服务态度", "宣讲进社区街道"]),
    ];
    AREAS
        .iter()
        .flat_map(|(area, items)| {
            items.iter().map(move |item| Question {
                id: 0,
                section: (*area).to_owned(),
                kind: QuestionKind::Scale,
                title: format!("您对“{item}”方面公开情况的满意程度"),
                required: false,
                spec: Spec { points: 5, low: "很不满意".into(), high: "很满意".into(), ..Spec::default() },
            })
        })
        .collect()
}

/// The survey's settings as the evaluator types them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SurveyInput {
    pub title: String,
    pub intro: String,
    pub audience: String,
    pub opens_on: String,
    pub closes_on: String,
    pub mode: String,
    pub results: String,
    pub invite_only: String,
    pub public_text: String,
    pub template: String,
}

/// Checked survey settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurveySettings {
    pub title: String,
    pub intro: String,
    pub audience: String,
    pub opens_on: time::Date,
    pub closes_on: time::Date,
    pub mode: ResponseMode,
    pub results: ResultsWhen,
    pub invite_only: bool,
    pub public_text: bool,
}

pub fn parse_date(raw: &str) -> Option<time::Date> {
    time::Date::parse(raw.trim(), &time::format_description::well_known::Iso8601::DATE).ok()
}

impl SurveyInput {
    pub fn validate(&self) -> Result<SurveySettings, Vec<(&'static str, Msg)>> {
        let mut errors = Vec::new();
        let title = required(&self.title, MAX_TITLE, false).map_err(|m| errors.push(("title", m))).ok();
        let intro = clean_text(&self.intro, MAX_NOTE, true).map_err(|m| errors.push(("intro", m))).ok();
        let audience = clean_text(&self.audience, MAX_TITLE, false).map_err(|m| errors.push(("audience", m))).ok();
        let opens = parse_date(&self.opens_on);
        if opens.is_none() {
            errors.push(("opens_on", Msg::DateInvalid));
        }
        let closes = parse_date(&self.closes_on);
        match (opens, closes) {
            (_, None) => errors.push(("closes_on", Msg::DateInvalid)),
            (Some(o), Some(c)) if c < o => errors.push(("closes_on", Msg::SurveyClosesBeforeOpens)),
            _ => {}
        }
        let mode = ResponseMode::parse(&self.mode);
        if mode.is_none() {
            errors.push(("mode", Msg::ChooseOne));
        }
        let results = ResultsWhen::parse(&self.results);
        if results.is_none() {
            errors.push(("results", Msg::ChooseOne));
        }
        match (title, intro, audience, opens, closes, mode, results) {
            (Some(title), Some(intro), Some(audience), Some(opens_on), Some(closes_on), Some(mode), Some(results)) if errors.is_empty() => {
                Ok(SurveySettings {
                    title,
                    intro,
                    audience,
                    opens_on,
                    closes_on,
                    mode,
                    results,
                    invite_only: !self.invite_only.is_empty(),
                    public_text: !self.public_text.is_empty(),
                })
            }
            _ => Err(errors),
        }
    }
}

/// Where a survey is in its life, on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// Being built; not public.
    Draft,
    /// Published but before its opening day.
    NotYetOpen,
    Open,
    /// After the closing day, or closed early by the evaluator.
    Closed,
}

impl Phase {
    /// `state` is the stored draft/published/closed; dates are ISO strings.
    pub fn of(state: &str, opens_on: &str, closes_on: &str, today: time::Date) -> Phase {
        let today = today.to_string();
        match state {
            "draft" => Phase::Draft,
            "closed" => Phase::Closed,
            _ if today.as_str() < opens_on => Phase::NotYetOpen,
            _ if today.as_str() > closes_on => Phase::Closed,
            _ => Phase::Open,
        }
    }

    pub fn msg(self) -> Msg {
        match self {
            Phase::Draft => Msg::SurveyPhaseDraft,
            Phase::NotYetOpen => Msg::SurveyPhaseNotYet,
            Phase::Open => Msg::SurveyPhaseOpen,
            Phase::Closed => Msg::SurveyPhaseClosed,
        }
    }
}

/// An invitation code as typed: 10 characters from an alphabet without look-alikes, shown in
/// two groups of five ("K7MQP-3XWTA"); dashes, spaces and case are ignored.
pub fn normalise_invite(raw: &str) -> Option<String> {
    let s: String = raw.chars().filter(|c| !matches!(c, '-' | ' ')).map(|c| c.to_ascii_uppercase()).collect();
    (s.len() == 10 && s.chars().all(|c| INVITE_ALPHABET.contains(c))).then_some(s)
}

pub const INVITE_ALPHABET: &str = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

#[cfg(test)]
mod tests {
    use super::*;

    fn q(id: i64, kind: QuestionKind, required: bool, spec: Spec) -> Question {
        Question { id, section: String::new(), kind, title: format!("Q{id}"), required, spec }
    }

    fn choice(n: usize, other: bool) -> Spec {
        Spec { options: (0..n).map(|i| format!("o{i}")).collect(), other, ..Spec::default() }
    }

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    fn sample() -> Vec<Question> {
        vec![
            q(1, QuestionKind::Single, true, choice(3, true)),
            q(2, QuestionKind::Multiple, false, Spec { min: 1, max: 2, ..choice(4, false) }),
            q(3, QuestionKind::Scale, false, Spec { points: 5, ..Spec::default() }),
            q(4, QuestionKind::Matrix, true, Spec { points: 3, rows: vec!["a".into(), "b".into()], ..Spec::default() }),
            q(5, QuestionKind::Text, false, Spec { max_len: 10, ..Spec::default() }),
        ]
    }

    #[test]
    fn a_complete_sheet_is_read_question_by_question() {
        let sheet = read_sheet(
            &sample(),
            &fields(&[("q1", "other"), ("q1_other", "别的"), ("q2", "3"), ("q2", "0"), ("q3", "4"), ("q4_0", "1"), ("q4_1", "3"), ("q5", "好")]),
        )
        .unwrap();
        assert_eq!(sheet[&1], Answer::Choice { option: None, other: "别的".into() });
        assert_eq!(sheet[&2], Answer::Choices { options: vec![0, 3], other: None });
        assert_eq!(sheet[&3], Answer::Scale(4));
        assert_eq!(sheet[&4], Answer::Grid(vec![Some(1), Some(3)]));
        assert_eq!(sheet[&5], Answer::Text("好".into()));
    }

    #[test]
    fn forged_option_ids_and_points_refuse_the_sheet() {
        for (k, v) in [("q1", "3"), ("q1", "-1"), ("q1", "x"), ("q3", "6"), ("q3", "0"), ("q4_0", "4")] {
            let mut f = fields(&[("q1", "0"), ("q4_0", "1"), ("q4_1", "1")]);
            f.retain(|(name, _)| name != k);
            f.push((k.into(), v.into()));
            let errors = read_sheet(&sample(), &f).unwrap_err();
            assert!(errors.contains(&(k.split('_').next().unwrap().to_owned(), Msg::SurveyBadChoice)), "{k}={v}: {errors:?}");
        }
        // "other" is no choice where the question has none.
        let errors = read_sheet(&sample(), &fields(&[("q1", "0"), ("q2", "other"), ("q4_0", "1"), ("q4_1", "1")])).unwrap_err();
        assert_eq!(errors, vec![("q2".to_owned(), Msg::SurveyBadChoice)]);
    }

    #[test]
    fn required_questions_min_max_and_text_limits_are_enforced() {
        let errors = read_sheet(&sample(), &fields(&[("q4_0", "1"), ("q2", "0"), ("q2", "1"), ("q2", "2"), ("q5", "十一个字十一个字十一个")])).unwrap_err();
        assert!(errors.contains(&("q1".into(), Msg::SurveyRequired)));
        assert!(errors.contains(&("q2".into(), Msg::SurveyTooMany)));
        assert!(errors.contains(&("q4".into(), Msg::SurveyAnswerEveryRow)));
        assert!(errors.contains(&("q5".into(), Msg::TextTooLong)));
        let errors = read_sheet(&sample(), &fields(&[("q1", "other"), ("q4_0", "1"), ("q4_1", "2")])).unwrap_err();
        assert_eq!(errors, vec![("q1".to_owned(), Msg::SurveyOtherEmpty)]);
        // Optional questions may stay empty; a repeated checkbox counts once.
        let sheet = read_sheet(&sample(), &fields(&[("q1", "1"), ("q4_0", "1"), ("q4_1", "2"), ("q2", "1"), ("q2", "1")])).unwrap();
        assert_eq!(sheet.len(), 3);
        assert_eq!(sheet[&2], Answer::Choices { options: vec![1], other: None });
    }

    #[test]
    fn multiple_choice_counts_each_option_against_respondents() {
        let qs = sample();
        let sheets: Vec<Sheet> = [
            &[("q1", "0"), ("q2", "0"), ("q2", "1")][..],
            &[("q1", "0"), ("q2", "1")][..],
            &[("q1", "other"), ("q1_other", "甲")][..],
            &[("q1", "2"), ("q2", "1"), ("q2", "3")][..],
        ]
        .iter()
        .map(|f| {
            let mut f = fields(f);
            f.extend(fields(&[("q4_0", "1"), ("q4_1", "3")]));
            read_sheet(&qs, &f).unwrap()
        })
        .collect();
        let r = tally(&qs, &sheets);
        assert_eq!(r[0].answered, 4);
        let single: Vec<(i64, &str)> = r[0].counts.iter().map(|c| (c.count, c.share.as_str())).collect();
        assert_eq!(single, vec![(2, "50.0%"), (0, "0.0%"), (1, "25.0%"), (1, "25.0%")]);
        assert_eq!(r[0].texts, vec!["甲".to_owned()]);
        assert_eq!(r[1].answered, 3);
        let multi: Vec<(i64, &str)> = r[1].counts.iter().map(|c| (c.count, c.share.as_str())).collect();
        assert_eq!(multi, vec![(1, "33.3%"), (3, "100.0%"), (0, "0.0%"), (1, "33.3%")]);
    }

    #[test]
    fn matrix_and_scale_are_counted_per_point_with_means() {
        let qs = sample();
        let sheets: Vec<Sheet> = [("1", "3", "5"), ("2", "3", "4"), ("2", "1", "")]
            .iter()
            .map(|(a, b, s)| read_sheet(&qs, &fields(&[("q1", "0"), ("q4_0", a), ("q4_1", b), ("q3", s)])).unwrap())
            .collect();
        let r = tally(&qs, &sheets);
        assert_eq!(r[2].answered, 2);
        assert_eq!(r[2].mean, "4.5");
        assert_eq!(r[2].counts.iter().map(|c| c.count).collect::<Vec<_>>(), vec![0, 0, 0, 1, 1]);
        assert_eq!(r[3].grid[0].counts, vec![1, 2, 0]);
        assert_eq!(r[3].grid[0].mean, "1.7");
        assert_eq!(r[3].grid[1].counts, vec![1, 0, 2]);
        assert_eq!(r[3].points, vec!["1", "2", "3"]);
        assert_eq!(r[4].answered, 0);
        assert!(r[4].texts.is_empty());
    }

    #[test]
    fn question_forms_are_checked_per_kind() {
        let ok = QuestionInput { kind: "multiple".into(), text: "渠道".into(), options: "微信\n微博\n\n网站".into(), max: "2".into(), ..Default::default() };
        let q = ok.validate().unwrap();
        assert_eq!(q.spec.options.len(), 3);
        assert_eq!((q.spec.min, q.spec.max), (0, 2));
        let bad = QuestionInput { kind: "single".into(), text: "".into(), options: "甲\n甲".into(), ..Default::default() };
        let e = bad.validate().unwrap_err();
        assert!(e.contains(&("text", Msg::FieldRequired)));
        assert!(e.contains(&("options", Msg::SurveyDuplicateOption)));
        let e = QuestionInput { kind: "multiple".into(), text: "x".into(), options: "a\nb".into(), min: "2".into(), max: "1".into(), ..Default::default() }
            .validate()
            .unwrap_err();
        assert_eq!(e, vec![("min", Msg::SurveyMinOverMax)]);
        let e = QuestionInput { kind: "matrix".into(), text: "x".into(), points: "11".into(), ..Default::default() }.validate().unwrap_err();
        assert!(e.contains(&("points", Msg::SurveyNumberOutOfRange)) && e.contains(&("rows", Msg::SurveyNeedsRows)));
        assert_eq!(QuestionInput { kind: "essay".into(), text: "x".into(), ..Default::default() }.validate().unwrap_err(), vec![("kind", Msg::ChooseOne)]);
        let t = QuestionInput { kind: "text".into(), text: "意见".into(), ..Default::default() }.validate().unwrap();
        assert_eq!(t.spec.max_len, DEFAULT_TEXT);
    }

    #[test]
    fn the_seed_002_template_has_four_areas_and_twelve_items() {
        let t = seed_002_template();
        assert_eq!(t.len(), 12);
        let mut areas: Vec<&str> = t.iter().map(|q| q.section.as_str()).collect();
        areas.dedup();
        assert_eq!(areas, vec!["政务公开", "信息公开", "公开渠道建设", "政务服务"]);
        assert!(t.iter().all(|q| q.kind == QuestionKind::Scale && q.spec.points == 5));
    }

    #[test]
    fn phases_follow_state_and_dates() {
        let d = |s: &str| parse_date(s).unwrap();
        assert_eq!(Phase::of("draft", "2026-01-01", "2026-12-31", d("2026-06-01")), Phase::Draft);
        assert_eq!(Phase::of("published", "2026-07-01", "2026-12-31", d("2026-06-01")), Phase::NotYetOpen);
        assert_eq!(Phase::of("published", "2026-01-01", "2026-06-01", d("2026-06-01")), Phase::Open);
        assert_eq!(Phase::of("published", "2026-01-01", "2026-05-31", d("2026-06-01")), Phase::Closed);
        assert_eq!(Phase::of("closed", "2026-01-01", "2026-12-31", d("2026-06-01")), Phase::Closed);
    }

    #[test]
    fn invitation_codes_ignore_dashes_case_and_look_alikes() {
        assert_eq!(normalise_invite("k7mqp-3xwta").as_deref(), Some("K7MQP3XWTA"));
        assert_eq!(normalise_invite("K7MQP-3XWT0"), None);
        assert_eq!(normalise_invite("K7MQP"), None);
    }
}
