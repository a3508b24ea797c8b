//! The geometry JSON: the [`Layout`] as `sopflow layout` prints it, with
//! every coordinate to 0.01 pt. The compact form is exactly the text
//! `serde_json` writes for the layout, made faster: numbers are written in
//! fixed point straight from their hundredths, and the pages (nearly all
//! of it) are written on all cores, then joined in order.

use super::types::{Layout, Page};
use crate::geom::hundredths;
use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};
use std::io::{self, Write};

/// Writes `layout` as JSON to `out`: compact, or indented when `pretty`.
pub fn write_json(layout: &Layout, mut out: impl Write, pretty: bool) -> io::Result<()> {
    if pretty {
        let mut serializer = serde_json::Serializer::pretty(out);
        return layout.serialize(&mut serializer).map_err(io::Error::other);
    }
    // The fields in the order `Layout` declares them (a test holds this
    // text to serde's own for the whole layout).
    out.write_all(b"{")?;
    field(&mut out, "title", &layout.title, true)?;
    field(&mut out, "language", &layout.language, false)?;
    field(&mut out, "lane_actors", &layout.lane_actors, false)?;
    field(&mut out, "columns", &layout.columns, false)?;
    field(
        &mut out,
        "lanes_span",
        &crate::geom::RoundedPair(layout.lanes_span),
        false,
    )?;
    field(&mut out, "header", &layout.header, false)?;
    field(
        &mut out,
        "header_height",
        &crate::geom::Rounded(layout.header_height),
        false,
    )?;
    field(&mut out, "identity", &layout.identity, false)?;
    out.write_all(b",\"pages\":[")?;
    write_pages(&mut out, &layout.pages)?;
    out.write_all(b"]")?;
    field(&mut out, "metrics", &layout.metrics, false)?;
    field(&mut out, "warnings", &layout.warnings, false)?;
    out.write_all(b"}")
}

/// Writes `"name":value`, after a comma unless it is the first field.
fn field(out: &mut impl Write, name: &str, value: &impl Serialize, first: bool) -> io::Result<()> {
    if !first {
        out.write_all(b",")?;
    }
    serde_json::to_writer(&mut *out, name).map_err(io::Error::other)?;
    out.write_all(b":")?;
    compact(&mut *out, value)
}

fn compact(out: impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, FixedPoint);
    value.serialize(&mut serializer).map_err(io::Error::other)
}

/// Pages one worker writes into one buffer: enough to keep the cores
/// busy, few enough that the buffers stay small beside the layout.
const PAGES_PER_BATCH: usize = 64;

/// Writes the pages, comma-separated. One worker per core writes every
/// `cores`-th batch of consecutive pages into a buffer and hands it over
/// (one buffer ahead at most); the buffers go out in page order.
fn write_pages(out: &mut impl Write, pages: &[Page]) -> io::Result<()> {
    let write_batch = |batch: &[Page]| -> io::Result<Vec<u8>> {
        let mut buffer = Vec::with_capacity(batch.len() * 16_384);
        for page in batch {
            buffer.push(b',');
            compact(&mut buffer, page)?;
        }
        Ok(buffer)
    };
    let batches: Vec<&[Page]> = pages.chunks(PAGES_PER_BATCH).collect();
    let cores = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(batches.len());
    let mut first = true;
    let mut emit = |buffer: Vec<u8>| {
        // Every batch starts with a comma; the first page has none.
        let skip = usize::from(std::mem::take(&mut first) && !buffer.is_empty());
        out.write_all(&buffer[skip..])
    };
    if cores <= 1 {
        return batches
            .iter()
            .try_for_each(|batch| emit(write_batch(batch)?));
    }
    std::thread::scope(|scope| {
        let receivers: Vec<_> = (0..cores)
            .map(|worker| {
                let (send, receive) = std::sync::mpsc::sync_channel(1);
                let mine: Vec<&[Page]> = batches
                    .iter()
                    .skip(worker)
                    .step_by(cores)
                    .copied()
                    .collect();
                scope.spawn(move || {
                    for batch in mine {
                        if send.send(write_batch(batch)).is_err() {
                            return;
                        }
                    }
                });
                receive
            })
            .collect();
        for b in 0..batches.len() {
            match receivers[b % cores].recv() {
                Ok(buffer) => emit(buffer?)?,
                Err(_) => return Err(io::Error::other("a page writer stopped")),
            }
        }
        Ok(())
    })
}

/// Compact JSON whose numbers are written from their hundredths.
struct FixedPoint;

impl Formatter for FixedPoint {
    fn write_f64<W: ?Sized + Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        match hundredths(value) {
            Some(h) if (h as f64 / 100.0) == value => write_hundredths(writer, h),
            _ => CompactFormatter.write_f64(writer, value),
        }
    }
}

/// Writes `h / 100` in its shortest decimal form ("12", "12.5", "-0.07").
fn write_hundredths<W: ?Sized + Write>(writer: &mut W, h: i64) -> io::Result<()> {
    let mut buf = [0u8; 24];
    let mut at = buf.len();
    let mut rest = h.unsigned_abs();
    let fraction = rest % 100;
    rest /= 100;
    if fraction != 0 {
        let (tens, ones) = ((fraction / 10) as u8, (fraction % 10) as u8);
        if ones != 0 {
            at -= 1;
            buf[at] = b'0' + ones;
        }
        at -= 1;
        buf[at] = b'0' + tens;
        at -= 1;
        buf[at] = b'.';
    }
    loop {
        at -= 1;
        buf[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if h < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    writer.write_all(&buf[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compact_json_is_what_serde_writes() {
        use crate::config::Config;
        let sop = crate::generate::generate(crate::generate::GenerateOptions::new(150, 5, 7));
        let procedure = crate::Procedure::from_sop(&sop).unwrap();
        let layout = crate::layout::layout(&procedure, &Config::default()).unwrap();
        assert!(layout.pages.len() > 3);
        let mut ours = Vec::new();
        write_json(&layout, &mut ours, false).unwrap();
        let mut theirs = Vec::new();
        compact(&mut theirs, &layout).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(theirs).unwrap()
        );
        let plain = serde_json::to_string(&layout).unwrap();
        let value: serde_json::Value = serde_json::from_str(&plain).unwrap();
        let mut pretty = Vec::new();
        write_json(&layout, &mut pretty, true).unwrap();
        assert_eq!(
            value,
            serde_json::from_slice::<serde_json::Value>(&pretty).unwrap()
        );
    }

    #[test]
    fn fixed_point_numbers_read_as_serde_json_writes_them() {
        for v in [
            0.01,
            0.1,
            0.07,
            -0.07,
            1.5,
            12.35,
            -7.13,
            123_456.78,
            1e12 + 0.25,
            99.99,
            100.01,
        ] {
            let mut ours = Vec::new();
            FixedPoint.write_f64(&mut ours, v).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&v).unwrap()
            );
        }
    }

    #[test]
    fn other_numbers_keep_their_digits() {
        let mut out = Vec::new();
        FixedPoint.write_f64(&mut out, 1.0 / 3.0).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string(&(1.0 / 3.0)).unwrap()
        );
    }
}
