//! The disclosure catalog (政府信息公开目录): the public catalog browsed by unit, topic and
//! audience and searched in Chinese, and the officers' drafting and review workflow behind it.

pub mod admin;
pub mod api;
#[cfg(feature = "ssr")]
pub mod feed;
#[cfg(feature = "ssr")]
pub mod list;
#[cfg(feature = "ssr")]
pub mod files;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod search;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod transfer;

use crate::domain::catalog::{
    Audience, Disclosure, EntryAction, EntryInput, EntryState, Genre, RevisionState, Topic, Validity,
};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// The columns of an import or export file, as one line (for the import page).
pub const COLUMNS_LINE: &str = "索引号,名称,内容概述,关键词,发布机构,文号,成文日期,发布日期,主题分类,体裁分类,服务对象,有效性,公开方式,正文";

/// Entries per page of the public list.
pub const PER_PAGE: i64 = 20;

/// Text with the search matches marked: `(piece, highlighted)`.
pub type Marked = Vec<(String, bool)>;

/// What the public list is filtered by; every field is in the page's URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogFilter {
    pub unit: Option<i64>,
    pub topic: Option<Topic>,
    pub audience: Option<Audience>,
    /// Publication dates, ISO, inclusive.
    pub from: String,
    pub to: String,
    pub q: String,
    pub page: i64,
}

impl CatalogFilter {
    /// The list's URL for this filter, with `page` replaced.
    pub fn url(&self, page: i64) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(u) = self.unit {
            parts.push(format!("unit={u}"));
        }
        if let Some(t) = self.topic {
            parts.push(format!("topic={}", t.as_str()));
        }
        if let Some(a) = self.audience {
            parts.push(format!("audience={}", a.as_str()));
        }
        for (k, v) in [("from", &self.from), ("to", &self.to), ("q", &self.q)] {
            if !v.is_empty() {
                parts.push(format!("{k}={}", urlencoding::encode(v)));
            }
        }
        if page > 1 {
            parts.push(format!("page={page}"));
        }
        if parts.is_empty() { "/catalog".into() } else { format!("/catalog?{}", parts.join("&")) }
    }

    /// The same filter with one browse dimension changed (and back on page one).
    pub fn with(&self, change: impl FnOnce(&mut CatalogFilter)) -> CatalogFilter {
        let mut f = self.clone();
        change(&mut f);
        f.page = 1;
        f
    }
}

/// A unit in the browse tree with its published entries (a department's include its sub-units').
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitNode {
    pub id: i64,
    pub name: String,
    pub depth: u8,
    pub kind: crate::domain::UnitKind,
    pub count: i64,
}

/// One line of the public list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntrySummary {
    pub id: i64,
    pub index_no: String,
    pub title: Marked,
    pub summary: Marked,
    pub unit_name: String,
    pub published_on: String,
    pub doc_no: String,
    pub genre: Genre,
    pub validity: Validity,
}

/// The public catalog page: the browse tree with counts, the filter and one page of entries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogPage {
    pub filter: CatalogFilter,
    pub units: Vec<UnitNode>,
    pub topics: Vec<(Topic, i64)>,
    pub audiences: Vec<(Audience, i64)>,
    pub total_published: i64,
    pub entries: Vec<EntrySummary>,
    pub total: i64,
    /// More matches than are ranked: `total` is a lower bound and the list is newest first.
    pub total_capped: bool,
    /// A message for the filter itself (a bad date), shown next to the field.
    pub errors: Vec<(String, Msg)>,
}

/// A link to another entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryLink {
    pub id: i64,
    pub index_no: String,
    pub title: String,
}

/// One published (or withdrawn) entry as the public sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryView {
    pub id: i64,
    pub state: EntryState,
    pub index_no: String,
    pub title: String,
    pub summary: String,
    pub keywords: String,
    pub unit_id: i64,
    pub unit_name: String,
    pub doc_no: String,
    pub written_on: String,
    pub published_on: String,
    pub updated_on: String,
    pub topic: Topic,
    pub genre: Genre,
    pub audience: Audience,
    pub validity: Validity,
    pub disclosure: Disclosure,
    /// Sanitised HTML.
    pub body: String,
    pub successor: Option<EntryLink>,
    pub replaces: Vec<EntryLink>,
    pub withdrawn_reason: String,
    /// The attachments of the published text.
    pub files: Vec<AttachmentView>,
}

/// An attachment of a revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentView {
    pub id: i64,
    pub name: String,
    pub size: i64,
}

/// A file size as people read it: "12 KB", "3.4 MB".
pub fn human_size(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// A unit's guide to disclosure (公开指南).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuideView {
    pub unit_id: i64,
    pub unit_name: String,
    /// Sanitised HTML; empty when the unit has not written one.
    pub body: String,
    pub updated_on: String,
}

/// A line of the staff list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffEntryRow {
    pub id: i64,
    pub title: String,
    pub unit_name: String,
    pub state: EntryState,
    pub index_no: String,
    /// The revision in work, if any, and where it stands.
    pub open: Option<RevisionState>,
    pub updated_at: String,
}

/// What the staff list shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffCatalog {
    pub rows: Vec<StaffEntryRow>,
    /// Units the signed-in officer may draft for.
    pub draft_units: Vec<(i64, String)>,
    pub pending: i64,
    pub show: String,
}

/// A revision's fields and review state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionView {
    pub id: i64,
    pub number: i64,
    pub state: RevisionState,
    pub input: EntryInput,
    pub author: String,
    pub reviewer: String,
    pub review_note: String,
    pub updated_at: String,
    pub files: Vec<AttachmentView>,
}

/// A step of the history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryItem {
    pub at: String,
    pub actor: String,
    pub action: EntryAction,
    pub revision: Option<i64>,
    pub note: String,
}

/// Everything the staff page of one entry shows, and what the signed-in member may do with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffEntry {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub state: EntryState,
    pub index_no: String,
    pub title: String,
    pub revisions: Vec<RevisionView>,
    pub history: Vec<HistoryItem>,
    pub can_edit: bool,
    pub can_review: bool,
    /// A refused save without JavaScript: the typed values and their errors.
    pub draft: Option<(EntryInput, Vec<(String, Msg)>)>,
    pub token: String,
    pub today: String,
    /// For a new entry: the units the officer may draft for.
    pub draft_units: Vec<(i64, String)>,
}

impl StaffEntry {
    /// The revision still in work (draft, pending or returned), if any.
    pub fn open(&self) -> Option<&RevisionView> {
        self.revisions.iter().find(|r| r.state != RevisionState::Approved)
    }
}

/// A row of an import that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedRow {
    /// The line in the file (the header is line 1).
    pub line: u64,
    pub title: String,
    /// (column name as in the file, message).
    pub problems: Vec<(String, Msg)>,
}

/// An import's progress and, once finished, its report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportView {
    pub id: i64,
    pub file_name: String,
    pub total: i64,
    pub done: i64,
    pub imported: i64,
    pub rejected: Vec<RejectedRow>,
    pub finished: bool,
}

/// One field of two revisions side by side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: Msg,
    pub before: String,
    pub after: String,
}

/// The fields whose values differ between two inputs.
pub fn changes(before: &EntryInput, after: &EntryInput) -> Vec<FieldChange> {
    let pairs = [
        (Msg::EntryTitle, &before.title, &after.title),
        (Msg::EntrySummary, &before.summary, &after.summary),
        (Msg::EntryKeywords, &before.keywords, &after.keywords),
        (Msg::EntryDocNo, &before.doc_no, &after.doc_no),
        (Msg::EntryWrittenOn, &before.written_on, &after.written_on),
        (Msg::EntryTopic, &before.topic, &after.topic),
        (Msg::EntryGenre, &before.genre, &after.genre),
        (Msg::EntryAudience, &before.audience, &after.audience),
        (Msg::EntryValidity, &before.validity, &after.validity),
        (Msg::EntrySuccessor, &before.successor, &after.successor),
        (Msg::EntryDisclosure, &before.disclosure, &after.disclosure),
        (Msg::EntryBody, &before.body, &after.body),
    ];
    pairs
        .into_iter()
        .filter(|(_, b, a)| b != a)
        .map(|(field, b, a)| FieldChange { field, before: b.clone(), after: a.clone() })
        .collect()
}

/// What changed from one revision to the next: the fields, then the list of attachments.
pub fn revision_changes(before: &RevisionView, after: &RevisionView) -> Vec<FieldChange> {
    let mut c = changes(&before.input, &after.input);
    let names = |r: &RevisionView| r.files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join("、");
    let (b, a) = (names(before), names(after));
    if b != a {
        c.push(FieldChange { field: Msg::Attachments, before: b, after: a });
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_urls_are_bookmarkable_and_reset_the_page() {
        let f = CatalogFilter { unit: Some(3), topic: Some(Topic::Health), q: "社保 卡".into(), page: 4, ..Default::default() };
        assert_eq!(f.url(4), "/catalog?unit=3&topic=health&q=%E7%A4%BE%E4%BF%9D%20%E5%8D%A1&page=4");
        assert_eq!(f.with(|f| f.unit = None).url(1), "/catalog?topic=health&q=%E7%A4%BE%E4%BF%9D%20%E5%8D%A1");
        assert_eq!(CatalogFilter::default().url(1), "/catalog");
    }

    #[test]
    fn changes_lists_only_fields_that_differ() {
        let a = EntryInput { title: "甲".into(), body: "<p>x</p>".into(), ..Default::default() };
        let b = EntryInput { title: "乙".into(), ..a.clone() };
        let c = changes(&a, &b);
        assert_eq!(c, vec![FieldChange { field: Msg::EntryTitle, before: "甲".into(), after: "乙".into() }]);
    }

    #[test]
    fn revision_changes_include_the_attachments() {
        let file = |id, name: &str| AttachmentView { id, name: name.into(), size: 1 };
        let a = RevisionView {
            id: 1,
            number: 1,
            state: RevisionState::Approved,
            input: EntryInput::default(),
            author: String::new(),
            reviewer: String::new(),
            review_note: String::new(),
            updated_at: String::new(),
            files: vec![file(1, "方案.pdf")],
        };
        let b = RevisionView { files: vec![file(2, "方案.pdf"), file(3, "附表.xlsx")], ..a.clone() };
        assert_eq!(revision_changes(&a, &b), vec![FieldChange { field: Msg::Attachments, before: "方案.pdf".into(), after: "方案.pdf、附表.xlsx".into() }]);
        // The same names under new ids (carried forward) are no change.
        let c = RevisionView { files: vec![file(9, "方案.pdf")], ..a.clone() };
        assert!(revision_changes(&a, &c).is_empty());
        assert_eq!(human_size(1), "1 KB");
        assert_eq!(human_size(3_565_158), "3.4 MB");
    }
}
