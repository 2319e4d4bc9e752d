//! Public ratings (好差评): the five levels, the optional sub-scores, 好评率 and rankings.
//! One rating per finished case (一事一评); the two lowest levels are 差评 and open a
//! rectification.

use crate::domain::application::clean_text;
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

code_enum! {
    /// The five levels, best first.
    RatingLevel {
        VerySatisfied = "very_satisfied" => RatingVerySatisfied,
        Satisfied = "satisfied" => RatingSatisfied,
        Basic = "basic" => RatingBasic,
        Unsatisfied = "unsatisfied" => RatingUnsatisfied,
        VeryUnsatisfied = "very_unsatisfied" => RatingVeryUnsatisfied,
    }
}

code_enum! {
    /// The optional sub-scores (1–5 each).
    Aspect {
        Efficiency = "efficiency" => AspectEfficiency,
        Attitude = "attitude" => AspectAttitude,
        Guide = "guide" => AspectGuide,
        Convenience = "convenience" => AspectConvenience,
    }
}

impl RatingLevel {
    /// 差评: the two lowest levels.
    pub fn is_bad(self) -> bool {
        matches!(self, RatingLevel::Unsatisfied | RatingLevel::VeryUnsatisfied)
    }

    /// Counts toward 好评率: 满意 and above.
    pub fn is_good(self) -> bool {
        matches!(self, RatingLevel::VerySatisfied | RatingLevel::Satisfied)
    }

    /// Position in [`LevelCounts`], 0 for the best.
    pub fn index(self) -> usize {
        RatingLevel::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }
}

/// The longest comment, in characters.
pub const MAX_COMMENT: usize = 500;

/// The rating form as posted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingInput {
    pub level: String,
    pub efficiency: String,
    pub attitude: String,
    pub guide: String,
    pub convenience: String,
    pub comment: String,
}

/// A checked rating.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub level: RatingLevel,
    /// Sub-scores in [`Aspect::ALL`] order; `None` when not given.
    pub scores: [Option<i64>; 4],
    pub comment: String,
}

impl RatingInput {
    fn score(&self, aspect: Aspect) -> &str {
        match aspect {
            Aspect::Efficiency => &self.efficiency,
            Aspect::Attitude => &self.attitude,
            Aspect::Guide => &self.guide,
            Aspect::Convenience => &self.convenience,
        }
    }

    /// Every problem at once, next to its field.
    pub fn validate(&self) -> Result<Rating, Vec<(&'static str, Msg)>> {
        let mut errors = Vec::new();
        let level = RatingLevel::parse(&self.level);
        if level.is_none() {
            errors.push(("level", Msg::ChooseOne));
        }
        let mut scores = [None; 4];
        for (i, aspect) in Aspect::ALL.iter().enumerate() {
            let raw = self.score(*aspect).trim();
            if raw.is_empty() {
                continue;
            }
            match raw.parse::<i64>() {
                Ok(n) if (1..=5).contains(&n) => scores[i] = Some(n),
                _ => errors.push((aspect.as_str(), Msg::ScoreOutOfRange)),
            }
        }
        let comment = match clean_text(&self.comment, MAX_COMMENT, true) {
            Ok(c) => c,
            Err(m) => {
                errors.push(("comment", m));
                String::new()
            }
        };
        // A 差评 says what went wrong, so the unit can put it right.
        if level.is_some_and(RatingLevel::is_bad) && comment.is_empty() && !errors.iter().any(|e| e.0 == "comment") {
            errors.push(("comment", Msg::BadRatingNeedsComment));
        }
        match (level, errors.is_empty()) {
            (Some(level), true) => Ok(Rating { level, scores, comment }),
            _ => Err(errors),
        }
    }
}

/// Ratings per level, best first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelCounts(pub [i64; 5]);

impl LevelCounts {
    pub fn add(&mut self, level: RatingLevel, n: i64) {
        self.0[level.index()] += n;
    }

    pub fn total(&self) -> i64 {
        self.0.iter().sum()
    }

    pub fn good(&self) -> i64 {
        self.0[0] + self.0[1]
    }

    pub fn bad(&self) -> i64 {
        self.0[3] + self.0[4]
    }

    /// 好评率 in per-mille (so it stays an integer and compares exactly); `None` with no ratings.
    pub fn good_rate_permille(&self) -> Option<i64> {
        let total = self.total();
        (total > 0).then(|| (self.good() * 1000 + total / 2) / total)
    }
}

/// 好评率 as people read it: "99.5%", or "—" with no ratings.
pub fn percent(permille: Option<i64>) -> String {
    match permille {
        Some(p) => format!("{}.{}%", p / 10, p % 10),
        None => "—".into(),
    }
}

/// One row of a ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ranked {
    /// 1 for the best; rows that tie share the rank and the next rank is skipped (1, 1, 3).
    pub rank: usize,
    pub id: i64,
    pub name: String,
    pub counts: LevelCounts,
    pub good_rate: Option<i64>,
}

/// Ranks by 好评率, then by the number of ratings (more evidence first); equal on both is a tie,
/// listed by name. Rows without ratings are left out: an empty period ranks nobody.
pub fn rank(rows: Vec<(i64, String, LevelCounts)>) -> Vec<Ranked> {
    let mut rows: Vec<(i64, String, LevelCounts, i64)> =
        rows.into_iter().filter_map(|(id, name, c)| c.good_rate_permille().map(|r| (id, name, c, r))).collect();
    rows.sort_by(|a, b| b.3.cmp(&a.3).then(b.2.total().cmp(&a.2.total())).then(a.1.cmp(&b.1)));
    let mut out: Vec<Ranked> = Vec::with_capacity(rows.len());
    for (i, (id, name, counts, rate)) in rows.into_iter().enumerate() {
        let rank = match out.last() {
            Some(prev) if prev.good_rate == Some(rate) && prev.counts.total() == counts.total() => prev.rank,
            _ => i + 1,
        };
        out.push(Ranked { rank, id, name, counts, good_rate: Some(rate) });
    }
    out
}

/// A counter-evaluation campaign's short link: `/r/{slug}`.
pub const SLUG_LEN: usize = 6;
/// The code on the slip a service window hands out with each visit.
pub const VISIT_LEN: usize = 8;

/// A slug or visit code as typed or scanned: `len` characters of the invitation alphabet (no
/// look-alikes); dashes, spaces and case are ignored.
pub fn normalise_code(raw: &str, len: usize) -> Option<String> {
    let s: String = raw.chars().filter(|c| !matches!(c, '-' | ' ')).map(|c| c.to_ascii_uppercase()).collect();
    (s.chars().count() == len && s.chars().all(|c| crate::domain::survey::INVITE_ALPHABET.contains(c))).then_some(s)
}

/// A visit code as printed: "K7MQ-P3XW".
pub fn show_code(code: &str) -> String {
    match code.len() {
        VISIT_LEN if code.is_ascii() => format!("{}-{}", &code[..4], &code[4..]),
        _ => code.to_owned(),
    }
}

/// The longest campaign title and place.
pub const MAX_TITLE: usize = 100;
pub const MAX_PLACE: usize = 50;

/// The campaign form as posted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignInput {
    pub title: String,
    pub unit: String,
    pub matter: String,
    pub place: String,
}

/// A checked campaign. Whether the matter belongs to the unit is checked against the database.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Campaign {
    pub title: String,
    pub unit: i64,
    pub matter: Option<i64>,
    pub place: String,
}

impl CampaignInput {
    /// Every problem at once, next to its field.
    pub fn validate(&self) -> Result<Campaign, Vec<(&'static str, Msg)>> {
        let mut errors = Vec::new();
        let mut text = |field: &'static str, raw: &str, max: usize, required: bool| match clean_text(raw, max, false) {
            Ok(t) if t.is_empty() && required => {
                errors.push((field, Msg::FieldRequired));
                String::new()
            }
            Ok(t) => t,
            Err(m) => {
                errors.push((field, m));
                String::new()
            }
        };
        let title = text("title", &self.title, MAX_TITLE, true);
        let place = text("place", &self.place, MAX_PLACE, false);
        let unit = self.unit.trim().parse::<i64>().ok().filter(|u| *u > 0);
        if unit.is_none() {
            errors.push(("unit", Msg::ChooseOne));
        }
        let matter = match self.matter.trim() {
            "" => Ok(None),
            m => m.parse::<i64>().ok().filter(|m| *m > 0).map(Some).ok_or(()),
        };
        if matter.is_err() {
            errors.push(("matter", Msg::ChooseOne));
        }
        match (unit, matter, errors.is_empty()) {
            (Some(unit), Ok(matter), true) => Ok(Campaign { title, unit, matter, place }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(c: [i64; 5]) -> LevelCounts {
        LevelCounts(c)
    }

    #[test]
    fn good_rate_counts_satisfied_and_above() {
        assert_eq!(counts([3, 1, 1, 0, 0]).good_rate_permille(), Some(800));
        assert_eq!(counts([0, 0, 1, 1, 1]).good_rate_permille(), Some(0));
        // 309,500 of 310,527 rounds to 99.7%.
        assert_eq!(counts([309_500, 0, 1_027, 0, 0]).good_rate_permille(), Some(997));
        assert_eq!(percent(counts([1, 0, 0, 0, 2]).good_rate_permille()), "33.3%");
        assert_eq!(counts([0; 5]).good_rate_permille(), None, "an empty period has no rate");
        assert_eq!(percent(None), "—");
        assert_eq!(counts([1, 1, 1, 1, 1]).bad(), 2);
    }

    #[test]
    fn rankings_share_ranks_on_ties_and_leave_out_units_without_ratings() {
        let ranked = rank(vec![
            (1, "乙局".into(), counts([1, 0, 1, 0, 0])), // 50.0%, 2 ratings
            (2, "甲局".into(), counts([2, 0, 0, 0, 0])), // 100%, 2 ratings
            (3, "丙局".into(), counts([4, 0, 0, 0, 0])), // 100%, 4 ratings: ahead on evidence
            (4, "丁局".into(), counts([0, 1, 0, 1, 0])), // 50.0%, 2 ratings: tie with 乙局
            (5, "戊局".into(), counts([0; 5])),
        ]);
        let order: Vec<(usize, &str)> = ranked.iter().map(|r| (r.rank, r.name.as_str())).collect();
        assert_eq!(order, [(1, "丙局"), (2, "甲局"), (3, "丁局"), (3, "乙局")]);
        assert!(rank(Vec::new()).is_empty());
        assert!(rank(vec![(1, "甲".into(), counts([0; 5]))]).is_empty());
    }

    #[test]
    fn a_bad_rating_needs_a_comment_and_scores_are_one_to_five() {
        let input = RatingInput { level: "very_unsatisfied".into(), ..Default::default() };
        assert_eq!(input.validate().unwrap_err(), vec![("comment", Msg::BadRatingNeedsComment)]);
        let input = RatingInput { level: "satisfied".into(), attitude: "6".into(), guide: "x".into(), ..Default::default() };
        assert_eq!(input.validate().unwrap_err(), vec![("attitude", Msg::ScoreOutOfRange), ("guide", Msg::ScoreOutOfRange)]);
        let input = RatingInput { level: "bogus".into(), comment: "\u{0}".into(), ..Default::default() };
        let errors = input.validate().unwrap_err();
        assert!(errors.contains(&("level", Msg::ChooseOne)) && errors.contains(&("comment", Msg::TextControlChars)));
        let ok = RatingInput { level: "basic".into(), efficiency: "4".into(), ..Default::default() }.validate().unwrap();
        assert_eq!(ok.scores, [Some(4), None, None, None]);
        assert!(!ok.level.is_bad() && !ok.level.is_good());
        assert!(RatingLevel::Unsatisfied.is_bad() && RatingLevel::Satisfied.is_good());
    }

    #[test]
    fn visit_codes_ignore_case_and_dashes_and_campaigns_need_a_title_and_unit() {
        assert_eq!(normalise_code("k7mq-p3xw", VISIT_LEN).as_deref(), Some("K7MQP3XW"));
        assert_eq!(normalise_code("K7MQ-P3X0", VISIT_LEN), None, "0 is not in the alphabet");
        assert_eq!(normalise_code("K7MQP3", VISIT_LEN), None);
        assert_eq!(normalise_code("k7mqp3", SLUG_LEN).as_deref(), Some("K7MQP3"));
        assert_eq!(normalise_code("市民中心窗口", SLUG_LEN), None);
        assert_eq!(show_code("K7MQP3XW"), "K7MQ-P3XW");
        let errors = CampaignInput { title: " ".into(), unit: "x".into(), matter: "-3".into(), place: String::new() }.validate().unwrap_err();
        assert_eq!(errors, vec![("title", Msg::FieldRequired), ("unit", Msg::ChooseOne), ("matter", Msg::ChooseOne)]);
        let ok = CampaignInput { title: "3号窗口服务评价".into(), unit: "2".into(), matter: String::new(), place: "3号窗口".into() }.validate().unwrap();
        assert_eq!((ok.unit, ok.matter, ok.place.as_str()), (2, None, "3号窗口"));
    }
}
