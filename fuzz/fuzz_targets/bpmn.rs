//! Any bytes given as a BPMN model are read and checked without panicking; what is valid lays out
//! with every invariant kept.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sopflow::import::{self, Format, ImportOptions};

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = import::read_bytes(data.to_vec(), Format::Bpmn, &ImportOptions::default()) {
        if let Ok((procedure, _)) = imported.into_procedure() {
            if let Ok(laid_out) = sopflow::layout::layout(&procedure, &sopflow::config::Config::default()) {
                let violations = sopflow::layout::verify(&laid_out);
                assert!(violations.is_empty(), "{violations:#?}");
            }
        }
    }
});
