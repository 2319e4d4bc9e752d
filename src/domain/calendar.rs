//! The working-day calendar: weekends and public holidays are off, the make-up working days
//! (调休) the State Council announces each year are on. Deadlines are counted on it, never on
//! "weekday = working day".

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::{Date, Weekday};

/// How a date differs from the plain weekday/weekend rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DayKind {
    /// 法定节假日 / 调休放假: a weekday that is off.
    Holiday,
    /// 调休上班: a weekend day that is a working day.
    MakeUpWorkday,
}

impl DayKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DayKind::Holiday => "holiday",
            DayKind::MakeUpWorkday => "workday",
        }
    }

    pub fn parse(s: &str) -> Option<DayKind> {
        match s {
            "holiday" => Some(DayKind::Holiday),
            "workday" => Some(DayKind::MakeUpWorkday),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkingDayCalendar {
    overrides: BTreeMap<Date, DayKind>,
}

impl WorkingDayCalendar {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn from_overrides(overrides: impl IntoIterator<Item = (Date, DayKind)>) -> Self {
        WorkingDayCalendar { overrides: overrides.into_iter().collect() }
    }

    pub fn set(&mut self, date: Date, kind: DayKind) {
        self.overrides.insert(date, kind);
    }

    pub fn is_working_day(&self, date: Date) -> bool {
        match self.overrides.get(&date) {
            Some(DayKind::Holiday) => false,
            Some(DayKind::MakeUpWorkday) => true,
            None => !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday),
        }
    }

    /// The `n`-th working day after `from` (the day of `from` itself is not counted, as in
    /// "自收到申请之日起 20 个工作日内"). With `n = 0`: `from` if it is a working day, else the
    /// next working day.
    pub fn add_working_days(&self, from: Date, n: u32) -> Date {
        let mut day = from;
        if n == 0 {
            while !self.is_working_day(day) {
                day = next(day);
            }
            return day;
        }
        let mut left = n;
        while left > 0 {
            day = next(day);
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// Working days `d` with `after < d <= until` (0 when `until <= after`).
    pub fn working_days_between(&self, after: Date, until: Date) -> u32 {
        let mut count = 0;
        let mut day = after;
        while day < until {
            day = next(day);
            if self.is_working_day(day) {
                count += 1;
            }
        }
        count
    }
}

fn next(d: Date) -> Date {
    // Date::MAX is year 9999; a deadline that far out is not a real case.
    d.next_day().unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    /// A fixture in the shape of a spring festival: a week off, framed by two make-up Saturdays.
    fn spring_festival() -> WorkingDayCalendar {
        let mut c = WorkingDayCalendar::new();
        for d in 16..=20 {
            c.set(Date::from_calendar_date(2026, time::Month::February, d).unwrap(), DayKind::Holiday);
        }
        c.set(date!(2026 - 02 - 14), DayKind::MakeUpWorkday);
        c.set(date!(2026 - 02 - 28), DayKind::MakeUpWorkday);
        c
    }

    #[test]
    fn weekends_are_off_weekdays_are_on_by_default() {
        let c = WorkingDayCalendar::new();
        assert!(c.is_working_day(date!(2026 - 11 - 20))); // Friday
        assert!(!c.is_working_day(date!(2026 - 11 - 21))); // Saturday
        assert!(!c.is_working_day(date!(2026 - 11 - 22))); // Sunday
    }

    #[test]
    fn counting_starts_the_day_after_and_skips_weekends() {
        let c = WorkingDayCalendar::new();
        // Friday + 1 working day = Monday.
        assert_eq!(c.add_working_days(date!(2026 - 11 - 20), 1), date!(2026 - 11 - 23));
        // Received on a Sunday: five working days end on Friday.
        assert_eq!(c.add_working_days(date!(2026 - 11 - 22), 5), date!(2026 - 11 - 27));
        assert_eq!(c.add_working_days(date!(2026 - 11 - 22), 0), date!(2026 - 11 - 23));
    }

    #[test]
    fn deadline_skips_holidays_and_counts_make_up_workdays() {
        let c = spring_festival();
        // Friday 13 Feb + 1: Saturday 14 Feb is a make-up working day.
        assert_eq!(c.add_working_days(date!(2026 - 02 - 13), 1), date!(2026 - 02 - 14));
        // From Saturday 14 Feb, the next working day is Monday 23 Feb (16–20 off, weekend).
        assert_eq!(c.add_working_days(date!(2026 - 02 - 14), 1), date!(2026 - 02 - 23));
        // 23–27 Feb are days 1–5, Saturday 28 Feb (make-up) is day 6.
        assert_eq!(c.add_working_days(date!(2026 - 02 - 20), 6), date!(2026 - 02 - 28));
    }

    #[test]
    fn working_days_between_matches_adding() {
        let c = spring_festival();
        let from = date!(2026 - 02 - 10);
        for n in 0..30 {
            let to = c.add_working_days(from, n);
            assert_eq!(c.working_days_between(from, to), n);
        }
        assert_eq!(c.working_days_between(date!(2026 - 03 - 01), date!(2026 - 02 - 01)), 0);
    }
}
