//! Staff account credentials, parsed before they reach the store.

use crate::i18n::Msg;

/// A staff login name: 3–32 characters of lowercase ASCII letters, digits, `.`, `_` or `-`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Username, Msg> {
        let s = raw.trim().to_ascii_lowercase();
        if s.is_empty() {
            return Err(Msg::FieldRequired);
        }
        let ok_chars = s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
        if !(3..=32).contains(&s.len()) || !ok_chars {
            return Err(Msg::UsernameInvalid);
        }
        Ok(Username(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password being set: 10–128 characters, not all of one kind.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(raw: &str) -> Result<NewPassword, Msg> {
        let n = raw.chars().count();
        if !(10..=128).contains(&n) {
            return Err(Msg::PasswordTooShort);
        }
        let kinds = [
            raw.chars().any(|c| c.is_ascii_lowercase()),
            raw.chars().any(|c| c.is_ascii_uppercase()),
            raw.chars().any(|c| c.is_ascii_digit()),
            raw.chars().any(|c| !c.is_ascii_alphanumeric()),
        ];
        if kinds.iter().filter(|k| **k).count() < 2 {
            return Err(Msg::PasswordTooWeak);
        }
        Ok(NewPassword(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn username_is_normalised_and_checked() {
        assert_eq!(Username::parse("  Officer.FGW ").unwrap().as_str(), "officer.fgw");
        assert_eq!(Username::parse(""), Err(Msg::FieldRequired));
        assert_eq!(Username::parse("ab"), Err(Msg::UsernameInvalid));
        assert_eq!(Username::parse("张三"), Err(Msg::UsernameInvalid));
        assert_eq!(Username::parse("a b c"), Err(Msg::UsernameInvalid));
        assert!(Username::parse(&"x".repeat(33)).is_err());
    }

    #[test]
    fn new_password_needs_length_and_variety() {
        assert_eq!(NewPassword::parse("short1A"), Err(Msg::PasswordTooShort));
        assert_eq!(NewPassword::parse("aaaaaaaaaaaa"), Err(Msg::PasswordTooWeak));
        assert!(NewPassword::parse("Gongkai@2026").is_ok());
        assert_eq!(format!("{:?}", NewPassword::parse("Gongkai@2026").unwrap()), "NewPassword(***)");
    }
}
