//! The reader's display preferences: language and care mode (关怀模式).

use serde::{Deserialize, Serialize};

/// A UI language. Simplified Chinese is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    Hans,
    Hant,
    En,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::Hans, Locale::Hant, Locale::En];

    /// BCP 47 tag, used in `<html lang>` and in the `lang` cookie.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Hans => "zh-Hans",
            Locale::Hant => "zh-Hant",
            Locale::En => "en",
        }
    }

    /// The language's own name, shown in the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::Hans => "简体中文",
            Locale::Hant => "繁體中文",
            Locale::En => "English",
        }
    }

    /// Short label for compact switches.
    pub fn short(self) -> &'static str {
        match self {
            Locale::Hans => "简",
            Locale::Hant => "繁",
            Locale::En => "EN",
        }
    }

    /// Reads a tag leniently: cookies and old links may carry `zh-CN`, `zh-TW`, `en-US` …
    pub fn parse(tag: &str) -> Option<Locale> {
        let t = tag.trim().to_ascii_lowercase();
        match t.as_str() {
            "zh-hans" | "zh-cn" | "zh-sg" | "zh" | "hans" => Some(Locale::Hans),
            "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo" | "hant" => Some(Locale::Hant),
            _ if t == "en" || t.starts_with("en-") => Some(Locale::En),
            _ => None,
        }
    }
}

/// Everything the reader chose about presentation. Rendered by the server from cookies so that it
/// works with JavaScript off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefs {
    pub locale: Locale,
    /// 关怀模式: larger text, larger targets, higher contrast.
    pub care: bool,
}

impl Prefs {
    pub const LANG_COOKIE: &'static str = "lang";
    pub const CARE_COOKIE: &'static str = "care";

    /// Reads the preference cookies out of a `Cookie:` header value.
    pub fn from_cookie_header(header: &str) -> Prefs {
        let mut prefs = Prefs::default();
        for pair in header.split(';') {
            let Some((name, value)) = pair.split_once('=') else { continue };
            match name.trim() {
                Self::LANG_COOKIE => {
                    if let Some(l) = Locale::parse(value) {
                        prefs.locale = l;
                    }
                }
                Self::CARE_COOKIE => prefs.care = value.trim() == "1",
                _ => {}
            }
        }
        prefs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_parse_accepts_common_regional_tags() {
        assert_eq!(Locale::parse("zh-CN"), Some(Locale::Hans));
        assert_eq!(Locale::parse("zh-TW"), Some(Locale::Hant));
        assert_eq!(Locale::parse("en-GB"), Some(Locale::En));
        assert_eq!(Locale::parse("fr"), None);
        for l in Locale::ALL {
            assert_eq!(Locale::parse(l.tag()), Some(l));
        }
    }

    #[test]
    fn prefs_read_from_cookie_header_and_ignore_junk() {
        let p = Prefs::from_cookie_header("gk_sid=abc; lang=zh-Hant; care=1");
        assert_eq!(p, Prefs { locale: Locale::Hant, care: true });
        let p = Prefs::from_cookie_header("lang=<script>; care=yes; =;;");
        assert_eq!(p, Prefs::default());
    }
}
