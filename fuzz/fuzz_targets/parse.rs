//! JSON bytes → parse → validate → (when valid) layout → verify.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sopflow::{config::Config, layout, parse_sop, validate, Procedure};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(sop) = parse_sop(text) else { return };
    let diagnostics = validate(&sop);
    let owned = Procedure::from_owned_sop(sop.clone(), &sopflow::Limits::default());
    match Procedure::from_sop(&sop) {
        Ok(procedure) => {
            assert_eq!(owned.ok().as_ref(), Some(&procedure), "owned and borrowed agree");
            let laid_out = match layout::layout(&procedure, &Config::default()) {
                Ok(laid_out) => laid_out,
                Err(sopflow::Error::Invalid(d)) if d.contains(sopflow::Code::TableTooWide) => {
                    assert!(procedure.lanes().len() > 8, "refused with few performers: {d}");
                    return;
                }
                Err(e) => panic!("layout refused: {e}"),
            };
            let violations = layout::verify(&laid_out);
            assert!(violations.is_empty(), "{violations:#?}");
        }
        Err(_) => assert!(diagnostics.has_errors()),
    }
});
