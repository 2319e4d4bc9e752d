//! The disclosure catalog (政府信息公开目录): the metadata every entry carries, the three
//! classifications it is browsed by, the index-number pattern, the publishing workflow and the
//! tokens Chinese search is built on. The browser runs the same field checks as the server.

use super::application::{FieldError, clean_text, required};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};
use time::Date;

code_enum! {
    /// 主题分类: the national topic classification, as county portals use it.
    Topic {
        GovOrg = "gov-org" => TopicGovOrg,
        General = "general" => TopicGeneral,
        Economy = "economy" => TopicEconomy,
        Finance = "finance" => TopicFinance,
        Land = "land" => TopicLand,
        Agriculture = "agriculture" => TopicAgriculture,
        Industry = "industry" => TopicIndustry,
        Commerce = "commerce" => TopicCommerce,
        Market = "market" => TopicMarket,
        Construction = "construction" => TopicConstruction,
        Education = "education" => TopicEducation,
        Culture = "culture" => TopicCulture,
        Health = "health" => TopicHealth,
        Population = "population" => TopicPopulation,
        Labour = "labour" => TopicLabour,
        Justice = "justice" => TopicJustice,
        Civil = "civil" => TopicCivil,
        Ethnic = "ethnic" => TopicEthnic,
        Other = "other" => TopicOther,
    }
}

code_enum! {
    /// 体裁分类: the kind of document.
    Genre {
        Decree = "decree" => GenreDecree,
        Decision = "decision" => GenreDecision,
        Announcement = "announcement" => GenreAnnouncement,
        Circular = "circular" => GenreCircular,
        Opinion = "opinion" => GenreOpinion,
        Notice = "notice" => GenreNotice,
        Bulletin = "bulletin" => GenreBulletin,
        Report = "report" => GenreReport,
        Reply = "reply" => GenreReply,
        Letter = "letter" => GenreLetter,
        Minutes = "minutes" => GenreMinutes,
        Plan = "plan" => GenrePlan,
        Other = "other" => GenreOther,
    }
}

code_enum! {
    /// 服务对象分类: whom the information serves.
    Audience {
        Citizens = "citizens" => AudienceCitizens,
        LegalPersons = "legal-persons" => AudienceLegalPersons,
        Organisations = "organisations" => AudienceOrganisations,
    }
}

code_enum! {
    /// 有效性: an entry stays in the catalog when it lapses or is repealed, marked as such.
    Validity {
        Valid = "valid" => ValidityValid,
        Lapsed = "lapsed" => ValidityLapsed,
        Repealed = "repealed" => ValidityRepealed,
    }
}

code_enum! {
    /// 公开方式.
    Disclosure {
        Proactive = "proactive" => DisclosureProactive,
        OnRequest = "on-request" => DisclosureOnRequest,
    }
}

code_enum! {
    /// Where an entry stands in the catalog.
    EntryState {
        Unpublished = "unpublished" => EntryUnpublished,
        Published = "published" => EntryPublished,
        Withdrawn = "withdrawn" => EntryWithdrawn,
    }
}

code_enum! {
    /// Where one revision of an entry stands in review (内部审核).
    RevisionState {
        Draft = "draft" => RevisionDraft,
        Pending = "pending" => RevisionPending,
        Returned = "returned" => RevisionReturned,
        Approved = "approved" => RevisionApproved,
    }
}

code_enum! {
    /// A step in an entry's history.
    EntryAction {
        Created = "created" => EntryActionCreated,
        Edited = "edited" => EntryActionEdited,
        Submitted = "submitted" => EntryActionSubmitted,
        Returned = "returned" => EntryActionReturned,
        Published = "published" => EntryActionPublished,
        Revised = "revised" => EntryActionRevised,
        Withdrawn = "withdrawn" => EntryActionWithdrawn,
        Imported = "imported" => EntryActionImported,
        FileAdded = "file_added" => EntryActionFileAdded,
        FileRemoved = "file_removed" => EntryActionFileRemoved,
    }
}

impl RevisionState {
    /// The officer may still change the text.
    pub fn editable(self) -> bool {
        matches!(self, RevisionState::Draft | RevisionState::Returned)
    }
}

pub const MAX_TITLE: usize = 200;
pub const MAX_ABSTRACT: usize = 300;
pub const MAX_KEYWORDS: usize = 100;
pub const MAX_DOC_NO: usize = 50;
pub const MAX_BODY: usize = 200_000;
pub const MAX_REASON: usize = 500;

/// An entry's metadata and text as the officer's form posts it: every field a string, so a wrong
/// value gets a message next to its field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EntryInput {
    pub title: String,
    pub summary: String,
    pub keywords: String,
    pub doc_no: String,
    pub written_on: String,
    pub topic: String,
    pub genre: String,
    pub audience: String,
    pub validity: String,
    /// The index number of the entry that replaces this one (for a lapsed or repealed entry).
    pub successor: String,
    pub disclosure: String,
    pub body: String,
}

/// Checked metadata, ready to store. The body is sanitised on the server before it is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub title: String,
    pub summary: String,
    pub keywords: String,
    pub doc_no: String,
    pub written_on: Date,
    pub topic: Topic,
    pub genre: Genre,
    pub audience: Audience,
    pub validity: Validity,
    pub successor: Option<String>,
    pub disclosure: Disclosure,
    pub body: String,
}

fn iso_date(raw: &str) -> Result<Date, Msg> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Msg::FieldRequired);
    }
    Date::parse(raw, time::macros::format_description!("[year]-[month]-[day]")).map_err(|_| Msg::DateInvalid)
}

/// Keywords are separated by commas, the ideographic comma, semicolons or spaces; stored joined
/// with a space, without repeats.
pub fn normalise_keywords(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in raw.split(|c: char| matches!(c, ',' | '，' | '、' | ';' | '；') || c.is_whitespace()) {
        let k = k.trim();
        if !k.is_empty() && !out.iter().any(|o| o == k) {
            out.push(k.to_owned());
        }
    }
    out
}

/// One field on its own, for the check the browser runs as the officer types.
pub fn check_field(field: &str, value: &str, today: Date) -> Option<Msg> {
    let input = match field {
        "title" => EntryInput { title: value.into(), ..EntryInput::default() },
        "summary" => EntryInput { summary: value.into(), ..EntryInput::default() },
        "keywords" => EntryInput { keywords: value.into(), ..EntryInput::default() },
        "doc_no" => EntryInput { doc_no: value.into(), ..EntryInput::default() },
        "written_on" => EntryInput { written_on: value.into(), ..EntryInput::default() },
        _ => return None,
    };
    validate(&input, today).err().and_then(|errors| errors.into_iter().find(|(f, _)| *f == field).map(|(_, m)| m))
}

/// Checks every field at once so the form can show all problems together.
pub fn validate(input: &EntryInput, today: Date) -> Result<Entry, Vec<FieldError>> {
    let mut errors: Vec<FieldError> = Vec::new();
    let mut take = |field: &'static str, r: Result<String, Msg>| match r {
        Ok(v) => v,
        Err(m) => {
            errors.push((field, m));
            String::new()
        }
    };
    let title = take("title", required(&input.title, MAX_TITLE, false));
    let summary = take("summary", clean_text(&input.summary, MAX_ABSTRACT, true));
    let keywords = take("keywords", clean_text(&input.keywords, MAX_KEYWORDS, false));
    let doc_no = take("doc_no", clean_text(&input.doc_no, MAX_DOC_NO, false));
    let successor = take("successor", clean_text(&input.successor, 60, false));
    let body = take("body", clean_text(&input.body, MAX_BODY, true));
    let written_on = match iso_date(&input.written_on) {
        Ok(d) if d > today => {
            errors.push(("written_on", Msg::DateInFuture));
            None
        }
        Ok(d) => Some(d),
        Err(m) => {
            errors.push(("written_on", m));
            None
        }
    };
    let topic = Topic::parse(&input.topic);
    let genre = Genre::parse(&input.genre);
    let audience = Audience::parse(&input.audience);
    let validity = Validity::parse(&input.validity);
    let disclosure = Disclosure::parse(&input.disclosure);
    for (field, ok) in [
        ("topic", topic.is_some()),
        ("genre", genre.is_some()),
        ("audience", audience.is_some()),
        ("validity", validity.is_some()),
        ("disclosure", disclosure.is_some()),
    ] {
        if !ok {
            errors.push((field, Msg::ChooseOne));
        }
    }
    if validity == Some(Validity::Valid) && !successor.is_empty() {
        errors.push(("successor", Msg::SuccessorOnlyWhenReplaced));
    }
    match (written_on, topic, genre, audience, validity, disclosure, errors.is_empty()) {
        (Some(written_on), Some(topic), Some(genre), Some(audience), Some(validity), Some(disclosure), true) => {
            Ok(Entry {
                title,
                summary,
                keywords: normalise_keywords(&keywords).join(" "),
                doc_no,
                written_on,
                topic,
                genre,
                audience,
                validity,
                successor: (!successor.is_empty()).then_some(successor),
                disclosure,
                body,
            })
        }
        _ => Err(errors),
    }
}

/// The site's pattern for index numbers (索引号). Placeholders: `{unit}` (the unit's unified
/// social credit code), `{year}`, `{month}` and `{serial:N}` (the serial, zero-padded to N
/// digits). The serial counts per unit and per period — the year, or the month when the pattern
/// holds `{month}` — and is never handed out twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexPattern {
    parts: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Text(String),
    Unit,
    Year,
    Month,
    Serial(usize),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    #[error("unknown placeholder {{{0}}}")]
    Unknown(String),
    #[error("unclosed placeholder")]
    Unclosed,
    #[error("the pattern needs {{unit}}, {{year}} and exactly one {{serial:N}} with N from 3 to 9")]
    Incomplete,
}

pub const DEFAULT_INDEX_PATTERN: &str = "{unit}/{year}-{serial:5}";

impl Default for IndexPattern {
    fn default() -> Self {
        IndexPattern::parse(DEFAULT_INDEX_PATTERN).unwrap_or(IndexPattern { parts: vec![Part::Serial(5)] })
    }
}

impl IndexPattern {
    pub fn parse(raw: &str) -> Result<IndexPattern, PatternError> {
        let mut parts = Vec::new();
        let mut rest = raw;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                parts.push(Part::Text(rest[..open].to_owned()));
            }
            let close = rest[open..].find('}').ok_or(PatternError::Unclosed)? + open;
            let name = &rest[open + 1..close];
            parts.push(match name {
                "unit" => Part::Unit,
                "year" => Part::Year,
                "month" => Part::Month,
                _ => match name.strip_prefix("serial:").and_then(|n| n.parse::<usize>().ok()) {
                    Some(n) if (3..=9).contains(&n) => Part::Serial(n),
                    _ => return Err(PatternError::Unknown(name.to_owned())),
                },
            });
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest.to_owned()));
        }
        let count = |f: fn(&Part) -> bool| parts.iter().filter(|p| f(p)).count();
        if count(|p| matches!(p, Part::Serial(_))) != 1 || count(|p| *p == Part::Unit) == 0 || count(|p| *p == Part::Year) == 0 {
            return Err(PatternError::Incomplete);
        }
        Ok(IndexPattern { parts })
    }

    /// The period the serial counts in: `2026`, or `2026-11` with a `{month}` placeholder.
    pub fn period(&self, date: Date) -> String {
        if self.parts.contains(&Part::Month) {
            format!("{}-{:02}", date.year(), u8::from(date.month()))
        } else {
            date.year().to_string()
        }
    }

    pub fn render(&self, unit_code: &str, date: Date, serial: u64) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Unit => out.push_str(unit_code),
                Part::Year => out.push_str(&date.year().to_string()),
                Part::Month => out.push_str(&format!("{:02}", u8::from(date.month()))),
                Part::Serial(n) => out.push_str(&format!("{serial:0n$}", n = *n)),
            }
        }
        out
    }
}

/// A CJK ideograph (the ranges Chinese text uses).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// A word character for search: letters and digits of other scripts, lower-cased.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

/// Full-width ASCII (ＡＢＣ１２３) read as ASCII, lower case.
pub fn fold_width(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    c.to_lowercase().next().unwrap_or(c)
}

/// The index tokens of (already folded) text: every run of Han characters gives its overlapping
/// pairs (bigrams) and, at its end, its last character alone; every other word is one token.
/// So every character of the text begins some token, which lets one character be found by
/// prefix, and two or more characters by the phrase of their pairs.
pub fn index_tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_han(c) {
            let start = i;
            while i < chars.len() && is_han(chars[i]) {
                i += 1;
            }
            for w in chars[start..i].windows(2) {
                out.push(w.iter().collect());
            }
            out.push(chars[i - 1].to_string());
        } else if is_word(c) {
            let start = i;
            while i < chars.len() && is_word(chars[i]) {
                i += 1;
            }
            out.push(chars[start..i].iter().collect::<String>());
        } else {
            i += 1;
        }
    }
    out
}

/// One term of a search: a phrase of tokens that must follow each other, or a prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Term {
    Phrase(Vec<String>),
    Prefix(String),
}

/// A parsed search: its terms (all must match) and the folded words to highlight.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SearchQuery {
    pub terms: Vec<Term>,
    pub highlight: Vec<String>,
}

pub const MAX_QUERY_CHARS: usize = 60;
const MAX_TERMS: usize = 8;

impl SearchQuery {
    /// Reads what a citizen typed (already folded to simplified characters). Anything that is not
    /// a letter, digit or ideograph separates words, so quotes and operators are plain text; overly
    /// long queries are cut.
    pub fn parse(folded: &str) -> SearchQuery {
        let text: String = folded.chars().take(MAX_QUERY_CHARS).map(fold_width).collect();
        let mut q = SearchQuery::default();
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() && q.terms.len() < MAX_TERMS {
            let c = chars[i];
            let start = i;
            if is_han(c) {
                while i < chars.len() && is_han(chars[i]) {
                    i += 1;
                }
                let run = &chars[start..i];
                q.terms.push(if run.len() == 1 {
                    Term::Prefix(run[0].to_string())
                } else {
                    Term::Phrase(run.windows(2).map(|w| w.iter().collect()).collect())
                });
            } else if is_word(c) {
                while i < chars.len() && is_word(chars[i]) {
                    i += 1;
                }
                q.terms.push(Term::Prefix(chars[start..i].iter().collect()));
            } else {
                i += 1;
                continue;
            }
            let word: String = chars[start..i].iter().collect();
            if !q.highlight.contains(&word) {
                q.highlight.push(word);
            }
        }
        q
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Splits `original` into plain and highlighted pieces: a piece is highlighted where the folded
/// text (`folded`, one character per character of `original`) matches a highlight word.
pub fn highlight(original: &str, folded: &str, words: &[String]) -> Vec<(String, bool)> {
    let orig: Vec<char> = original.chars().collect();
    let fold: Vec<char> = folded.chars().map(fold_width).collect();
    if orig.len() != fold.len() || words.is_empty() {
        return vec![(original.to_owned(), false)];
    }
    let mut marked = vec![false; orig.len()];
    for w in words {
        let w: Vec<char> = w.chars().collect();
        if w.is_empty() || w.len() > fold.len() {
            continue;
        }
        for start in 0..=fold.len() - w.len() {
            if fold[start..start + w.len()] == w[..] {
                marked[start..start + w.len()].iter_mut().for_each(|m| *m = true);
            }
        }
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    for (c, m) in orig.into_iter().zip(marked) {
        match out.last_mut() {
            Some((s, last)) if *last == m => s.push(c),
            _ => out.push((c.to_string(), m)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn good() -> EntryInput {
        EntryInput {
            title: "关于做好2026年城乡居民医疗保险参保工作的通知".into(),
            summary: "部署2026年度城乡居民医保参保缴费工作。".into(),
            keywords: "医保，参保  缴费,医保".into(),
            doc_no: "青政办〔2026〕12号".into(),
            written_on: "2026-03-02".into(),
            topic: "health".into(),
            genre: "notice".into(),
            audience: "citizens".into(),
            validity: "valid".into(),
            successor: String::new(),
            disclosure: "proactive".into(),
            body: "<p>各乡镇人民政府：</p>".into(),
        }
    }

    #[test]
    fn a_complete_entry_passes_and_keywords_are_normalised() {
        let e = validate(&good(), date!(2026 - 11 - 22)).expect("valid");
        assert_eq!(e.keywords, "医保 参保 缴费");
        assert_eq!(e.topic, Topic::Health);
    }

    #[test]
    fn every_wrong_field_is_reported_at_once() {
        let bad = EntryInput {
            title: " ".into(),
            summary: "长".repeat(301),
            written_on: "2026-13-01".into(),
            topic: "nope".into(),
            successor: "X/1".into(),
            ..good()
        };
        let errors = validate(&bad, date!(2026 - 11 - 22)).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.0).collect();
        assert_eq!(fields, ["title", "summary", "written_on", "topic", "successor"]);
        let future = EntryInput { written_on: "2026-11-23".into(), ..good() };
        assert_eq!(validate(&future, date!(2026 - 11 - 22)).unwrap_err(), vec![("written_on", Msg::DateInFuture)]);
    }

    #[test]
    fn index_pattern_renders_the_default_and_refuses_incomplete_patterns() {
        let p = IndexPattern::default();
        assert_eq!(p.render("11341702486344515H", date!(2021 - 05 - 01), 13), "11341702486344515H/2021-00013");
        assert_eq!(p.period(date!(2021 - 05 - 01)), "2021");
        let monthly = IndexPattern::parse("{unit}-{year}{month}-{serial:6}").expect("pattern");
        assert_eq!(monthly.render("X", date!(2026 - 03 - 09), 7), "X-202603-000007");
        assert_eq!(monthly.period(date!(2026 - 03 - 09)), "2026-03");
        assert_eq!(IndexPattern::parse("{unit}/{year}"), Err(PatternError::Incomplete));
        assert_eq!(IndexPattern::parse("{unit}/{year}-{serial:5}-{serial:3}"), Err(PatternError::Incomplete));
        assert_eq!(IndexPattern::parse("{unit}/{yr}-{serial:5}"), Err(PatternError::Unknown("yr".into())));
        assert_eq!(IndexPattern::parse("{unit}/{year-{serial:5}"), Err(PatternError::Unknown("year-{serial:5".into())));
        assert_eq!(IndexPattern::parse("{unit}/{year}-{serial:5"), Err(PatternError::Unclosed));
    }

    #[test]
    fn every_character_starts_a_token_and_pairs_keep_their_order() {
        assert_eq!(index_tokens("社保卡"), ["社保", "保卡", "卡"]);
        assert_eq!(index_tokens("身份，证明 ABC12 x"), ["身份", "份", "证明", "明", "abc12", "x"].map(|s| s.replace("abc12", "ABC12")));
        assert_eq!(index_tokens("税"), ["税"]);
    }

    #[test]
    fn queries_become_phrases_and_prefixes_and_operators_are_plain_text() {
        let q = SearchQuery::parse("\"社保\" OR 税 -身份证*");
        assert_eq!(
            q.terms,
            vec![
                Term::Phrase(vec!["社保".into()]),
                Term::Prefix("or".into()),
                Term::Prefix("税".into()),
                Term::Phrase(vec!["身份".into(), "份证".into()]),
            ]
        );
        assert_eq!(q.highlight, ["社保", "or", "税", "身份证"]);
        assert!(SearchQuery::parse("\"*()- ").is_empty());
        assert!(SearchQuery::parse(&"长".repeat(10_000)).terms.len() == 1);
    }

    #[test]
    fn highlight_marks_matches_in_the_original_characters() {
        let parts = highlight("社會保障卡辦理", "社会保障卡办理", &["保障".into(), "办理".into()]);
        assert_eq!(parts, vec![("社會".into(), false), ("保障".into(), true), ("卡".into(), false), ("辦理".into(), true)]);
        assert_eq!(highlight("abc", "ab", &["a".into()]), vec![("abc".into(), false)]);
    }
}
