//! The identity sheet (Identitas SOP) laid out as geometry, page 1 of the
//! document: logo and agency names
//! on the left, the label/value grid with the signature block on the
//! right, and three two-column rows of lists below.

use super::frame::PrintArea;
use super::text_cells::{TextStyle, cell};
use super::type_scale::TypeScale;
use super::types::{Align, CellRole, IdentityPage, ImageKind, PlacedImage, TextCell};
use crate::config::Words;
use crate::geom::{Rect, Size};
use crate::model::Identity;
use crate::text::{Font, Line, TextMeasurer, normalise, wrap, wrap_list};

/// Room for the logo and the signature.
const LOGO: f32 = 64.0;
const SIGNATURE: (f32, f32) = (110.0, 48.0);

/// Lays out the identity sheet.
pub(crate) fn lay_out_identity_sheet(
    identity: &Identity,
    words: &Words,
    area: &PrintArea,
    metrics: &TypeScale,
    measurer: &dyn TextMeasurer,
) -> IdentityPage {
    let labels = &words.identity;
    let page = area.paper;
    let (top, left, width) = (area.content.y, area.content.x, area.content.width);
    let bottom = area.bottom_margin();
    let half = width / 2.0;
    let pad = metrics.padding * 1.5;
    let body = metrics.body;
    let bold = Font::bold(body.size);
    let line = measurer.line_height(body);
    let value = |text: &Option<String>| {
        normalise(
            text.as_deref()
                .filter(|t| !t.trim().is_empty())
                .unwrap_or("-"),
        )
        .into_owned()
    };
    let mut cells: Vec<TextCell> = Vec::new();
    let mut boxes: Vec<Rect> = Vec::new();
    let mut images = Vec::new();

    // Right half: label / value grid.
    let label_w = half * 0.36;
    let value_w = half - label_w;
    let x_label = left + half;
    let x_value = x_label + label_w;
    let date = |t: &Option<String>| words.date(&value(t));
    let approval = identity.approved_by.clone().unwrap_or_default();
    let mut rows: Vec<(String, Vec<Line>, Option<f32>)> = Vec::new();
    let wrap_value = |text: &str| wrap(text, value_w - 2.0 * pad, body, measurer);
    for (label, text) in [
        (&labels.number, value(&identity.number)),
        (&labels.created, date(&identity.created)),
        (&labels.revised, date(&identity.revised)),
        (&labels.effective, date(&identity.effective)),
    ] {
        rows.push((label.clone(), wrap_value(&text), None));
    }
    let mut signed = wrap_value(&value(&approval.position));
    // The signature's place is kept when no image is given: the printed
    // copy is signed or stamped there.
    let signature_gap = SIGNATURE.1 + 4.0;
    let name = wrap_value(&value(&approval.name));
    let nip = approval
        .nip
        .as_deref()
        .filter(|n| !n.trim().is_empty())
        .map(|n| wrap_value(&format!("{} {}", labels.nip, normalise(n))))
        .unwrap_or_default();
    let gap_lines = signed.len();
    signed.extend(name);
    signed.extend(nip);
    rows.push((labels.approved_by.clone(), signed, Some(signature_gap)));
    rows.push((
        labels.name.clone(),
        wrap_value(&value(&identity.name)),
        None,
    ));
    let mut y = top;
    for (label, lines, gap) in rows {
        let label_lines = wrap(&label, label_w - 2.0 * pad, bold, measurer);
        let text_h = lines.len() as f32 * line + gap.map_or(0.0, |g| g + pad);
        let h = (label_lines.len() as f32 * line).max(text_h) + 2.0 * pad;
        let label_rect = Rect::new(x_label, y, label_w, h);
        let value_rect = Rect::new(x_value, y, value_w, h);
        boxes.extend([label_rect, value_rect]);
        cells.push(cell(
            CellRole::Identity,
            label_rect,
            label_lines.as_slice(),
            TextStyle::top_left(bold, pad),
            measurer,
        ));
        match gap {
            Some(gap) => {
                let (above, below) = lines.split_at(gap_lines.min(lines.len()));
                let upper = Rect::new(
                    value_rect.x,
                    y,
                    value_w,
                    above.len() as f32 * line + 2.0 * pad,
                );
                cells.push(cell(
                    CellRole::Identity,
                    upper,
                    above,
                    TextStyle {
                        align: Align::Center,
                        ..TextStyle::top_left(body, pad)
                    },
                    measurer,
                ));
                let sig_top = upper.bottom();
                images.push(PlacedImage {
                    kind: ImageKind::Signature,
                    source: identity.signature.clone(),
                    rect: Rect::new(
                        value_rect.x + (value_w - SIGNATURE.0) / 2.0,
                        sig_top + 2.0,
                        SIGNATURE.0,
                        SIGNATURE.1,
                    ),
                });
                let lower = Rect::new(
                    value_rect.x,
                    sig_top + gap - pad,
                    value_w,
                    below.len() as f32 * line + 2.0 * pad,
                );
                cells.push(cell(
                    CellRole::Identity,
                    lower,
                    below,
                    TextStyle {
                        align: Align::Center,
                        ..TextStyle::top_left(body, pad)
                    },
                    measurer,
                ));
            }
            None => cells.push(cell(
                CellRole::Identity,
                value_rect,
                lines.as_slice(),
                TextStyle::top_left(body, pad),
                measurer,
            )),
        }
        y += h;
    }

    // Left half: logo and names, centred.
    let grid_bottom = y;
    let left_rect = Rect::new(left, top, half, grid_bottom - top);
    boxes.push(left_rect);
    let names: Vec<String> = [&identity.agency, &identity.unit]
        .into_iter()
        .flatten()
        .map(|t| normalise(t).to_uppercase())
        .collect();
    let header_font = Font::bold(metrics.header.size + 2.0);
    let name_lines: Vec<Line> = names
        .iter()
        .flat_map(|n| wrap(n, half - 4.0 * pad, header_font, measurer))
        .collect();
    let names_h = name_lines.len() as f32 * measurer.line_height(header_font);
    // The logo's place is kept when no image is given, as on the printed
    // forms agencies stamp.
    let logo_h = LOGO + 8.0;
    let block_top = top + ((left_rect.height - names_h - logo_h) / 2.0).max(pad);
    images.push(PlacedImage {
        kind: ImageKind::Logo,
        source: identity.logo.clone(),
        rect: Rect::new(left + (half - LOGO) / 2.0, block_top, LOGO, LOGO),
    });
    let names_rect = Rect::new(left, block_top + logo_h, half, names_h);
    cells.push(cell(
        CellRole::Identity,
        names_rect,
        name_lines.as_slice(),
        TextStyle {
            align: Align::Center,
            ..TextStyle::top_left(header_font, 0.0)
        },
        measurer,
    ));

    // Below: three rows of two lists.
    let pairs = [
        (
            (&labels.legal_basis, &identity.legal_basis),
            (&labels.qualifications, &identity.qualifications),
        ),
        (
            (&labels.related, &identity.related),
            (&labels.equipment, &identity.equipment),
        ),
        (
            (&labels.warnings, &identity.warnings),
            (&labels.records, &identity.records),
        ),
    ];
    for (a, b) in pairs {
        let block = |(label, items): (&String, &Vec<String>)| {
            let mut lines = wrap(&format!("{label}:"), half - 2.0 * pad, bold, measurer);
            let list = if items.is_empty() {
                vec!["-".to_owned()]
            } else {
                items.clone()
            };
            let body_lines = wrap_list(&list, half - 2.0 * pad, body, measurer);
            let heading = lines.len();
            lines.extend(body_lines);
            (lines, heading)
        };
        let (la, ha) = block(a);
        let (lb, hb) = block(b);
        let h = la.len().max(lb.len()) as f32 * line + 2.0 * pad;
        for (x, (lines, heading)) in [(left, (la, ha)), (left + half, (lb, hb))] {
            let rect = Rect::new(x, y, half, h);
            boxes.push(rect);
            let (head, rest) = lines.split_at(heading);
            cells.push(cell(
                CellRole::Identity,
                rect,
                head,
                TextStyle::top_left(bold, pad),
                measurer,
            ));
            let below = Rect::new(
                x,
                y + head.len() as f32 * line,
                half,
                h - head.len() as f32 * line,
            );
            cells.push(cell(
                CellRole::Identity,
                below,
                rest,
                TextStyle::top_left(body, pad),
                measurer,
            ));
        }
        y += h;
    }
    // The footer (e.g. the e-signature note) closes every page, this one too.
    let note = identity
        .footer
        .as_deref()
        .map(|f| wrap(&normalise(f), width, metrics.label, measurer))
        .unwrap_or_default();
    let note_height = note.len() as f32 * metrics.label_line;
    let height = page.height.max(y + bottom + 12.0 + note_height);
    if !note.is_empty() {
        let rect = Rect::new(left, height - bottom - note_height, width, note_height);
        cells.push(cell(
            CellRole::Footer,
            rect,
            note,
            TextStyle::top_left(metrics.label, 0.0),
            measurer,
        ));
    }
    IdentityPage {
        size: Size {
            width: page.width,
            height,
        },
        boxes,
        cells,
        images,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::text::FontMeasurer;

    #[test]
    fn the_logo_and_the_signature_keep_their_places_without_images() {
        let identity = Identity {
            agency: Some("Badan Pusat Statistik".into()),
            number: Some("SOP-001".into()),
            name: Some("Pelayanan Perpustakaan".into()),
            ..Identity::default()
        };
        let config = Config::default();
        let area = PrintArea::of(&config.page);
        let page = FontMeasurer::with_thread_local(|m| {
            let scale = TypeScale::new(&config, m);
            lay_out_identity_sheet(&identity, &config.words, &area, &scale, m)
        });
        let place = |kind| page.images.iter().find(|i| i.kind == kind).unwrap();
        let logo = place(ImageKind::Logo);
        let signature = place(ImageKind::Signature);
        assert_eq!((logo.rect.width, logo.rect.height), (LOGO, LOGO));
        assert_eq!(
            (signature.rect.width, signature.rect.height),
            SIGNATURE,
            "room to sign or stamp"
        );
        assert!(logo.source.is_none() && signature.source.is_none());
        for place in [logo, signature] {
            for cell in &page.cells {
                for line in &cell.lines {
                    let top = line.y - cell.font.size;
                    let clear = line.x + line.width <= place.rect.x
                        || line.x >= place.rect.right()
                        || line.y <= place.rect.y
                        || top >= place.rect.bottom();
                    assert!(clear, "{:?} over the {:?} place", line.text, place.kind);
                }
            }
        }
    }
}
