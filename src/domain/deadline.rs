//! The statutory deadline of an information request (政府信息公开条例, 2019), derived from the
//! case's events and able to explain itself.
//!
//! - answer within `answer_days` (20) working days of receipt;
//! - one correction notice (补正) within `correction_notice_days` (7) working days of receipt
//!   stops the clock, which restarts in full when the corrected application arrives;
//! - one extension of at most `max_extension_days` (20) working days;
//! - consulting a third party: up to `max_consultation_days` (15) working days not counted.

use super::calendar::WorkingDayCalendar;
use super::Locale;
use serde::{Deserialize, Serialize};
use time::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlineRules {
    pub answer_days: u32,
    pub correction_notice_days: u32,
    pub max_extension_days: u32,
    pub max_consultation_days: u32,
}

impl Default for DeadlineRules {
    fn default() -> Self {
        DeadlineRules { answer_days: 20, correction_notice_days: 7, max_extension_days: 20, max_consultation_days: 15 }
    }
}

/// What happened to a case, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseEvent {
    Received(Date),
    CorrectionRequested(Date),
    CorrectionReceived(Date),
    Extended { on: Date, days: u32 },
    ConsultationStarted(Date),
    ConsultationEnded(Date),
    Answered(Date),
}

impl CaseEvent {
    pub fn date(self) -> Date {
        match self {
            CaseEvent::Received(d)
            | CaseEvent::CorrectionRequested(d)
            | CaseEvent::CorrectionReceived(d)
            | CaseEvent::ConsultationStarted(d)
            | CaseEvent::ConsultationEnded(d)
            | CaseEvent::Answered(d) => d,
            CaseEvent::Extended { on, .. } => on,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClockState {
    Running,
    /// Stopped: waiting for the applicant's corrected application.
    AwaitingCorrection,
    /// Running, but the days of the open consultation will not count.
    InConsultation,
    Answered,
}

/// One line of the deadline's explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    Counted { days: u32, from: Date },
    CorrectionRequested { on: Date },
    Restarted { on: Date },
    Extended { on: Date, days: u32 },
    ConsultationExcluded { from: Date, to: Date, days: u32 },
    ConsultationOpen { from: Date },
    Answered { on: Date },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub state: ClockState,
    /// The date the count runs from (receipt, or the corrected application's arrival).
    pub clock_start: Date,
    /// The last day to answer; `None` while the clock is stopped for a correction.
    pub due: Option<Date>,
    pub steps: Vec<Step>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum DeadlineError {
    #[error("a case starts with its receipt")]
    NotReceived,
    #[error("events must be in date order")]
    OutOfOrder,
    #[error("the case is already answered")]
    AlreadyAnswered,
    #[error("a correction notice must be sent within the notice period (by {latest})")]
    CorrectionTooLate { latest: Date },
    #[error("only one correction notice is allowed")]
    SecondCorrection,
    #[error("no correction was requested")]
    NoCorrectionPending,
    #[error("only one extension is allowed")]
    SecondExtension,
    #[error("an extension is 1 to {max} working days")]
    ExtensionLength { max: u32 },
    #[error("a consultation is already open")]
    ConsultationOpen,
    #[error("no consultation is open")]
    NoConsultationOpen,
    #[error("the clock is stopped for a correction")]
    ClockStopped,
}

/// Computes the deadline from the events (which must be in date order).
pub fn compute(events: &[CaseEvent], calendar: &WorkingDayCalendar, rules: &DeadlineRules) -> Result<Deadline, DeadlineError> {
    let Some(CaseEvent::Received(received)) = events.first().copied() else {
        return Err(DeadlineError::NotReceived);
    };
    if events.windows(2).any(|w| w[1].date() < w[0].date()) {
        return Err(DeadlineError::OutOfOrder);
    }
    let mut state = ClockState::Running;
    let mut clock_start = received;
    let mut extension: Option<u32> = None;
    let mut excluded = 0u32;
    let mut consultation_from: Option<Date> = None;
    let mut corrected = false;
    let mut steps = vec![Step::Counted { days: rules.answer_days, from: received }];

    for event in &events[1..] {
        if state == ClockState::Answered {
            return Err(DeadlineError::AlreadyAnswered);
        }
        match *event {
            CaseEvent::Received(_) => return Err(DeadlineError::OutOfOrder),
            CaseEvent::CorrectionRequested(on) => {
                if corrected || state == ClockState::AwaitingCorrection {
                    return Err(DeadlineError::SecondCorrection);
                }
                let latest = calendar.add_working_days(received, rules.correction_notice_days);
                if on > latest {
                    return Err(DeadlineError::CorrectionTooLate { latest });
                }
                state = ClockState::AwaitingCorrection;
                steps.push(Step::CorrectionRequested { on });
            }
            CaseEvent::CorrectionReceived(on) => {
                // The same restart twice is harmless (a retried form post): it changes nothing.
                if corrected && state != ClockState::AwaitingCorrection && on == clock_start {
                    continue;
                }
                if state != ClockState::AwaitingCorrection {
                    return Err(DeadlineError::NoCorrectionPending);
                }
                corrected = true;
                clock_start = on;
                excluded = 0;
                state = ClockState::Running;
                steps.push(Step::Restarted { on });
            }
            CaseEvent::Extended { on, days } => {
                if state == ClockState::AwaitingCorrection {
                    return Err(DeadlineError::ClockStopped);
                }
                if extension.is_some() {
                    return Err(DeadlineError::SecondExtension);
                }
                if days == 0 || days > rules.max_extension_days {
                    return Err(DeadlineError::ExtensionLength { max: rules.max_extension_days });
                }
                extension = Some(days);
                steps.push(Step::Extended { on, days });
            }
            CaseEvent::ConsultationStarted(on) => {
                if state == ClockState::AwaitingCorrection {
                    return Err(DeadlineError::ClockStopped);
                }
                if consultation_from.is_some() {
                    return Err(DeadlineError::ConsultationOpen);
                }
                consultation_from = Some(on);
                state = ClockState::InConsultation;
            }
            CaseEvent::ConsultationEnded(to) => {
                let Some(from) = consultation_from.take() else { return Err(DeadlineError::NoConsultationOpen) };
                let days = calendar.working_days_between(from, to).min(rules.max_consultation_days);
                excluded += days;
                state = ClockState::Running;
                steps.push(Step::ConsultationExcluded { from, to, days });
            }
            CaseEvent::Answered(on) => {
                if state == ClockState::AwaitingCorrection {
                    // Answering while a correction is pending closes the case all the same.
                    state = ClockState::Answered;
                    steps.push(Step::Answered { on });
                    return Ok(Deadline { state, clock_start, due: None, steps });
                }
                state = ClockState::Answered;
                steps.push(Step::Answered { on });
            }
        }
    }
    if let Some(from) = consultation_from {
        steps.push(Step::ConsultationOpen { from });
    }
    let due = (state != ClockState::AwaitingCorrection).then(|| {
        let days = rules.answer_days + extension.unwrap_or(0) + excluded;
        calendar.add_working_days(clock_start, days)
    });
    Ok(Deadline { state, clock_start, due, steps })
}

impl Deadline {
    /// The explanation in the reader's language, e.g.
    /// "20 个工作日，自 2026-03-02 起算；因补正于 2026-03-10 重新起算；延长 20 个工作日".
    pub fn explain(&self, locale: Locale) -> String {
        let parts: Vec<String> = self.steps.iter().map(|s| step_text(*s, locale)).collect();
        let sep = if locale == Locale::En { "; " } else { "；" };
        parts.join(sep)
    }
}

fn step_text(step: Step, l: Locale) -> String {
    use Locale::*;
    match (step, l) {
        (Step::Counted { days, from }, Hans) => format!("{days} 个工作日，自 {from} 起算"),
        (Step::Counted { days, from }, Hant) => format!("{days} 個工作日，自 {from} 起算"),
        (Step::Counted { days, from }, En) => format!("{days} working days from {from}"),
        (Step::CorrectionRequested { on }, Hans) => format!("{on} 发出补正通知，计时中止"),
        (Step::CorrectionRequested { on }, Hant) => format!("{on} 發出補正通知，計時中止"),
        (Step::CorrectionRequested { on }, En) => format!("correction requested on {on}, clock stopped"),
        (Step::Restarted { on }, Hans) => format!("因补正于 {on} 重新起算"),
        (Step::Restarted { on }, Hant) => format!("因補正於 {on} 重新起算"),
        (Step::Restarted { on }, En) => format!("restarted on {on} after the correction"),
        (Step::Extended { on, days }, Hans) => format!("{on} 延长 {days} 个工作日"),
        (Step::Extended { on, days }, Hant) => format!("{on} 延長 {days} 個工作日"),
        (Step::Extended { on, days }, En) => format!("extended by {days} working days on {on}"),
        (Step::ConsultationExcluded { from, to, days }, Hans) => format!("征求第三方意见（{from} 至 {to}）{days} 个工作日不计入"),
        (Step::ConsultationExcluded { from, to, days }, Hant) => format!("徵求第三方意見（{from} 至 {to}）{days} 個工作日不計入"),
        (Step::ConsultationExcluded { from, to, days }, En) => {
            format!("{days} working days of third-party consultation ({from} to {to}) not counted")
        }
        (Step::ConsultationOpen { from }, Hans) => format!("自 {from} 起征求第三方意见，期间不计入"),
        (Step::ConsultationOpen { from }, Hant) => format!("自 {from} 起徵求第三方意見，期間不計入"),
        (Step::ConsultationOpen { from }, En) => format!("third-party consultation since {from}, not counted"),
        (Step::Answered { on }, Hans) => format!("{on} 已答复"),
        (Step::Answered { on }, Hant) => format!("{on} 已答覆"),
        (Step::Answered { on }, En) => format!("answered on {on}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::DayKind;
    use proptest::prelude::*;
    use time::macros::date;
    use CaseEvent::*;

    fn plain() -> WorkingDayCalendar {
        WorkingDayCalendar::new()
    }

    fn due(events: &[CaseEvent], cal: &WorkingDayCalendar) -> Option<Date> {
        compute(events, cal, &DeadlineRules::default()).unwrap().due
    }

    #[test]
    fn twenty_working_days_from_receipt() {
        // Monday 2 Nov 2026 + 20 working days = Monday 30 Nov.
        assert_eq!(due(&[Received(date!(2026 - 11 - 02))], &plain()), Some(date!(2026 - 11 - 30)));
    }

    #[test]
    fn deadline_skips_make_up_holidays() {
        let mut cal = plain();
        cal.set(date!(2026 - 11 - 30), DayKind::Holiday);
        cal.set(date!(2026 - 11 - 28), DayKind::MakeUpWorkday);
        // Saturday 28 Nov now counts as day 20.
        assert_eq!(due(&[Received(date!(2026 - 11 - 02))], &cal), Some(date!(2026 - 11 - 28)));
    }

    #[test]
    fn correction_stops_then_restarts_the_clock_in_full() {
        let events = [Received(date!(2026 - 11 - 02)), CorrectionRequested(date!(2026 - 11 - 05))];
        let d = compute(&events, &plain(), &DeadlineRules::default()).unwrap();
        assert_eq!((d.state, d.due), (ClockState::AwaitingCorrection, None));
        let events = [events[0], events[1], CorrectionReceived(date!(2026 - 11 - 16))];
        let d = compute(&events, &plain(), &DeadlineRules::default()).unwrap();
        assert_eq!(d.clock_start, date!(2026 - 11 - 16));
        assert_eq!(d.due, Some(date!(2026 - 12 - 14)));
        assert_eq!(d.explain(Locale::Hans), "20 个工作日，自 2026-11-02 起算；2026-11-05 发出补正通知，计时中止；因补正于 2026-11-16 重新起算");
    }

    #[test]
    fn correction_notice_after_seven_working_days_is_refused() {
        let events = [Received(date!(2026 - 11 - 02)), CorrectionRequested(date!(2026 - 11 - 12))];
        assert_eq!(
            compute(&events, &plain(), &DeadlineRules::default()),
            Err(DeadlineError::CorrectionTooLate { latest: date!(2026 - 11 - 11) })
        );
    }

    #[test]
    fn one_extension_of_at_most_twenty_days() {
        let r = date!(2026 - 11 - 02);
        assert_eq!(due(&[Received(r), Extended { on: date!(2026 - 11 - 20), days: 20 }], &plain()), Some(date!(2026 - 12 - 28)));
        let twice = [Received(r), Extended { on: r, days: 5 }, Extended { on: r, days: 5 }];
        assert_eq!(compute(&twice, &plain(), &DeadlineRules::default()), Err(DeadlineError::SecondExtension));
        let long = [Received(r), Extended { on: r, days: 21 }];
        assert_eq!(compute(&long, &plain(), &DeadlineRules::default()), Err(DeadlineError::ExtensionLength { max: 20 }));
    }

    #[test]
    fn third_party_consultation_is_not_counted_up_to_fifteen_days() {
        let r = date!(2026 - 11 - 02);
        // 5 working days of consultation (9–13 Nov) push the due date by 5.
        let events = [Received(r), ConsultationStarted(date!(2026 - 11 - 06)), ConsultationEnded(date!(2026 - 11 - 13))];
        assert_eq!(due(&events, &plain()), Some(date!(2026 - 12 - 07)));
        // A 25-working-day consultation counts only 15.
        let events = [Received(r), ConsultationStarted(date!(2026 - 11 - 03)), ConsultationEnded(date!(2026 - 12 - 08))];
        let d = compute(&events, &plain(), &DeadlineRules::default()).unwrap();
        assert_eq!(d.steps[1], Step::ConsultationExcluded { from: date!(2026 - 11 - 03), to: date!(2026 - 12 - 08), days: 15 });
        assert_eq!(d.explain(Locale::En), "20 working days from 2026-11-02; 15 working days of third-party consultation (2026-11-03 to 2026-12-08) not counted");
    }

    #[test]
    fn bad_event_sequences_are_refused() {
        let r = date!(2026 - 11 - 02);
        let rules = DeadlineRules::default();
        assert_eq!(compute(&[], &plain(), &rules), Err(DeadlineError::NotReceived));
        assert_eq!(compute(&[Answered(r)], &plain(), &rules), Err(DeadlineError::NotReceived));
        assert_eq!(compute(&[Received(r), Answered(date!(2026 - 11 - 01))], &plain(), &rules), Err(DeadlineError::OutOfOrder));
        assert_eq!(compute(&[Received(r), Answered(r), Answered(r)], &plain(), &rules), Err(DeadlineError::AlreadyAnswered));
        assert_eq!(compute(&[Received(r), CorrectionReceived(r)], &plain(), &rules), Err(DeadlineError::NoCorrectionPending));
        assert_eq!(compute(&[Received(r), ConsultationEnded(r)], &plain(), &rules), Err(DeadlineError::NoConsultationOpen));
    }

    fn arb_date() -> impl Strategy<Value = Date> {
        (0i64..730).prop_map(|n| date!(2026 - 01 - 01) + time::Duration::days(n))
    }

    fn arb_calendar() -> impl Strategy<Value = WorkingDayCalendar> {
        proptest::collection::vec((arb_date(), prop_oneof![Just(DayKind::Holiday), Just(DayKind::MakeUpWorkday)]), 0..40)
            .prop_map(WorkingDayCalendar::from_overrides)
    }

    proptest! {
        #[test]
        fn adding_a_holiday_never_moves_a_due_date_earlier(
            cal in arb_calendar(), received in arb_date(), ext in 0u32..=20, holiday in arb_date()
        ) {
            let mut events = vec![Received(received)];
            if ext > 0 { events.push(Extended { on: received, days: ext }); }
            let before = due(&events, &cal).unwrap();
            let mut more = cal.clone();
            more.set(holiday, DayKind::Holiday);
            let after = due(&events, &more).unwrap();
            prop_assert!(after >= before, "{after} < {before}");
        }

        #[test]
        fn the_deadline_never_falls_on_a_non_working_day(
            cal in arb_calendar(), received in arb_date(), gap in 0i64..20, consult in 0i64..40
        ) {
            let requested = received + time::Duration::days(gap.min(5));
            let restarted = requested + time::Duration::days(gap);
            let consult_end = restarted + time::Duration::days(consult);
            let rules = DeadlineRules::default();
            let mut events = vec![Received(received)];
            if compute(&[Received(received), CorrectionRequested(requested)], &cal, &rules).is_ok() {
                events.push(CorrectionRequested(requested));
                events.push(CorrectionReceived(restarted));
            }
            events.push(ConsultationStarted(restarted));
            events.push(ConsultationEnded(consult_end));
            let d = compute(&events, &cal, &rules).unwrap();
            let due = d.due.unwrap();
            prop_assert!(cal.is_working_day(due));
            prop_assert!(due > d.clock_start);
        }

        #[test]
        fn restarting_the_clock_is_idempotent(cal in arb_calendar(), received in arb_date(), gap in 1i64..30) {
            let rules = DeadlineRules::default();
            let restarted = received + time::Duration::days(gap);
            let once = [Received(received), CorrectionRequested(received), CorrectionReceived(restarted)];
            let twice = [once[0], once[1], once[2], CorrectionReceived(restarted)];
            let a = compute(&once, &cal, &rules).unwrap();
            let b = compute(&twice, &cal, &rules).unwrap();
            prop_assert_eq!(a.due, b.due);
            prop_assert_eq!(a.clock_start, b.clock_start);
        }
    }
}
