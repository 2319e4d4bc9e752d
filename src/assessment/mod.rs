//! Performance assessment (绩效化管理):
//! - publishing-frequency scores and rankings of the units (`/admin/assessment/scores`);
//! - the daily self-audit against the site inspection's veto rules, with 90 days of history, and
//!   the six dimensions of seed 000 (`/admin/assessment`);
//! - the yearly 政府信息公开工作年度报告 of the county or one unit, generated from live data in the
//!   2021 structure with its balance check (`/catalog/reports/{year}`), and the parts the
//!   reporting body writes (`/admin/reports`).

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use crate::apply::UnitOption;
use crate::domain::assessment::{AuditResult, ColumnClass, Dimension, FrequencyRule, UnitScore, mean, share_tenths};
use crate::domain::catalog::Topic;
use crate::domain::report::ApplicationTable;
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// `/catalog/reports/{year}`: the report's generated parts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnualReport {
    pub year: i32,
    /// The unit reported on; `None` for the whole county.
    pub unit: Option<i64>,
    pub unit_name: String,
    pub units: Vec<UnitOption>,
    /// 二、主动公开: catalog entries first published in the year, and those revised.
    pub published: i64,
    pub revised: i64,
    /// 三: the applications table; the columns that fail 新收 + 上年结转 = 办结 + 结转下年度.
    pub table: ApplicationTable,
    pub unbalanced: Vec<usize>,
    /// The year is still running: the figures are so far.
    pub provisional: bool,
    /// Sections 一, 四, 五 and 六 as the reporting body wrote them.
    pub texts: ReportTexts,
}

/// Longest written section, in characters.
pub const MAX_SECTION_CHARS: usize = 10_000;
/// Largest count accepted in section 四.
pub const MAX_REVIEW_COUNT: i64 = 100_000;

/// Section 四's columns: for 行政复议, then 未经复议直接起诉, then 复议后起诉, the four outcomes
/// (their 总计 is added up, not typed).
pub const REVIEW_OUTCOMES: [&str; 4] = ["结果维持", "结果纠正", "其他结果", "尚未审结"];
pub const REVIEW_GROUPS: [&str; 3] = ["行政复议", "行政诉讼 · 未经复议直接起诉", "行政诉讼 · 复议后起诉"];

/// The parts of a yearly report its reporting body writes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportTexts {
    /// 一、总体情况
    pub overview: String,
    /// 五、存在的主要问题及改进情况
    pub problems: String,
    /// 六、其他需要报告的事项
    pub other: String,
    /// 四: twelve counts, in the order of [`REVIEW_GROUPS`] × [`REVIEW_OUTCOMES`].
    pub review: Vec<i64>,
}

impl ReportTexts {
    /// A group's four counts and their total.
    pub fn review_group(&self, group: usize) -> [i64; 5] {
        let mut row = [0; 5];
        for (i, cell) in row.iter_mut().take(4).enumerate() {
            *cell = self.review.get(group * 4 + i).copied().unwrap_or(0);
        }
        row[4] = row[..4].iter().sum();
        row
    }
}

/// Section 四 as stored: twelve comma-separated counts (missing or bad ones are 0).
pub fn parse_review(s: &str) -> Vec<i64> {
    let mut v: Vec<i64> = s.split(',').map(|n| n.trim().parse().unwrap_or(0)).collect();
    v.resize(12, 0);
    v
}

/// `/admin/reports`: the written parts of one report, for editing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportEdit {
    pub year: i32,
    /// 0: the county's own report.
    pub unit: i64,
    pub unit_name: String,
    /// The reports the viewer may write: 0 for the county's, then unit ids.
    pub choices: Vec<UnitOption>,
    pub county: bool,
    pub texts: ReportTexts,
}

/// `/admin/assessment/scores`: rules, column classes and every unit's score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoresView {
    /// ISO date scored ("as of"), and today.
    pub day: String,
    pub today: String,
    pub rules: Vec<FrequencyRule>,
    pub columns: Vec<(Topic, ColumnClass)>,
    pub units: Vec<UnitScore>,
    /// The viewer's own units, shown first with what is missing; empty for site-wide staff.
    pub own: Vec<i64>,
    pub can_edit: bool,
}

/// `/admin/assessment`: today's self-audit, the history and the six dimensions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentView {
    pub audit: AuditResult,
    /// One entry per day of the last 90, oldest first: (day, vetoes, findings), `None` when the
    /// self-audit did not run that day.
    pub history: Vec<(String, Option<(i64, i64)>)>,
    pub dimensions: Vec<Dimension>,
}

/// The counts behind the six dimensions, for the year so far.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    pub units: i64,
    /// Units with both an information officer and a reviewer.
    pub staffed: i64,
    pub guides: i64,
    pub published: i64,
    pub cases_closed: i64,
    pub cases_on_time: i64,
    pub letters_answered: i64,
    pub letters_on_time: i64,
    pub ratings: i64,
    pub ratings_good: i64,
    pub audited_days: i64,
    pub clean_days: i64,
}

/// A count over a whole, shown as "part / whole (xx.x%)".
fn of(part: i64, whole: i64) -> String {
    match share_tenths(part, whole) {
        Some(t) => format!("{part} / {whole}（{}%）", crate::domain::assessment::tenths(t)),
        None => format!("{part} / {whole}"),
    }
}

/// Seed 000's six dimensions, scored where the portal holds the data: each score is the share
/// (or mean of the shares) its figures show; 信息公开 is the mean publishing-frequency score.
pub fn dimensions(f: &Figures, mean_frequency_score: Option<i64>) -> Vec<Dimension> {
    let on_time_cases = share_tenths(f.cases_on_time, f.cases_closed);
    let on_time_letters = share_tenths(f.letters_on_time, f.letters_answered);
    let good = share_tenths(f.ratings_good, f.ratings);
    vec![
        Dimension {
            name: Msg::DimOrganisation,
            score: share_tenths(f.staffed, f.units),
            figures: vec![(Msg::FigStaffedUnits, of(f.staffed, f.units))],
        },
        Dimension { name: Msg::DimInfrastructure, score: share_tenths(f.guides, f.units), figures: vec![(Msg::FigGuides, of(f.guides, f.units))] },
        Dimension {
            name: Msg::DimDisclosure,
            score: mean_frequency_score,
            figures: vec![
                (Msg::FigPublished, f.published.to_string()),
                (Msg::FigMeanScore, mean_frequency_score.map(crate::domain::assessment::tenths).unwrap_or_else(|| "—".into())),
            ],
        },
        Dimension {
            name: Msg::DimEffect,
            score: mean(&[on_time_cases, on_time_letters, good]),
            figures: vec![
                (Msg::FigCasesOnTime, of(f.cases_on_time, f.cases_closed)),
                (Msg::FigLettersOnTime, of(f.letters_on_time, f.letters_answered)),
                (Msg::FigRatingsGood, of(f.ratings_good, f.ratings)),
            ],
        },
        Dimension { name: Msg::DimSharing, score: None, figures: vec![] },
        Dimension {
            name: Msg::DimSecurity,
            score: share_tenths(f.clean_days, f.audited_days),
            figures: vec![(Msg::FigCleanDays, of(f.clean_days, f.audited_days))],
        },
    ]
}
