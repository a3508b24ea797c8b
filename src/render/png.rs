//! PNG output (feature `png`): each SVG page rasterised by resvg.

use crate::Error;

/// Default resolution of PNG pages, in dots per inch.
pub const DEFAULT_DPI: f32 = 150.0;

/// Rasterises SVG page `page` (1-based) at `dpi` dots per inch into PNG bytes.
pub(crate) fn svg_to_png(svg: &str, page: usize, dpi: f32) -> Result<Vec<u8>, Error> {
    let tree = super::fonts::parse(svg, page)?;
    let scale = dpi / 72.0 * super::fonts::POINTS_PER_PIXEL;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale).ceil() as u32,
        (size.height() * scale).ceil() as u32,
    );
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(w.max(1), h.max(1)).ok_or(Error::RasterTooLarge {
            page,
            width: w,
            height: h,
        })?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| Error::PngEncoding {
        page,
        reason: e.to_string(),
    })
}
