//! The page frame: paper size, margins, and the heights of the repeated
//! header and the footer, computed once and handed to every phase.

use crate::config::PageConfig;
use crate::geom::{Rect, Size};

/// The paper and the area inside its margins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PrintArea {
    /// Paper size, orientation applied.
    pub paper: Size,
    /// The area inside the margins.
    pub content: Rect,
}

impl PrintArea {
    /// The area of `page`'s paper inside its margins.
    pub fn of(page: &PageConfig) -> Self {
        let paper = page.size();
        let [top, right, bottom, left] = page.margins;
        Self {
            paper,
            content: Rect::new(
                left,
                top,
                paper.width - left - right,
                paper.height - top - bottom,
            ),
        }
    }

    /// Bottom margin.
    pub fn bottom_margin(&self) -> f32 {
        self.paper.height - self.content.bottom()
    }
}

/// Everything a flowchart page shares: its print area and the bands the
/// table header and the footer take from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PageFrame {
    /// Paper and margins.
    pub area: PrintArea,
    /// Height of the table header.
    pub header_height: f32,
    /// Height of the footer block with the gap above it.
    pub footer_height: f32,
}

impl PageFrame {
    /// Room for rows on a page that repeats the header.
    pub fn body_height(&self) -> f32 {
        self.area.content.height - self.header_height - self.footer_height
    }

    /// Top margin: where the table (and its header) starts.
    pub fn top(&self) -> f32 {
        self.area.content.y
    }

    /// Bottom of the content area, where the footer block ends.
    pub fn bottom(&self) -> f32 {
        self.area.content.bottom()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn the_body_is_the_paper_less_margins_header_and_footer() {
        let config = Config::default();
        let area = PrintArea::of(&config.page);
        let [top, right, bottom, left] = config.page.margins;
        assert_eq!(area.content.x, left);
        assert_eq!(area.paper.width - area.content.right(), right);
        assert_eq!(area.bottom_margin(), bottom);
        let frame = PageFrame {
            area,
            header_height: 40.0,
            footer_height: 20.0,
        };
        assert_eq!(frame.body_height(), area.paper.height - top - bottom - 60.0);
    }
}
