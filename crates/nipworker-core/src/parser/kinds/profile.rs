//! NIP-01 kind 0 profile metadata (with the NIP-24 extra fields and the aliases clients write).
//!
//! Profiles in the wild are messy JSON: numbers where strings belong, nulls, duplicate keys,
//! camelCase aliases, nested junk. One streaming pass keeps what is usable and never panics.

use std::fmt;

use serde::Serialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::error::{ParseError, ParseErrorReason};
use crate::protocol::{Event, Kind};

/// A kind 0 profile. Blank values are `None`; every string is trimmed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// `name` (falls back to `username`).
    pub name: Option<String>,
    /// `display_name` (falls back to `displayName`).
    pub display_name: Option<String>,
    /// `about`.
    pub about: Option<String>,
    /// `picture` (falls back to `image`).
    pub picture: Option<String>,
    /// `banner`.
    pub banner: Option<String>,
    /// `website`.
    pub website: Option<String>,
    /// NIP-05 identifier.
    pub nip05: Option<String>,
    /// LNURL (bech32) for zaps.
    pub lud06: Option<String>,
    /// Lightning address for zaps.
    pub lud16: Option<String>,
    /// NIP-24 `bot` flag.
    pub bot: Option<bool>,
    /// Known fields whose value was unusable (object, array, wrong type) and was ignored.
    pub ignored_values: u32,
}

impl Profile {
    /// The name to show: `display_name`, else `name`.
    pub fn best_name(&self) -> Option<&str> {
        self.display_name.as_deref().or(self.name.as_deref())
    }
}

/// Parses a kind 0 event's content.
pub fn parse_profile(event: &Event) -> Result<Profile, ParseError> {
    parse_profile_json(&event.content).map_err(|reason| ParseError::new(Kind::METADATA, reason))
}

/// Parses profile JSON. Duplicate keys: the last usable value wins, as in most JSON readers.
pub fn parse_profile_json(json: &str) -> Result<Profile, ParseErrorReason> {
    if !json.trim_start().starts_with('{') {
        return Err(ParseErrorReason::NotJsonObject);
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let slots = de
        .deserialize_map(SlotsVisitor)
        .and_then(|slots| de.end().map(|()| slots))
        .map_err(|_| ParseErrorReason::InvalidJson)?;
    Ok(slots.into_profile())
}

/// Every field we read, aliases kept apart until the end so a canonical key wins over its
/// alias whatever their order.
#[derive(Default)]
struct Slots {
    name: Option<String>,
    username: Option<String>,
    display_name: Option<String>,
    display_name_camel: Option<String>,
    about: Option<String>,
    picture: Option<String>,
    image: Option<String>,
    banner: Option<String>,
    website: Option<String>,
    nip05: Option<String>,
    lud06: Option<String>,
    lud16: Option<String>,
    bot: Option<bool>,
    ignored: u32,
}

impl Slots {
    fn into_profile(self) -> Profile {
        Profile {
            name: self.name.or(self.username),
            display_name: self.display_name.or(self.display_name_camel),
            about: self.about,
            picture: self.picture.or(self.image),
            banner: self.banner,
            website: self.website,
            nip05: self.nip05,
            lud06: self.lud06,
            lud16: self.lud16,
            bot: self.bot,
            ignored_values: self.ignored,
        }
    }
}

enum Field {
    Name,
    Username,
    DisplayName,
    DisplayNameCamel,
    About,
    Picture,
    Image,
    Banner,
    Website,
    Nip05,
    Lud06,
    Lud16,
    Bot,
    Other,
}

impl<'de> de::Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldVisitor;
        impl Visitor<'_> for FieldVisitor {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Field, E> {
                Ok(match v {
                    "name" => Field::Name,
                    "username" => Field::Username,
                    "display_name" => Field::DisplayName,
                    "displayName" => Field::DisplayNameCamel,
                    "about" => Field::About,
                    "picture" => Field::Picture,
                    "image" => Field::Image,
                    "banner" => Field::Banner,
                    "website" => Field::Website,
                    "nip05" => Field::Nip05,
                    "lud06" => Field::Lud06,
                    "lud16" => Field::Lud16,
                    "bot" => Field::Bot,
                    _ => Field::Other,
                })
            }
        }
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

/// A JSON value read without failing on its type.
enum Loose {
    Text(String),
    Bool(bool),
    Null,
    Unusable,
}

impl<'de> de::Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LooseVisitor;
        impl<'de> Visitor<'de> for LooseVisitor {
            type Value = Loose;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose, E> {
                Ok(Loose::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Loose, E> {
                Ok(Loose::Text(v))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Loose, E> {
                Ok(Loose::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose, E> {
                Ok(Loose::Text(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose, E> {
                Ok(Loose::Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Loose, E> {
                Ok(Loose::Text(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
                Ok(Loose::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
                Ok(Loose::Null)
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Loose::Unusable)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Loose::Unusable)
            }
        }
        deserializer.deserialize_any(LooseVisitor)
    }
}

struct SlotsVisitor;

impl<'de> Visitor<'de> for SlotsVisitor {
    type Value = Slots;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Slots, A::Error> {
        let mut s = Slots::default();
        while let Some(field) = map.next_key::<Field>()? {
            let slot = match field {
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
                Field::Bot => {
                    match map.next_value::<Loose>()? {
                        Loose::Bool(b) => s.bot = Some(b),
                        Loose::Text(t) if t.eq_ignore_ascii_case("true") => s.bot = Some(true),
                        Loose::Text(t) if t.eq_ignore_ascii_case("false") => s.bot = Some(false),
                        Loose::Null => {}
                        _ => s.ignored += 1,
                    }
                    continue;
                }
                Field::Name => &mut s.name,
                Field::Username => &mut s.username,
                Field::DisplayName => &mut s.display_name,
                Field::DisplayNameCamel => &mut s.display_name_camel,
                Field::About => &mut s.about,
                Field::Picture => &mut s.picture,
                Field::Image => &mut s.image,
                Field::Banner => &mut s.banner,
                Field::Website => &mut s.website,
                Field::Nip05 => &mut s.nip05,
                Field::Lud06 => &mut s.lud06,
                Field::Lud16 => &mut s.lud16,
            };
            match map.next_value::<Loose>()? {
                Loose::Text(text) => {
                    let trimmed = text.trim();
                    if !trimmed.is_empty() {
                        *slot = Some(if trimmed.len() == text.len() {
                            text
                        } else {
                            trimmed.to_owned()
                        });
                    }
                }
                Loose::Null => {}
                Loose::Bool(_) | Loose::Unusable => s.ignored += 1,
            }
        }
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventBuilder, Keys};

    #[test]
    fn reads_every_field_from_a_signed_event() {
        let keys = Keys::generate();
        let json = r#"{"name":"alice","display_name":"Alice A.","about":"hi\nthere",
            "picture":"https://p/a.png","banner":"https://p/b.png","website":"https://a.io",
            "nip05":"alice@a.io","lud06":"lnurl1dp68","lud16":"alice@ln.io","bot":false}"#;
        let ev = EventBuilder::new(Kind::METADATA, json).sign(&keys);
        let p = parse_profile(&ev).unwrap();
        assert_eq!(
            p,
            Profile {
                name: Some("alice".into()),
                display_name: Some("Alice A.".into()),
                about: Some("hi\nthere".into()),
                picture: Some("https://p/a.png".into()),
                banner: Some("https://p/b.png".into()),
                website: Some("https://a.io".into()),
                nip05: Some("alice@a.io".into()),
                lud06: Some("lnurl1dp68".into()),
                lud16: Some("alice@ln.io".into()),
                bot: Some(false),
                ignored_values: 0,
            }
        );
        assert_eq!(p.best_name(), Some("Alice A."));
    }

    #[test]
    fn aliases_yield_to_canonical_keys_in_any_order() {
        let p = parse_profile_json(
            r#"{"displayName":"camel","username":"user","image":"img","display_name":"snake"}"#,
        )
        .unwrap();
        assert_eq!(p.display_name.as_deref(), Some("snake"));
        assert_eq!(p.name.as_deref(), Some("user"));
        assert_eq!(p.picture.as_deref(), Some("img"));
        assert_eq!(p.best_name(), Some("snake"));
    }

    #[test]
    fn messy_values_are_tolerated() {
        let p = parse_profile_json(
            r#"{"name":123,"about":null,"picture":{"url":"x"},"banner":["a"],"website":true,
                "nip05":"  bob@b.io  ","lud16":"","extra":{"deep":[1,2,{"x":null}]},
                "name":null,"bot":"TRUE","display_name":"first","display_name":"second"}"#,
        )
        .unwrap();
        assert_eq!(p.name.as_deref(), Some("123"), "null does not erase");
        assert_eq!(p.about, None);
        assert_eq!(p.picture, None);
        assert_eq!(p.banner, None);
        assert_eq!(p.website, None);
        assert_eq!(p.nip05.as_deref(), Some("bob@b.io"));
        assert_eq!(p.lud16, None);
        assert_eq!(p.bot, Some(true));
        assert_eq!(p.display_name.as_deref(), Some("second"), "last wins");
        assert_eq!(p.ignored_values, 3);
    }

    #[test]
    fn non_objects_are_typed_errors() {
        for (content, reason) in [
            ("", ParseErrorReason::NotJsonObject),
            ("   ", ParseErrorReason::NotJsonObject),
            ("[1,2]", ParseErrorReason::NotJsonObject),
            ("\"name\"", ParseErrorReason::NotJsonObject),
            ("null", ParseErrorReason::NotJsonObject),
            ("{", ParseErrorReason::InvalidJson),
            ("{\"name\":}", ParseErrorReason::InvalidJson),
            ("{} trailing", ParseErrorReason::InvalidJson),
            ("{\"name\":\"\\ud800\"}", ParseErrorReason::InvalidJson),
        ] {
            assert_eq!(parse_profile_json(content), Err(reason), "{content:?}");
        }
        let ev = EventBuilder::new(Kind::METADATA, "[]").sign(&Keys::generate());
        assert_eq!(
            parse_profile(&ev),
            Err(ParseError::new(
                Kind::METADATA,
                ParseErrorReason::NotJsonObject
            ))
        );
    }
}
