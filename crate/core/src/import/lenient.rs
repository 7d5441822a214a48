//! The JSON values of a usage export read as the type wanted or as "anything else", without
//! buffering them: what `#[serde(untagged)]` does for one type and a fallback, but in one pass over
//! the text (untagged copies every value into an intermediate tree first, the most of the JSON
//! import's time after the reading itself) and with less code in the WebAssembly module.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A value of the type wanted, or anything else: then the record it is in is skipped, not the file.
pub enum Lenient<T> {
    Good(T),
    Bad,
}

/// What a wanted type takes from a JSON value; every other value is [`Lenient::Bad`].
pub trait Wanted: Sized {
    /// A whole number from 0.
    fn from_u64(_: u64) -> Option<Self> {
        None
    }
    /// A string.
    fn from_str(_: &str) -> Option<Self> {
        None
    }
    /// `true` or `false`.
    fn from_bool(_: bool) -> Option<Self> {
        None
    }
    /// An object, read to its end (by default skipped: the value is of another type).
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

impl Wanted for u64 {
    fn from_u64(n: u64) -> Option<Self> {
        Some(n)
    }
}

impl Wanted for bool {
    fn from_bool(b: bool) -> Option<Self> {
        Some(b)
    }
}

impl Wanted for String {
    fn from_str(s: &str) -> Option<Self> {
        Some(s.to_owned())
    }
}

impl<'de, T: Wanted> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LenientVisitor(PhantomData))
    }
}

struct LenientVisitor<T>(PhantomData<T>);

impl<T> LenientVisitor<T> {
    fn of<E>(value: Option<T>) -> Result<Lenient<T>, E> {
        Ok(value.map_or(Lenient::Bad, Lenient::Good))
    }
}

impl<'de, T: Wanted> Visitor<'de> for LenientVisitor<T> {
    type Value = Lenient<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
        Self::of(T::from_u64(n))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Lenient::Bad)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Lenient::Bad)
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Self::Value, E> {
        Self::of(T::from_bool(b))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        Self::of(T::from_str(s))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Lenient::Bad)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Lenient::Bad)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Self::of(T::from_map(map)?)
    }
}

/// A key of an object, as its index in a list of the names wanted (the list's length for any other
/// key): matched where it is read, with no string allocated for it.
pub struct KeyIn(pub &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeyIn {
    type Value = usize;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for KeyIn {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, key: &str) -> Result<usize, E> {
        Ok(self.0.iter().position(|name| *name == key).unwrap_or(self.0.len()))
    }
}
