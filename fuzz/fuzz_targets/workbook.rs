//! Any bytes given as a workbook (XLSX, XLS or ODS, chosen by the first
//! byte) are read and checked without panicking; what is valid lays out
//! with every invariant kept.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sopflow::import::{self, Format, ImportOptions};

/// Panics inside calamine are caught by the import (and turned into an
/// error); only those may pass without aborting the run.
fn quiet_reader_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !info.location().is_some_and(import::is_reader_panic) {
                abort(info);
            }
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    quiet_reader_panics();
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let format = match choice % 3 {
        0 => Format::Xlsx,
        1 => Format::Xls,
        _ => Format::Ods,
    };
    if let Ok(imported) = import::read_bytes(bytes.to_vec(), format, &ImportOptions::default()) {
        if let Ok((procedure, _)) = imported.into_procedure() {
            if let Ok(laid_out) = sopflow::layout::layout(&procedure, &sopflow::config::Config::default()) {
                let violations = sopflow::layout::verify(&laid_out);
                assert!(violations.is_empty(), "{violations:#?}");
            }
        }
    }
});
