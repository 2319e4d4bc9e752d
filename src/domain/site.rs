//! Facts about the site that every page shows.

use super::Locale;
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// A county's name in each UI language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountyName {
    pub hans: String,
    pub hant: String,
    pub en: String,
}

impl Default for CountyName {
    fn default() -> Self {
        CountyName { hans: "青山县".into(), hant: "青山縣".into(), en: "Qingshan County".into() }
    }
}

impl CountyName {
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Hans => &self.hans,
            Locale::Hant => &self.hant,
            Locale::En => &self.en,
        }
    }

    /// The site's name, e.g. 青山县人民政府 · 政务公开.
    pub fn site_name(&self, locale: Locale) -> String {
        format!("{}{}", self.get(locale), Msg::SiteSuffix.text(locale))
    }

    /// Packs the three names into one attribute value, read back in the browser.
    pub fn encode(&self) -> String {
        format!("{}|{}|{}", self.hans, self.hant, self.en)
    }

    pub fn decode(s: &str) -> Option<CountyName> {
        let mut it = s.splitn(3, '|');
        Some(CountyName { hans: it.next()?.into(), hant: it.next()?.into(), en: it.next()?.into() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn county_name_round_trips_through_its_attribute_form() {
        let c = CountyName::default();
        assert_eq!(CountyName::decode(&c.encode()), Some(c.clone()));
        assert_eq!(c.site_name(Locale::Hant), "青山縣人民政府 · 政務公開");
        assert_eq!(CountyName::decode("only-one"), None);
    }
}
