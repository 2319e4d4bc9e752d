//! Chinese search behind one interface: the text is folded (traditional to simplified, full-width
//! to ASCII, lower case) and cut into tokens by `domain::catalog::index_tokens`; SQLite keeps the
//! tokens in FTS5, PostgreSQL in a weighted tsvector. A query becomes the same terms on both
//! (except that PostgreSQL does not hold a word's pairs to their order; see [`tsquery`]).

use crate::domain::catalog::{SearchQuery, Term, fold_width, index_tokens};
use std::collections::BTreeMap;

/// Traditional characters become simplified, one for one, so positions stay aligned with the
/// original text (which highlighting relies on).
pub fn fold(text: &str) -> String {
    fast2s::convert(text).chars().map(fold_width).collect()
}

/// A search as typed by a citizen, folded and parsed.
pub fn parse_query(raw: &str) -> SearchQuery {
    let cut: String = raw.chars().take(crate::domain::catalog::MAX_QUERY_CHARS).collect();
    SearchQuery::parse(&fold(&cut))
}

/// Plain text of sanitised HTML, for indexing: tags dropped, the common entities decoded.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// Body text indexed per entry, at most; longer bodies are still published in full.
const MAX_INDEXED_CHARS: usize = 20_000;

/// The two indexed fields of an entry: its title, and everything else a citizen might search by.
pub struct Indexed {
    pub title: Vec<String>,
    pub body: Vec<String>,
}

pub fn indexed(title: &str, summary: &str, keywords: &str, doc_no: &str, body_html: &str) -> Indexed {
    let body: String = html_text(body_html).chars().take(MAX_INDEXED_CHARS).collect();
    Indexed {
        title: index_tokens(&fold(title)),
        body: index_tokens(&fold(&format!("{summary} {keywords} {doc_no} {body}"))),
    }
}

impl Indexed {
    /// The two FTS5 columns: tokens separated by spaces (the unicode61 tokenizer splits on them).
    pub fn fts5_columns(&self) -> (String, String) {
        (self.title.join(" "), self.body.join(" "))
    }

    /// A tsvector literal: every token with its positions, title tokens weighted A. Tokens hold only
    /// letters, digits and ideographs, so they need no escaping.
    pub fn tsvector(&self) -> String {
        // PostgreSQL keeps at most 256 positions per lexeme and positions up to 16383.
        let mut positions: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        let tokens = self.title.iter().map(|t| (t, "A")).chain(self.body.iter().map(|t| (t, "")));
        for (pos, (token, weight)) in tokens.enumerate() {
            let list = positions.entry(token.as_str()).or_default();
            if list.len() < 256 && pos < 16_383 {
                list.push(format!("{}{weight}", pos + 1));
            }
        }
        positions
            .into_iter()
            .filter(|(_, p)| !p.is_empty())
            .map(|(t, p)| format!("'{t}':{}", p.join(",")))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The FTS5 MATCH expression: every term must match; phrases in quotes, prefixes starred.
pub fn fts5_match(q: &SearchQuery) -> String {
    q.terms
        .iter()
        .map(|t| match t {
            Term::Phrase(tokens) => format!("\"{}\"", tokens.join(" ")),
            Term::Prefix(p) => format!("\"{p}\"*"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The tsquery literal of the same search, with one difference: a word's character pairs must all
/// be in the entry, but not necessarily in order (`&`, where FTS5 has a phrase). The GIN index
/// keeps no positions, so a phrase (`<->`) is checked again on every match's vector, read from
/// out-of-line storage: at 1,000,000 entries that made a search of 社会保险 take 160 ms rather
/// than 10. Entries holding every pair of a word of three or more characters without the word are
/// rare, and the highlighting marks the word itself.
pub fn tsquery(q: &SearchQuery) -> String {
    q.terms
        .iter()
        .map(|t| match t {
            Term::Phrase(tokens) => {
                let inner = tokens.iter().map(|x| format!("'{x}'")).collect::<Vec<_>>().join(" & ");
                format!("({inner})")
            }
            Term::Prefix(p) => format!("'{p}':*"),
        })
        .collect::<Vec<_>>()
        .join(" & ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_text_folds_to_the_simplified_index() {
        assert_eq!(fold("社會保障卡辦理ＡＢＣ"), "社会保障卡办理abc");
        let q = parse_query("辦理");
        assert_eq!(fts5_match(&q), "\"办理\"");
        assert_eq!(index_tokens(&fold("社保卡辦理")), ["社保", "保卡", "卡办", "办理", "理"]);
    }

    #[test]
    fn queries_render_for_both_engines() {
        let q = parse_query("身份证 税 2026");
        assert_eq!(fts5_match(&q), "\"身份 份证\" \"税\"* \"2026\"*");
        assert_eq!(tsquery(&q), "('身份' & '份证') & '税':* & '2026':*");
    }

    #[test]
    fn tsvector_weights_title_tokens_and_groups_positions() {
        let ix = indexed("社保", "社保卡", "", "", "<p>a&amp;b</p>");
        assert_eq!(ix.tsvector(), "'a':6 'b':7 '保':2A '保卡':4 '卡':5 '社保':1A,3");
    }

    #[test]
    fn html_is_reduced_to_text() {
        assert_eq!(html_text("<p>一<b>二</b></p>&lt;x&gt;").split_whitespace().collect::<Vec<_>>(), ["一", "二", "<x>"]);
    }
}
