//! Writes a value that derives `Serialize` as a Rust constant expression, so `build.rs` can turn
//! the validated content into `'static` data: structs by name, text as `Cow::Borrowed("…")`, lists
//! as `Cow::Borrowed(&[…])`. Only the shapes the content model uses are supported; anything else
//! fails the build with a message naming it.

use std::fmt::{self, Display, Write};

use serde::ser::{self, Serialize};

#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// The Rust expression for `value`.
pub fn to_rust<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut out = Writer(String::new());
    value.serialize(&mut out)?;
    Ok(out.0)
}

struct Writer(String);

impl Writer {
    fn put(&mut self, text: impl Display) -> Result<(), Error> {
        write!(self.0, "{text}").map_err(|e| Error(e.to_string()))
    }
}

fn unsupported<T>(what: &str) -> Result<T, Error> {
    Err(Error(format!(
        "the content model uses {what}, which build/rust_literal.rs cannot write"
    )))
}

/// Opens a list or tuple; `close` is written after the elements.
pub struct Seq<'a> {
    out: &'a mut Writer,
    close: &'static str,
}

impl Seq<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.out)?;
        self.out.put(", ")
    }
}

/// Lists and tuples differ only in their brackets, which `Seq::close` already carries.
macro_rules! elements {
    ($($trait:ident),*) => {
        $(impl ser::$trait for Seq<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.out.put(self.close)
            }
        })*
    };
}

elements!(SerializeSeq, SerializeTuple);

impl ser::SerializeStruct for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.out.put(format_args!("{key}: "))?;
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.out.put(self.close)
    }
}

type Never = ser::Impossible<(), Error>;

macro_rules! literals {
    ($($method:ident: $ty:ty),* $(,)?) => {
        $(fn $method(self, v: $ty) -> Result<(), Error> {
            self.put(v)
        })*
    };
}

macro_rules! debug_literals {
    ($($method:ident: $ty:ty),* $(,)?) => {
        $(fn $method(self, v: $ty) -> Result<(), Error> {
            self.put(format_args!("{v:?}"))
        })*
    };
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeStruct = Seq<'a>;
    type SerializeTupleStruct = Never;
    type SerializeTupleVariant = Never;
    type SerializeMap = Never;
    type SerializeStructVariant = Never;

    // Booleans and integers print as Rust literals; floats and chars in their Debug form, which
    // keeps a decimal point (`1.0`) and quotes.
    literals! {
        serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64,
    }
    debug_literals! { serialize_f32: f32, serialize_f64: f64, serialize_char: char }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.put(format_args!("Cow::Borrowed({v:?})"))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.put("None")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        self.put("Some(")?;
        value.serialize(&mut *self)?;
        self.put(")")
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.put("()")
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<(), Error> {
        self.put(name)
    }
    /// The variant as Serialize names it, which must be its Rust name: rename variants for the
    /// data files on deserialization only (`rename_all(deserialize = "…")`). A name that is not a
    /// Rust identifier fails the build here, saying so.
    fn serialize_unit_variant(self, name: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        let identifier = variant.starts_with(|c: char| c.is_ascii_uppercase())
            && variant.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !identifier {
            return Err(Error(format!(
                "{name} serializes a variant as \"{variant}\", which is not its Rust name: rename it for deserialization only"
            )));
        }
        self.put(format_args!("{name}::{variant}"))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, value: &T) -> Result<(), Error> {
        self.put(format_args!("{name}("))?;
        value.serialize(&mut *self)?;
        self.put(")")
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        unsupported("an enum variant with data")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a>, Error> {
        self.put("Cow::Borrowed(&[")?;
        Ok(Seq { out: self, close: "])" })
    }
    fn serialize_tuple(self, _: usize) -> Result<Seq<'a>, Error> {
        self.put("(")?;
        Ok(Seq { out: self, close: ")" })
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Seq<'a>, Error> {
        self.put(format_args!("{name} {{ "))?;
        Ok(Seq { out: self, close: "}" })
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Never, Error> {
        unsupported("a tuple struct")
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Never, Error> {
        unsupported("an enum variant with fields")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Never, Error> {
        unsupported("a map (use `Pairs`)")
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Never, Error> {
        unsupported("an enum variant with fields")
    }
}
