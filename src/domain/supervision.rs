//! Electronic supervision (电子监察): a case turns yellow a few working days before its due
//! date and red once the date has passed.

use super::calendar::WorkingDayCalendar;
use serde::{Deserialize, Serialize};
use time::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Urgency {
    Normal,
    /// Due within the yellow threshold.
    Yellow,
    /// Overdue.
    Red,
}

/// The card of an open case due on `due`, seen on `today`. Due today is still yellow.
pub fn urgency(due: Date, today: Date, yellow_days: u32, calendar: &WorkingDayCalendar) -> Urgency {
    if today > due {
        Urgency::Red
    } else if calendar.working_days_between(today, due) <= yellow_days {
        Urgency::Yellow
    } else {
        Urgency::Normal
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn cards_turn_yellow_then_red() {
        let cal = WorkingDayCalendar::new();
        let due = date!(2026 - 11 - 30); // a Monday
        assert_eq!(urgency(due, date!(2026 - 11 - 23), 3, &cal), Urgency::Normal); // 5 working days left
        assert_eq!(urgency(due, date!(2026 - 11 - 25), 3, &cal), Urgency::Yellow); // Thu, Fri, Mon
        assert_eq!(urgency(due, due, 3, &cal), Urgency::Yellow);
        assert_eq!(urgency(due, date!(2026 - 12 - 01), 3, &cal), Urgency::Red);
    }
}
