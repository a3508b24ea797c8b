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

/// Lays out the identity sheet: one page, or more when its lists do not
/// fit one; every page the size of the paper.
pub(crate) fn lay_out_identity_sheet(
    identity: &Identity,
    words: &Words,
    area: &PrintArea,
    metrics: &TypeScale,
    measurer: &dyn TextMeasurer,
) -> Vec<IdentityPage> {
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

    // Below: three rows of two lists, flowing onto further pages.
    let note = identity
        .footer
        .as_deref()
        .map(|f| wrap(&normalise(f), width, metrics.label, measurer))
        .unwrap_or_default();
    let note_height = note.len() as f32 * metrics.label_line;
    let sheet = Sheet {
        area,
        half,
        pad,
        body,
        bold,
        line,
        limit: page.height - bottom - 12.0 - note_height,
        measurer,
    };
    let first = Sheet::page(boxes, cells, images);
    let pages = sheet.flow_lists(first, y, identity, words);
    let close = |mut sheet_page: IdentityPage| {
        if !note.is_empty() {
            let rect = Rect::new(left, page.height - bottom - note_height, width, note_height);
            sheet_page.cells.push(cell(
                CellRole::Footer,
                rect,
                note.as_slice(),
                TextStyle::top_left(metrics.label, 0.0),
                measurer,
            ));
        }
        sheet_page
    };
    pages.into_iter().map(close).collect()
}

/// What every box of the list rows shares.
struct Sheet<'a> {
    area: &'a PrintArea,
    half: f32,
    pad: f32,
    body: Font,
    bold: Font,
    line: f32,
    /// The lowest a box may reach on any page (above the footer note).
    limit: f32,
    measurer: &'a dyn TextMeasurer,
}

/// One list of a list row: its wrapped heading and items.
struct ListBlock {
    label: String,
    items: Vec<Line>,
}

/// Fewest item lines worth starting a list row with at a page's foot;
/// with less room the row moves to the next page whole.
const MIN_SPLIT_LINES: usize = 3;

impl Sheet<'_> {
    fn page(boxes: Vec<Rect>, cells: Vec<TextCell>, images: Vec<PlacedImage>) -> IdentityPage {
        IdentityPage {
            size: Size::default(),
            boxes,
            cells,
            images,
        }
    }

    /// Places the three list rows from `y` on `first`, starting a new
    /// page (with the continuation header) where a row does not fit, and
    /// splitting a row between its items when enough of it fits.
    fn flow_lists(
        &self,
        first: IdentityPage,
        mut y: f32,
        identity: &Identity,
        words: &Words,
    ) -> Vec<IdentityPage> {
        let labels = &words.identity;
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
        let mut pages = Vec::new();
        let mut current = first;
        // True while the current page holds no list row yet.
        let mut fresh = false;
        for (a, b) in pairs {
            let blocks = [self.block(a), self.block(b)];
            let mut from = 0;
            loop {
                let continued = from > 0;
                // A list finished on an earlier page leaves its box empty.
                let heads = blocks.each_ref().map(|b| match continued {
                    false => self.heading(&b.label, None),
                    true if b.items.len() > from => self.heading(&b.label, Some(&labels.continued)),
                    true => Vec::new(),
                });
                let head_lines = heads.iter().map(Vec::len).max().unwrap_or(0);
                let rest = blocks
                    .iter()
                    .map(|b| b.items.len() - from.min(b.items.len()));
                let rest = rest.max().unwrap_or(0);
                let room = ((self.limit - y - 2.0 * self.pad) / self.line)
                    .floor()
                    .max(0.0) as usize;
                let take = if head_lines + rest <= room {
                    rest
                } else if room >= head_lines + MIN_SPLIT_LINES.min(rest) && room > head_lines {
                    room - head_lines
                } else if fresh {
                    // Not even a page of its own holds a heading and an
                    // item: one item line at least, so the rows advance.
                    room.saturating_sub(head_lines).max(1)
                } else {
                    pages.push(std::mem::replace(
                        &mut current,
                        Sheet::page(Vec::new(), Vec::new(), Vec::new()),
                    ));
                    y = self.continuation_header(&mut current, identity, words);
                    fresh = true;
                    continue;
                };
                let h = (head_lines + take) as f32 * self.line + 2.0 * self.pad;
                for (side, (block, head)) in blocks.iter().zip(heads).enumerate() {
                    let x = self.area.content.x + side as f32 * self.half;
                    let end = (from + take).min(block.items.len());
                    let items = &block.items[from.min(end)..end];
                    self.list_box(&mut current, Rect::new(x, y, self.half, h), &head, items);
                }
                y += h;
                fresh = false;
                from += take;
                if take >= rest {
                    break;
                }
            }
        }
        pages.push(current);
        for page in &mut pages {
            page.size = self.area.paper;
        }
        pages
    }

    /// A list's heading and items, wrapped to half the page.
    fn block(&self, (label, items): (&String, &Vec<String>)) -> ListBlock {
        let list = if items.is_empty() {
            vec!["-".to_owned()]
        } else {
            items.clone()
        };
        ListBlock {
            label: label.clone(),
            items: wrap_list(&list, self.half - 2.0 * self.pad, self.body, self.measurer),
        }
    }

    /// "DASAR HUKUM:", or "DASAR HUKUM (lanjutan):" on a later page.
    fn heading(&self, label: &str, continued: Option<&String>) -> Vec<Line> {
        let text = match continued {
            Some(word) => format!("{label} {word}:"),
            None => format!("{label}:"),
        };
        wrap(&text, self.half - 2.0 * self.pad, self.bold, self.measurer)
    }

    /// One box of a list row: the bold heading, the items under it.
    fn list_box(&self, page: &mut IdentityPage, rect: Rect, head: &[Line], items: &[Line]) {
        page.boxes.push(rect);
        page.cells.push(cell(
            CellRole::Identity,
            rect,
            head,
            TextStyle::top_left(self.bold, self.pad),
            self.measurer,
        ));
        let drop = head.len() as f32 * self.line;
        let below = Rect::new(rect.x, rect.y + drop, rect.width, rect.height - drop);
        page.cells.push(cell(
            CellRole::Identity,
            below,
            items,
            TextStyle::top_left(self.body, self.pad),
            self.measurer,
        ));
    }

    /// The top of a later identity page: the SOP's number and name, the
    /// name marked as continued; returns where the lists go on.
    fn continuation_header(
        &self,
        page: &mut IdentityPage,
        identity: &Identity,
        words: &Words,
    ) -> f32 {
        let labels = &words.identity;
        let or_dash = |t: &Option<String>| {
            normalise(t.as_deref().filter(|t| !t.trim().is_empty()).unwrap_or("-")).into_owned()
        };
        let name = format!("{} {}", or_dash(&identity.name), labels.continued);
        let label_w = self.half * 0.36;
        let value_w = self.half - label_w;
        let top = self.area.content.y;
        let texts = [
            (labels.number.as_str(), label_w, self.bold),
            (or_dash(&identity.number).as_str(), value_w, self.body),
            (labels.name.as_str(), label_w, self.bold),
            (name.as_str(), value_w, self.body),
        ]
        .map(|(text, w, font)| (wrap(text, w - 2.0 * self.pad, font, self.measurer), w, font));
        let lines = texts.iter().map(|(l, _, _)| l.len()).max().unwrap_or(1);
        let h = lines as f32 * self.line + 2.0 * self.pad;
        let mut x = self.area.content.x;
        for (lines, w, font) in texts {
            let rect = Rect::new(x, top, w, h);
            page.boxes.push(rect);
            page.cells.push(cell(
                CellRole::Identity,
                rect,
                lines,
                TextStyle::top_left(font, self.pad),
                self.measurer,
            ));
            x += w;
        }
        top + h
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::text::FontMeasurer;

    fn sheet(identity: &Identity, config: &Config) -> Vec<IdentityPage> {
        let area = PrintArea::of(&config.page);
        FontMeasurer::with_thread_local(|m| {
            let scale = TypeScale::new(config, m);
            lay_out_identity_sheet(identity, &config.words, &area, &scale, m)
        })
    }

    fn texts(page: &IdentityPage) -> Vec<&str> {
        page.cells
            .iter()
            .flat_map(|c| &c.lines)
            .map(|l| l.text.as_ref())
            .collect()
    }

    #[test]
    fn long_lists_flow_onto_more_pages_of_the_paper_size() {
        let identity = Identity {
            number: Some("SOP-007".into()),
            name: Some("Pengelolaan Barang Persediaan".into()),
            equipment: (1..=33).map(|i| format!("Peralatan nomor {i}")).collect(),
            legal_basis: (1..=30)
                .map(|i| format!("Peraturan Menteri nomor {i} tentang hal yang diatur"))
                .collect(),
            records: vec!["Buku persediaan".into()],
            footer: Some("Dokumen ini ditandatangani secara elektronik".into()),
            ..Identity::default()
        };
        let mut config = Config::default();
        config.page.paper = crate::config::Paper::A4;
        let area = PrintArea::of(&config.page);
        let pages = sheet(&identity, &config);
        assert!(pages.len() >= 2, "{} pages", pages.len());
        let note_top = |page: &IdentityPage| {
            let note = page.cells.iter().find(|c| c.role == CellRole::Footer);
            note.expect("the footer note on every page").rect.y
        };
        for page in &pages {
            assert_eq!(page.size, area.paper, "never taller than the paper");
            let top = note_top(page);
            for b in &page.boxes {
                assert!(b.bottom() <= top + 0.01, "{b:?} over the note at {top}");
                assert!(b.y >= area.content.y - 0.01);
            }
        }
        // Every item once, in order, across the pages.
        let all: Vec<&str> = pages.iter().flat_map(texts).collect();
        let items: Vec<&str> = all
            .iter()
            .copied()
            .filter(|t| t.contains("Peralatan nomor"))
            .collect();
        let expected: Vec<String> = (1..=33)
            .map(|i| format!("{i}. Peralatan nomor {i}"))
            .collect();
        assert_eq!(items, expected);
        // A later page names the SOP and marks what it continues.
        let second = texts(&pages[1]);
        assert!(second.contains(&"SOP-007"), "{second:?}");
        assert!(
            second.iter().any(|t| t.contains("(lanjutan)")),
            "{second:?}"
        );
        assert!(
            pages[1].images.is_empty(),
            "logo and signature on page 1 only"
        );
    }

    #[test]
    fn the_logo_and_the_signature_keep_their_places_without_images() {
        let identity = Identity {
            agency: Some("Badan Pusat Statistik".into()),
            number: Some("SOP-001".into()),
            name: Some("Pelayanan Perpustakaan".into()),
            ..Identity::default()
        };
        let config = Config::default();
        let pages = sheet(&identity, &config);
        assert_eq!(pages.len(), 1);
        let page = &pages[0];
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
