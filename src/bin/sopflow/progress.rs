//! Progress on long work, on standard error when it is a terminal (a
//! portal's log stays clean), never with `--quiet`.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// A bar over `documents`, drawn only to a terminal.
pub fn documents(documents: usize, quiet: bool) -> ProgressBar {
    let target = if quiet || !std::io::stderr().is_terminal() || documents < 2 {
        ProgressDrawTarget::hidden()
    } else {
        ProgressDrawTarget::stderr()
    };
    let bar = ProgressBar::with_draw_target(Some(documents as u64), target);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:30} {pos}/{len} documents · {msg} · {elapsed}")
    {
        bar.set_style(style);
    }
    bar
}
