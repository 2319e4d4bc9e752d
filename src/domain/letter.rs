//! Letters to the mayor's hotline 12345 and the leaders' mailboxes (市长热线 / 领导信箱): their
//! types, the working-day limits, the writer's form, the states a letter passes through and the
//! monthly statistics.

use super::application::{FieldError, clean_text, email, person_name, required};
use super::calendar::WorkingDayCalendar;
use super::person::PhoneNumber;
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};
use time::Date;

code_enum! {
    /// What the writer wants.
    LetterType {
        Consult = "consult" => LetterConsult,
        Complaint = "complaint" => LetterComplaint,
        Suggestion = "suggestion" => LetterSuggestion,
        Help = "help" => LetterHelp,
        Report = "report" => LetterReport,
    }
}

code_enum! {
    /// Where a letter stands. `Received` waits for the desk; `Routed` is with one or more units;
    /// `Answered` waits for the writer's rating; `Closed`, `Rejected` and `Merged` are final.
    LetterStatus {
        Received = "received" => LetterStatusReceived,
        Routed = "routed" => LetterStatusRouted,
        Answered = "answered" => LetterStatusAnswered,
        Closed = "closed" => LetterStatusClosed,
        Rejected = "rejected" => LetterStatusRejected,
        Merged = "merged" => LetterStatusMerged,
    }
}

code_enum! {
    /// The writer's verdict on the reply.
    Satisfaction {
        Satisfied = "satisfied" => SatisfactionSatisfied,
        Basic = "basic" => SatisfactionBasic,
        Unsatisfied = "unsatisfied" => SatisfactionUnsatisfied,
    }
}

code_enum! {
    /// The steps of a letter's timeline.
    LetterStep {
        Received = "received" => LetterStepReceived,
        Routed = "routed" => LetterStepRouted,
        Rejected = "rejected" => LetterStepRejected,
        Merged = "merged" => LetterStepMerged,
        Answered = "answered" => LetterStepAnswered,
        ExtensionAsked = "extension_asked" => LetterStepExtensionAsked,
        Extended = "extended" => LetterStepExtended,
        Returned = "returned" => LetterStepReturned,
        Reminded = "reminded" => LetterStepReminded,
        Escalated = "escalated" => LetterStepEscalated,
        Rated = "rated" => LetterStepRated,
        Reopened = "reopened" => LetterStepReopened,
        Redacted = "redacted" => LetterStepRedacted,
    }
}

impl LetterStep {
    /// The step as a staff action's button names it.
    pub fn action_msg(self) -> Msg {
        match self {
            LetterStep::Routed => Msg::ActRoute,
            LetterStep::Rejected => Msg::LetterActReject,
            LetterStep::Merged => Msg::ActMerge,
            LetterStep::Answered => Msg::LetterActAnswer,
            LetterStep::ExtensionAsked => Msg::ActAskExtension,
            LetterStep::Extended => Msg::LetterActExtend,
            LetterStep::Returned => Msg::ActReturn,
            LetterStep::Reminded => Msg::ActRemind,
            LetterStep::Escalated => Msg::ActEscalate,
            LetterStep::Redacted => Msg::ActRedact,
            other => other.msg(),
        }
    }
}

impl LetterStatus {
    /// Still waiting for an answer (counts towards the three-month alarm).
    pub fn is_pending(self) -> bool {
        matches!(self, LetterStatus::Received | LetterStatus::Routed)
    }

    pub fn is_final(self) -> bool {
        matches!(self, LetterStatus::Closed | LetterStatus::Rejected | LetterStatus::Merged)
    }
}

/// Working days allowed to answer, per type (0: the same working day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterLimits {
    pub urgent: u32,
    pub consult: u32,
    pub help: u32,
    pub suggestion: u32,
    pub complaint: u32,
    pub report: u32,
}

impl Default for LetterLimits {
    fn default() -> Self {
        LetterLimits { urgent: 0, consult: 3, help: 3, suggestion: 13, complaint: 13, report: 13 }
    }
}

impl LetterLimits {
    pub fn days(&self, t: LetterType, urgent: bool) -> u32 {
        if urgent {
            return self.urgent;
        }
        match t {
            LetterType::Consult => self.consult,
            LetterType::Help => self.help,
            LetterType::Suggestion => self.suggestion,
            LetterType::Complaint => self.complaint,
            LetterType::Report => self.report,
        }
    }

    /// The answer is due `days(t)` working days after `from`.
    pub fn due(&self, t: LetterType, urgent: bool, from: Date, cal: &WorkingDayCalendar) -> Date {
        cal.add_working_days(from, self.days(t, urgent))
    }
}

/// Longest extension a unit may be granted at once, in working days.
pub const MAX_EXTENSION_DAYS: u32 = 15;
/// How many times an unsatisfied writer can send a letter back before the rating closes it.
pub const MAX_REOPEN: i64 = 1;

pub const MAX_LETTER_SUBJECT: usize = 100;
pub const MAX_LETTER_CONTENT: usize = 3000;
pub const MAX_LOCATION: usize = 200;
pub const MAX_REPLY: usize = 5000;

/// The writer's form as posted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterInput {
    pub letter_type: String,
    /// `mayor`, or a unit id for that unit's leader mailbox.
    pub addressee: String,
    pub subject: String,
    pub content: String,
    pub location: String,
    pub name: String,
    pub phone: String,
    pub email: String,
    /// `1` when the writer allows publication.
    pub public_ok: String,
}

/// A checked letter, ready to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub letter_type: LetterType,
    /// `None`: the mayor's mailbox.
    pub addressee: Option<i64>,
    pub subject: String,
    pub content: String,
    pub location: String,
    pub name: String,
    pub phone: PhoneNumber,
    pub email: String,
    pub public_ok: bool,
}

impl LetterInput {
    /// Checks the whole form; every refused field gets its message.
    pub fn validate(&self) -> Result<Letter, Vec<FieldError>> {
        let mut errors: Vec<FieldError> = Vec::new();
        let mut take = |field: &'static str, r: Result<String, Msg>| match r {
            Ok(v) => v,
            Err(m) => {
                errors.push((field, m));
                String::new()
            }
        };
        let subject = take("subject", required(&self.subject, MAX_LETTER_SUBJECT, false));
        let content = take("content", required(&self.content, MAX_LETTER_CONTENT, true));
        let location = take("location", clean_text(&self.location, MAX_LOCATION, false));
        let name = take("name", person_name(&self.name));
        let phone_raw = take("phone", required(&self.phone, 30, false));
        let email = take("email", email(&self.email));
        let letter_type = LetterType::parse(&self.letter_type);
        if letter_type.is_none() {
            errors.push(("letter_type", Msg::ChooseLetterType));
        }
        let addressee = match self.addressee.trim() {
            "" => {
                errors.push(("addressee", Msg::ChooseAddressee));
                None
            }
            "mayor" => None,
            a => match a.parse::<i64>() {
                Ok(id) if id > 0 => Some(id),
                _ => {
                    errors.push(("addressee", Msg::ChooseAddressee));
                    None
                }
            },
        };
        let phone = PhoneNumber::parse(&phone_raw);
        if phone.is_none() && !phone_raw.is_empty() {
            errors.push(("phone", Msg::PhoneInvalid));
        }
        match (letter_type, phone, errors.is_empty()) {
            (Some(letter_type), Some(phone), true) => Ok(Letter {
                letter_type,
                addressee,
                subject,
                content,
                location,
                name,
                phone,
                email,
                public_ok: matches!(self.public_ok.trim(), "1" | "on" | "true"),
            }),
            _ => Err(errors),
        }
    }
}

/// A date `months` calendar months after `d` (the last day of the month when it is shorter).
pub fn add_months(d: Date, months: u32) -> Date {
    let total = d.year() * 12 + (d.month() as i32 - 1) + months as i32;
    let (year, month0) = (total.div_euclid(12), total.rem_euclid(12));
    let month = time::Month::try_from(month0 as u8 + 1).unwrap_or(time::Month::January);
    let last = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, d.day().min(last)).unwrap_or(d)
}

/// The national inspection's veto line: a valid letter still unanswered more than three months
/// after it was received.
pub fn unanswered_too_long(filed_on: Date, today: Date) -> bool {
    today > add_months(filed_on, 3)
}

/// Letters received and answered in a period, and the working days the answers took.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterCounts {
    pub received: i64,
    pub answered: i64,
    /// Sum of working days from receipt to the first answer, over the answered letters.
    pub answer_days: i64,
}

impl LetterCounts {
    pub fn add(&mut self, answered_after: Option<u32>) {
        self.received += 1;
        if let Some(d) = answered_after {
            self.answered += 1;
            self.answer_days += i64::from(d);
        }
    }

    /// 答复率 in per-mille; `None` with nothing received.
    pub fn answer_rate_permille(&self) -> Option<i64> {
        (self.received > 0).then(|| (self.answered * 1000 + self.received / 2) / self.received)
    }

    /// Average working days to answer, in tenths; `None` with nothing answered.
    pub fn average_days_tenths(&self) -> Option<i64> {
        (self.answered > 0).then(|| (self.answer_days * 10 + self.answered / 2) / self.answered)
    }
}

/// "2.5", or "—" with nothing answered.
pub fn tenths(v: Option<i64>) -> String {
    match v {
        Some(v) => format!("{}.{}", v / 10, v % 10),
        None => "—".into(),
    }
}

/// One letter (or one routing to a unit) for the statistics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatRow {
    pub letter_type: LetterType,
    pub received_on: Date,
    pub answered_on: Option<Date>,
}

/// Monthly figures: all letters, by type, and by unit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterStats {
    pub total: LetterCounts,
    pub by_type: Vec<(LetterType, LetterCounts)>,
    pub by_unit: Vec<(i64, String, LetterCounts)>,
}

/// Counts letters received in the period; one answered later counts as answered (the figure is
/// about what became of that month's letters). `routes` are (unit id, unit name, row) per unit a
/// letter was routed to; units are listed by letters received, then by name.
pub fn summarise(letters: &[StatRow], routes: &[(i64, String, StatRow)], cal: &WorkingDayCalendar) -> LetterStats {
    let days = |r: &StatRow| r.answered_on.map(|a| cal.working_days_between(r.received_on, a));
    let mut stats = LetterStats { by_type: LetterType::ALL.iter().map(|t| (*t, LetterCounts::default())).collect(), ..Default::default() };
    for r in letters {
        stats.total.add(days(r));
        if let Some(slot) = stats.by_type.iter_mut().find(|(t, _)| *t == r.letter_type) {
            slot.1.add(days(r));
        }
    }
    for (id, name, r) in routes {
        match stats.by_unit.iter_mut().find(|(u, _, _)| u == id) {
            Some(slot) => slot.2.add(days(r)),
            None => {
                let mut c = LetterCounts::default();
                c.add(days(r));
                stats.by_unit.push((*id, name.clone(), c));
            }
        }
    }
    stats.by_unit.sort_by(|a, b| b.2.received.cmp(&a.2.received).then(a.1.cmp(&b.1)));
    stats
}

/// A period of statistics: one calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Month {
    pub year: i32,
    pub month: u8,
}

impl Month {
    /// `2026-11`.
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.trim().split_once('-')?;
        let (year, month) = (y.parse::<i32>().ok()?, m.parse::<u8>().ok()?);
        ((2000..=2100).contains(&year) && (1..=12).contains(&month)).then_some(Month { year, month })
    }

    pub fn of(d: Date) -> Month {
        Month { year: d.year(), month: d.month() as u8 }
    }

    pub fn first_day(self) -> Date {
        let month = time::Month::try_from(self.month).unwrap_or(time::Month::January);
        Date::from_calendar_date(self.year, month, 1).unwrap_or(Date::MIN)
    }

    /// The first day of the next month.
    pub fn end(self) -> Date {
        add_months(self.first_day(), 1)
    }

    pub fn previous(self) -> Month {
        if self.month == 1 { Month { year: self.year - 1, month: 12 } } else { Month { year: self.year, month: self.month - 1 } }
    }

    pub fn next(self) -> Month {
        if self.month == 12 { Month { year: self.year + 1, month: 1 } } else { Month { year: self.year, month: self.month + 1 } }
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn input() -> LetterInput {
        LetterInput {
            letter_type: "complaint".into(),
            addressee: "mayor".into(),
            subject: "小区门口路灯不亮".into(),
            content: "幸福路 12 号小区门口的路灯已坏了两周。".into(),
            location: "幸福路 12 号".into(),
            name: "王秀英".into(),
            phone: "138 0013 8000".into(),
            email: String::new(),
            public_ok: "1".into(),
        }
    }

    #[test]
    fn a_complete_letter_is_accepted() {
        let l = input().validate().unwrap();
        assert_eq!(l.letter_type, LetterType::Complaint);
        assert_eq!(l.addressee, None);
        assert_eq!(l.phone.as_str(), "13800138000");
        assert!(l.public_ok);
        let l = LetterInput { addressee: "17".into(), public_ok: String::new(), ..input() }.validate().unwrap();
        assert_eq!(l.addressee, Some(17));
        assert!(!l.public_ok);
    }

    #[test]
    fn every_wrong_field_gets_its_message() {
        let bad = LetterInput {
            letter_type: "praise".into(),
            addressee: "-3".into(),
            subject: " ".into(),
            content: "x".repeat(MAX_LETTER_CONTENT + 1),
            name: "<script>".into(),
            phone: "12345".into(),
            email: "a@b".into(),
            ..input()
        };
        let errors = bad.validate().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.0).collect();
        for f in ["letter_type", "addressee", "subject", "content", "name", "phone", "email"] {
            assert!(fields.contains(&f), "{f} not refused: {errors:?}");
        }
        assert!(errors.contains(&("content", Msg::TextTooLong)));
        assert!(errors.contains(&("phone", Msg::PhoneInvalid)));
    }

    #[test]
    fn limits_follow_the_type_and_urgency() {
        let cal = WorkingDayCalendar::new();
        let l = LetterLimits::default();
        let monday = date!(2026 - 11 - 30);
        assert_eq!(l.due(LetterType::Consult, false, monday, &cal), date!(2026 - 12 - 03));
        assert_eq!(l.due(LetterType::Complaint, false, monday, &cal), date!(2026 - 12 - 17));
        assert_eq!(l.due(LetterType::Complaint, true, monday, &cal), monday);
        // Urgent on a Saturday: due the next working day.
        assert_eq!(l.due(LetterType::Help, true, date!(2026 - 11 - 28), &cal), monday);
    }

    #[test]
    fn three_months_means_calendar_months() {
        assert_eq!(add_months(date!(2026 - 11 - 30), 3), date!(2027 - 02 - 28));
        assert_eq!(add_months(date!(2024 - 11 - 30), 3), date!(2025 - 02 - 28));
        assert_eq!(add_months(date!(2026 - 01 - 31), 1), date!(2026 - 02 - 28));
        assert!(!unanswered_too_long(date!(2026 - 09 - 01), date!(2026 - 12 - 01)));
        assert!(unanswered_too_long(date!(2026 - 09 - 01), date!(2026 - 12 - 02)));
    }

    #[test]
    fn statistics_count_rates_and_average_days() {
        let cal = WorkingDayCalendar::new();
        let row = |t, r, a| StatRow { letter_type: t, received_on: r, answered_on: a };
        let letters = vec![
            row(LetterType::Consult, date!(2026 - 11 - 02), Some(date!(2026 - 11 - 04))), // 2 days
            row(LetterType::Consult, date!(2026 - 11 - 06), Some(date!(2026 - 11 - 09))), // Fri→Mon: 1
            row(LetterType::Complaint, date!(2026 - 11 - 10), None),
        ];
        let routes = vec![
            (7, "交通运输局".to_string(), letters[0].clone()),
            (8, "城管局".to_string(), letters[1].clone()),
            (8, "城管局".to_string(), letters[2].clone()),
        ];
        let s = summarise(&letters, &routes, &cal);
        assert_eq!(s.total, LetterCounts { received: 3, answered: 2, answer_days: 3 });
        assert_eq!(s.total.answer_rate_permille(), Some(667));
        assert_eq!(tenths(s.total.average_days_tenths()), "1.5");
        let consult = s.by_type.iter().find(|(t, _)| *t == LetterType::Consult).unwrap().1;
        assert_eq!(consult.answer_rate_permille(), Some(1000));
        let report = s.by_type.iter().find(|(t, _)| *t == LetterType::Report).unwrap().1;
        assert_eq!((report.answer_rate_permille(), tenths(report.average_days_tenths())), (None, "—".to_string()));
        assert_eq!(s.by_unit[0].0, 8, "the unit with most letters first");
        assert_eq!(s.by_unit[0].2, LetterCounts { received: 2, answered: 1, answer_days: 1 });
    }

    #[test]
    fn months_parse_and_step() {
        let m = Month::parse("2026-12").unwrap();
        assert_eq!(m.next(), Month { year: 2027, month: 1 });
        assert_eq!(m.previous().to_string(), "2026-11");
        assert_eq!(m.end(), date!(2027 - 01 - 01));
        assert!(Month::parse("2026-13").is_none());
        assert!(Month::parse("x").is_none());
    }
}
