//! Performance assessment (绩效化管理), the rules shared by server and browser:
//! - publishing-frequency scoring (seed 001): per catalog column (topic) and unit kind, a minimum
//!   number of entries per period and a weight; each unit is scored from what it published;
//! - the daily self-audit against the veto rules of the national site inspection (DOMAIN §7).

use super::application::FieldError;
use super::catalog::Topic;
use super::unit::UnitKind;
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};
use time::{Date, Month};

code_enum! {
    /// How often a minimum applies.
    Period {
        Month = "month" => PeriodMonth,
        Quarter = "quarter" => PeriodQuarter,
        Year = "year" => PeriodYear,
    }
}

code_enum! {
    /// How the site inspection treats a column: news-like columns (动态类) go stale after 2
    /// weeks, notice and policy columns (通知公告、政策文件类) after 6 months.
    ColumnClass {
        News = "news" => ColumnNews,
        Notice = "notice" => ColumnNotice,
    }
}

code_enum! {
    /// The inspection's veto rules (单项否决), checked every day.
    VetoRule {
        HomeStale = "home_stale" => VetoHomeStale,
        ColumnsStale = "columns_stale" => VetoColumnsStale,
        ColumnsEmpty = "columns_empty" => VetoColumnsEmpty,
        LetterUnanswered = "letter_unanswered" => VetoLetterUnanswered,
    }
}

pub const MAX_MINIMUM: u32 = 1000;
pub const MAX_WEIGHT: u32 = 100;
/// Days without an update after which the home page, or a news column, is stale.
pub const NEWS_STALE_DAYS: i64 = 14;
/// Months without an update after which a notice or policy column is stale.
pub const NOTICE_STALE_MONTHS: u32 = 6;
/// Months a valid letter may stay unanswered.
pub const LETTER_MONTHS: u32 = 3;
/// Stale (or empty) columns at which the site is vetoed.
pub const COLUMN_VETO_COUNT: usize = 5;
/// Days of self-audit history shown.
pub const HISTORY_DAYS: i64 = 90;

/// The same day `months` later, on the month's last day when it has no such day.
pub fn add_months(d: Date, months: u32) -> Date {
    let index = d.year() * 12 + i32::from(u8::from(d.month())) - 1 + months as i32;
    let (year, month) = (index.div_euclid(12), Month::try_from((index.rem_euclid(12) + 1) as u8).unwrap_or(Month::January));
    let day = d.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(d)
}

impl Period {
    /// The first and last day of the period that contains `day`.
    pub fn window(self, day: Date) -> (Date, Date) {
        let year = day.year();
        let (first, months) = match self {
            Period::Month => (u8::from(day.month()), 1),
            Period::Quarter => ((u8::from(day.month()) - 1) / 3 * 3 + 1, 3),
            Period::Year => (1, 12),
        };
        let start = Date::from_calendar_date(year, Month::try_from(first).unwrap_or(Month::January), 1).unwrap_or(day);
        let end = add_months(start, months).previous_day().unwrap_or(day);
        (start, end)
    }
}

/// A minimum publishing frequency: units of `kind` publish at least `minimum` entries in column
/// `topic` every `period`; the column counts `weight` in the unit's score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrequencyRule {
    pub topic: Topic,
    pub kind: UnitKind,
    pub period: Period,
    pub minimum: u32,
    pub weight: u32,
}

fn number(field: &'static str, raw: &str, max: u32, out_of_range: Msg) -> Result<u32, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err((field, Msg::FieldRequired));
    }
    raw.parse::<u32>().ok().filter(|n| (1..=max).contains(n)).ok_or((field, out_of_range))
}

impl FrequencyRule {
    /// Checks a rule as the administrator's form posts it; every refused field is reported.
    pub fn parse(topic: &str, kind: &str, period: &str, minimum: &str, weight: &str) -> Result<FrequencyRule, Vec<FieldError>> {
        let mut errors = Vec::new();
        let topic = Topic::parse(topic).ok_or(("topic", Msg::FieldRequired));
        let kind = UnitKind::parse(kind.trim()).ok_or(("kind", Msg::FieldRequired));
        let period = Period::parse(period).ok_or(("period", Msg::FieldRequired));
        let minimum = number("minimum", minimum, MAX_MINIMUM, Msg::MinimumOutOfRange);
        let weight = number("weight", weight, MAX_WEIGHT, Msg::WeightOutOfRange);
        errors.extend([topic.err(), kind.err(), period.err(), minimum.err(), weight.err()].into_iter().flatten());
        match (topic, kind, period, minimum, weight) {
            (Ok(topic), Ok(kind), Ok(period), Ok(minimum), Ok(weight)) => Ok(FrequencyRule { topic, kind, period, minimum, weight }),
            _ => Err(errors),
        }
    }
}

/// One rule applied to one unit in the period containing the day scored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleResult {
    pub topic: Topic,
    pub period: Period,
    /// ISO dates of the period's first and last day: the last is the deadline for what is missing.
    pub from: String,
    pub until: String,
    pub minimum: u32,
    pub published: u32,
    pub weight: u32,
}

impl RuleResult {
    /// Entries still needed before the period ends.
    pub fn missing(&self) -> u32 {
        self.minimum.saturating_sub(self.published)
    }
}

/// A unit's score in tenths of a point out of 100 (one decimal shown): each rule earns its weight
/// in proportion to how much of the minimum was published, capped at the minimum. `None` when no
/// rule applies to the unit.
pub fn score_tenths(results: &[RuleResult]) -> Option<i64> {
    let total: u64 = results.iter().map(|r| u64::from(r.weight)).sum();
    if total == 0 {
        return None;
    }
    // Σ weight × min(published, minimum) / minimum, over Σ weight, × 1000, rounded half up: in
    // integers over the product of the minimums would overflow, so f64 (exact for these sizes).
    let earned: f64 =
        results.iter().map(|r| f64::from(r.weight) * f64::from(r.published.min(r.minimum)) / f64::from(r.minimum.max(1))).sum();
    Some((earned * 1000.0 / total as f64 + 1e-9).round() as i64)
}

/// A unit in the ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitScore {
    pub unit_id: i64,
    pub unit_name: String,
    pub kind: UnitKind,
    pub score: Option<i64>,
    /// 1 for the best; units with equal scores share a rank (1, 2, 2, 4). `None`: not scored.
    pub rank: Option<u32>,
    pub results: Vec<RuleResult>,
}

/// Ranks scored units, best first (ties by name), unscored units last.
pub fn rank(units: &mut [UnitScore]) {
    units.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.unit_name.cmp(&b.unit_name)));
    let mut previous: Option<(i64, u32)> = None;
    for (i, u) in units.iter_mut().enumerate() {
        u.rank = u.score.map(|s| match previous {
            Some((p, r)) if p == s => r,
            _ => i as u32 + 1,
        });
        if let (Some(s), Some(r)) = (u.score, u.rank) {
            previous = Some((s, r));
        }
    }
}

/// What the self-audit knows about one column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnFacts {
    pub topic: Topic,
    pub class: ColumnClass,
    pub last_published: Option<Date>,
    /// Who answers for the column: its latest publisher, or the kinds of unit a rule obliges.
    pub responsible: String,
}

/// A valid letter still without an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenLetter {
    pub tracking: String,
    pub filed_on: Date,
    pub units: String,
}

/// The site as the self-audit sees it on one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteFacts {
    /// The last day anything new reached the home page (a catalog entry or a published reply).
    pub home_updated: Option<Date>,
    pub columns: Vec<ColumnFacts>,
    pub open_letters: Vec<OpenLetter>,
}

/// One problem found: a column, a letter or the home page, with its responsible unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: VetoRule,
    /// A topic code, a letter's tracking number, or empty for the home page.
    pub subject: String,
    /// ISO date of the last update (column, home page) or of filing (letter); empty if never.
    pub since: String,
    pub responsible: String,
}

/// One day's self-audit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditResult {
    pub day: String,
    /// The veto rules the site fails today; empty when it passes.
    pub vetoes: Vec<VetoRule>,
    pub findings: Vec<Finding>,
}

/// Checks the site against the veto rules on `today`. Stale or empty columns are listed even
/// below the count that vetoes the site, so they are fixed before it does.
pub fn self_audit(today: Date, facts: &SiteFacts) -> AuditResult {
    let iso = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut findings = Vec::new();
    let mut vetoes = Vec::new();
    if facts.home_updated.is_none_or(|d| (today - d).whole_days() > NEWS_STALE_DAYS) {
        vetoes.push(VetoRule::HomeStale);
        findings.push(Finding { rule: VetoRule::HomeStale, subject: String::new(), since: iso(facts.home_updated), responsible: String::new() });
    }
    let (mut stale, mut empty) = (0, 0);
    for c in &facts.columns {
        let Some(last) = c.last_published else {
            empty += 1;
            findings.push(Finding { rule: VetoRule::ColumnsEmpty, subject: c.topic.as_str().into(), since: String::new(), responsible: c.responsible.clone() });
            continue;
        };
        let is_stale = match c.class {
            ColumnClass::News => (today - last).whole_days() > NEWS_STALE_DAYS,
            ColumnClass::Notice => add_months(last, NOTICE_STALE_MONTHS) < today,
        };
        if is_stale {
            stale += 1;
            findings.push(Finding { rule: VetoRule::ColumnsStale, subject: c.topic.as_str().into(), since: last.to_string(), responsible: c.responsible.clone() });
        }
    }
    if stale >= COLUMN_VETO_COUNT {
        vetoes.push(VetoRule::ColumnsStale);
    }
    if empty >= COLUMN_VETO_COUNT {
        vetoes.push(VetoRule::ColumnsEmpty);
    }
    let mut late = false;
    for l in &facts.open_letters {
        if add_months(l.filed_on, LETTER_MONTHS) < today {
            late = true;
            findings.push(Finding { rule: VetoRule::LetterUnanswered, subject: l.tracking.clone(), since: l.filed_on.to_string(), responsible: l.units.clone() });
        }
    }
    if late {
        vetoes.push(VetoRule::LetterUnanswered);
    }
    AuditResult { day: today.to_string(), vetoes, findings }
}

/// One of seed 000's six dimensions of e-government, with the figures behind its score.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimension {
    pub name: Msg,
    /// Out of 100, in tenths; `None` where the portal holds no data for the dimension.
    pub score: Option<i64>,
    /// (label, value shown) pairs, the value already formatted.
    pub figures: Vec<(Msg, String)>,
}

/// A percentage in tenths from a part and a whole; `None` for an empty whole.
pub fn share_tenths(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| (part.clamp(0, whole) * 1000 + whole / 2) / whole)
}

/// The mean of the available scores.
pub fn mean(scores: &[Option<i64>]) -> Option<i64> {
    let known: Vec<i64> = scores.iter().flatten().copied().collect();
    (!known.is_empty()).then(|| (known.iter().sum::<i64>() as f64 / known.len() as f64).round() as i64)
}

/// Tenths shown with one decimal: `875` → `87.5`.
pub fn tenths(v: i64) -> String {
    format!("{}.{}", v / 10, (v % 10).abs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn rule(minimum: u32, published: u32, weight: u32) -> RuleResult {
        RuleResult { topic: Topic::Finance, period: Period::Month, from: String::new(), until: String::new(), minimum, published, weight }
    }

    #[test]
    fn periods_cover_the_month_quarter_and_year_of_the_day() {
        assert_eq!(Period::Month.window(date!(2026 - 02 - 14)), (date!(2026 - 02 - 01), date!(2026 - 02 - 28)));
        assert_eq!(Period::Quarter.window(date!(2026 - 08 - 31)), (date!(2026 - 07 - 01), date!(2026 - 09 - 30)));
        assert_eq!(Period::Quarter.window(date!(2026 - 12 - 31)), (date!(2026 - 10 - 01), date!(2026 - 12 - 31)));
        assert_eq!(Period::Year.window(date!(2024 - 02 - 29)), (date!(2024 - 01 - 01), date!(2024 - 12 - 31)));
        assert_eq!(add_months(date!(2026 - 08 - 31), 6), date!(2027 - 02 - 28));
        assert_eq!(add_months(date!(2026 - 11 - 30), 3), date!(2027 - 02 - 28));
    }

    #[test]
    fn a_rule_is_checked_field_by_field() {
        let r = FrequencyRule::parse("finance", "department", "quarter", "6", "20").unwrap();
        assert_eq!((r.topic, r.kind, r.period, r.minimum, r.weight), (Topic::Finance, UnitKind::Department, Period::Quarter, 6, 20));
        let errors = FrequencyRule::parse("nope", "township", "week", "0", "").unwrap_err();
        assert_eq!(
            errors,
            vec![("topic", Msg::FieldRequired), ("period", Msg::FieldRequired), ("minimum", Msg::MinimumOutOfRange), ("weight", Msg::FieldRequired)]
        );
        assert!(FrequencyRule::parse("finance", "department", "month", "1001", "1").is_err());
        assert!(FrequencyRule::parse("finance", "department", "month", "1", "101").is_err());
    }

    #[test]
    fn scores_weigh_each_column_capped_at_its_minimum() {
        // 10 × 2/4 + 30 × 1 (6 of 3 counts as 3 of 3) = 35 of 40 = 87.5.
        assert_eq!(score_tenths(&[rule(4, 2, 10), rule(3, 6, 30)]), Some(875));
        assert_eq!(score_tenths(&[rule(3, 1, 1)]), Some(333));
        assert_eq!(score_tenths(&[rule(3, 2, 1)]), Some(667));
        assert_eq!(score_tenths(&[rule(5, 0, 10)]), Some(0));
        assert_eq!(score_tenths(&[]), None);
        assert_eq!(rule(5, 2, 1).missing(), 3);
        assert_eq!(rule(5, 9, 1).missing(), 0);
        assert_eq!(tenths(875), "87.5");
        assert_eq!(tenths(1000), "100.0");
    }

    #[test]
    fn equal_scores_share_a_rank_and_unscored_units_come_last() {
        let unit = |name: &str, score: Option<i64>| UnitScore {
            unit_id: 0,
            unit_name: name.into(),
            kind: UnitKind::Department,
            score,
            rank: None,
            results: vec![],
        };
        let mut units = vec![unit("丁", None), unit("乙", Some(500)), unit("甲", Some(900)), unit("丙", Some(500)), unit("戊", Some(100))];
        rank(&mut units);
        let got: Vec<(&str, Option<u32>)> = units.iter().map(|u| (u.unit_name.as_str(), u.rank)).collect();
        assert_eq!(got, vec![("甲", Some(1)), ("丙", Some(2)), ("乙", Some(2)), ("戊", Some(4)), ("丁", None)]);
    }

    fn column(topic: Topic, class: ColumnClass, last: Option<Date>) -> ColumnFacts {
        ColumnFacts { topic, class, last_published: last, responsible: "县发展和改革委员会".into() }
    }

    fn site(today: Date) -> SiteFacts {
        SiteFacts {
            home_updated: Some(today),
            columns: Topic::ALL.iter().map(|t| column(*t, ColumnClass::Notice, Some(today))).collect(),
            open_letters: vec![],
        }
    }

    fn vetoes(today: Date, facts: &SiteFacts) -> Vec<VetoRule> {
        self_audit(today, facts).vetoes
    }

    #[test]
    fn the_home_page_is_vetoed_after_two_weeks_without_an_update() {
        let day = date!(2026 - 12 - 01);
        let facts = site(day);
        assert!(vetoes(day, &facts).is_empty());
        assert!(vetoes(day + time::Duration::days(14), &facts).is_empty());
        let later = day + time::Duration::days(15);
        assert_eq!(vetoes(later, &facts), vec![VetoRule::HomeStale]);
        let f = &self_audit(later, &facts).findings[0];
        assert_eq!((f.rule, f.since.as_str()), (VetoRule::HomeStale, "2026-12-01"));
        // An update clears it.
        let mut fresh = facts.clone();
        fresh.home_updated = Some(later);
        assert!(vetoes(later, &fresh).is_empty());
        fresh.home_updated = None;
        assert_eq!(vetoes(later, &fresh), vec![VetoRule::HomeStale]);
    }

    #[test]
    fn five_stale_columns_veto_news_after_two_weeks_and_notices_after_six_months() {
        let day = date!(2026 - 06 - 30);
        let mut facts = site(day);
        // Four news columns a month old: listed, not yet a veto.
        for c in facts.columns.iter_mut().take(4) {
            c.class = ColumnClass::News;
            c.last_published = Some(date!(2026 - 05 - 30));
        }
        let audit = self_audit(day, &facts);
        assert!(audit.vetoes.is_empty());
        assert_eq!(audit.findings.iter().filter(|f| f.rule == VetoRule::ColumnsStale).count(), 4);
        assert_eq!(audit.findings[0].responsible, "县发展和改革委员会");
        // A notice column updated 2025-12-31 is stale once six months have passed, not before.
        facts.columns[10].last_published = Some(date!(2025 - 12 - 31));
        assert!(vetoes(date!(2026 - 06 - 30), &facts).is_empty());
        facts.home_updated = Some(date!(2026 - 07 - 01));
        assert_eq!(vetoes(date!(2026 - 07 - 01), &facts), vec![VetoRule::ColumnsStale]);
        // One fresh publication brings it back under five.
        facts.columns[0].last_published = Some(date!(2026 - 07 - 01));
        assert!(vetoes(date!(2026 - 07 - 01), &facts).is_empty());
        // A news column of 14 days is fine, of 15 stale.
        let mut news = site(day);
        for c in news.columns.iter_mut().take(5) {
            c.class = ColumnClass::News;
            c.last_published = Some(day - time::Duration::days(14));
        }
        assert!(vetoes(day, &news).is_empty());
        news.columns[0].last_published = Some(day - time::Duration::days(15));
        news.columns[1..5].iter_mut().for_each(|c| c.last_published = Some(day - time::Duration::days(15)));
        assert_eq!(vetoes(day, &news), vec![VetoRule::ColumnsStale]);
    }

    #[test]
    fn five_empty_columns_veto_the_site() {
        let day = date!(2026 - 12 - 01);
        let mut facts = site(day);
        facts.columns.iter_mut().take(4).for_each(|c| c.last_published = None);
        let audit = self_audit(day, &facts);
        assert!(audit.vetoes.is_empty());
        assert_eq!(audit.findings.iter().filter(|f| f.rule == VetoRule::ColumnsEmpty).count(), 4);
        facts.columns[4].last_published = None;
        assert_eq!(vetoes(day, &facts), vec![VetoRule::ColumnsEmpty]);
        facts.columns[0].last_published = Some(day);
        assert!(vetoes(day, &facts).is_empty());
    }

    #[test]
    fn a_valid_letter_unanswered_for_three_months_vetoes_the_site() {
        let mut facts = site(date!(2027 - 03 - 01));
        facts.open_letters.push(OpenLetter { tracking: "XF20261130001".into(), filed_on: date!(2026 - 11 - 30), units: "县教育局".into() });
        // 2026-11-30 + 3 months = 2027-02-28: late from 2027-03-01.
        assert!(vetoes(date!(2027 - 02 - 28), &SiteFacts { home_updated: Some(date!(2027 - 02 - 28)), ..facts.clone() }).is_empty());
        let audit = self_audit(date!(2027 - 03 - 01), &facts);
        assert_eq!(audit.vetoes, vec![VetoRule::LetterUnanswered]);
        let f = audit.findings.iter().find(|f| f.rule == VetoRule::LetterUnanswered).unwrap();
        assert_eq!((f.subject.as_str(), f.since.as_str(), f.responsible.as_str()), ("XF20261130001", "2026-11-30", "县教育局"));
        facts.open_letters.clear();
        assert!(vetoes(date!(2027 - 03 - 01), &facts).is_empty());
    }

    #[test]
    fn shares_and_means_round_to_tenths() {
        assert_eq!(share_tenths(2, 3), Some(667));
        assert_eq!(share_tenths(5, 0), None);
        assert_eq!(mean(&[Some(1000), None, Some(500)]), Some(750));
        assert_eq!(mean(&[None]), None);
    }
}
