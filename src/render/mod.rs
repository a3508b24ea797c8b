//! Renderers: they walk a [`crate::layout::Layout`] and write shapes; they
//! never decide geometry.

#[cfg(any(feature = "png", feature = "pdf"))]
mod fonts;
#[cfg(feature = "png")]
pub mod png;
pub mod svg;
pub(crate) mod xml;
