//! The one encoding of every server function's answer: JSON, as leptos's own, but read in the
//! browser from a `&str` rather than bytes. Island props and live events are read from strings,
//! so with this each type's decoder is compiled once into the WebAssembly, not once per reader
//! (serde_json builds a separate decoder per input kind; a post or a comment read both ways
//! cost about as much WebAssembly again).
use leptos::server_fn::{codec::Post, Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::{de::DeserializeOwned, Serialize};

pub struct JsonText;

/// A server function answered with JSON in a `POST` (or, with `input = GetUrl`, a `GET`) body.
pub type Json = Post<JsonText>;

impl ContentType for JsonText {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl FormatType for JsonText {
    const FORMAT_TYPE: Format = Format::Text;
}

impl<T: Serialize> Encodes<T> for JsonText {
    type Error = serde_json::Error;

    fn encode(output: &T) -> Result<Bytes, Self::Error> {
        serde_json::to_vec(output).map(Bytes::from)
    }
}

impl<T: DeserializeOwned> Decodes<T> for JsonText {
    type Error = serde_json::Error;

    fn decode(bytes: Bytes) -> Result<T, Self::Error> {
        let text = std::str::from_utf8(&bytes).map_err(serde::de::Error::custom)?;
        serde_json::from_str(text)
    }
}
