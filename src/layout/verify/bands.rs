//! Invariant 13, connectors a reader can follow: off-page connectors
//! side by side in one band row stand at least [`CONNECTOR_GAP`] apart,
//! and are ordered by number from left to right: all of a row at a
//! page's foot, those of one lane in a row at its head (each stands in
//! its target's lane, and arrows from several pages arrive there).

use super::{Checker, EPS};
use crate::layout::dims::CONNECTOR_GAP;
use crate::layout::types::{Connector, ConnectorEnd};

/// Orders connector labels as they are numbered: 1 < 2 < 10, A < Z < AA.
fn number_order(a: &str, b: &str) -> std::cmp::Ordering {
    (a.len(), a).cmp(&(b.len(), b))
}

impl Checker<'_> {
    pub(super) fn bands(&mut self) {
        let mut rows: Vec<Vec<&Connector>> = Vec::new();
        for c in &self.page.connectors {
            match rows
                .iter_mut()
                .find(|r| (r[0].rect.y - c.rect.y).abs() <= EPS)
            {
                Some(row) => row.push(c),
                None => rows.push(vec![c]),
            }
        }
        for mut row in rows {
            row.sort_by(|a, b| a.rect.x.total_cmp(&b.rect.x));
            for pair in row.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let gap = b.rect.x - a.rect.right();
                if gap < CONNECTOR_GAP - EPS {
                    self.report(
                        13,
                        vec![a.label.clone(), b.label.clone()],
                        format!("connectors {} and {} stand {gap:.2} pt apart (at least {CONNECTOR_GAP} pt)", a.label, b.label),
                    );
                }
                let foot = a.end == ConnectorEnd::Out && b.end == ConnectorEnd::Out;
                if (foot || a.lane == b.lane) && number_order(&a.label, &b.label).is_gt() {
                    self.report(
                        13,
                        vec![a.label.clone(), b.label.clone()],
                        format!(
                            "connector {} stands left of {} in one band",
                            a.label, b.label
                        ),
                    );
                }
            }
        }
    }
}
