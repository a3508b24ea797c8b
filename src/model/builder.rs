//! A builder for Rust callers who make an SOP in code.

use super::{Activity, Actor, Branch, FORMAT, Identity, Kind, LabelledBranch, Next, Sop};

/// Builds a [`Sop`] step by step.
///
/// ```
/// use sopflow::{Kind, SopBuilder};
/// let sop = SopBuilder::new()
///     .actor("pemohon", "Pemohon")
///     .actor("loket", "Petugas Loket")
///     .activity("Menyerahkan berkas", "pemohon", |a| a.time("5 menit"))
///     .activity("Memeriksa berkas", "loket", |a| a.kind(Kind::Decision).yes("3").no("1"))
///     .activity("Menerbitkan tanda terima", "loket", |a| a)
///     .build();
/// assert_eq!(sop.activities.len(), 3);
/// ```
#[derive(Debug, Clone, Default)]
pub struct SopBuilder {
    sop: Sop,
}

impl SopBuilder {
    /// An empty document with the format tag set.
    pub fn new() -> Self {
        Self {
            sop: Sop {
                format: Some(FORMAT.to_owned()),
                ..Sop::default()
            },
        }
    }

    /// Sets the identity sheet.
    pub fn identity(mut self, identity: Identity) -> Self {
        self.sop.identity = Some(identity);
        self
    }

    /// Adds a performer column.
    pub fn actor(mut self, id: &str, name: &str) -> Self {
        self.sop.actors.push(Actor {
            id: Some(id.to_owned()),
            name: name.to_owned(),
            group: None,
        });
        self
    }

    /// Adds an activity row performed by `actor`, refined by `edit`.
    pub fn activity(
        mut self,
        text: &str,
        actor: &str,
        edit: impl FnOnce(ActivityBuilder) -> ActivityBuilder,
    ) -> Self {
        let base = Activity {
            text: text.to_owned(),
            actor: vec![actor.to_owned()],
            ..Activity::default()
        };
        self.sop.activities.push(edit(ActivityBuilder(base)).0);
        self
    }

    /// The finished document (not yet validated).
    pub fn build(self) -> Sop {
        self.sop
    }
}

/// Refines one activity inside [`SopBuilder::activity`].
#[derive(Debug, Clone)]
pub struct ActivityBuilder(Activity);

impl ActivityBuilder {
    /// Sets the id (default: the 1-based position).
    pub fn id(mut self, id: &str) -> Self {
        self.0.id = Some(id.to_owned());
        self
    }
    /// Sets the kind.
    pub fn kind(mut self, kind: Kind) -> Self {
        self.0.kind = Some(kind);
        self
    }
    /// Adds another performer, making this a joint activity.
    pub fn also(mut self, actor: &str) -> Self {
        self.0.actor.push(actor.to_owned());
        self
    }
    /// Adds a requirement (Kelengkapan).
    pub fn requirement(mut self, item: &str) -> Self {
        self.0.requirements.push(item.to_owned());
        self
    }
    /// Sets the time (Waktu).
    pub fn time(mut self, time: &str) -> Self {
        self.0.time = Some(time.to_owned());
        self
    }
    /// Sets the output.
    pub fn output(mut self, output: &str) -> Self {
        self.0.output = Some(output.to_owned());
        self
    }
    /// Sets the notes (Keterangan).
    pub fn notes(mut self, notes: &str) -> Self {
        self.0.notes = Some(notes.to_owned());
        self
    }
    /// Sets the short text drawn inside the symbol.
    pub fn symbol_text(mut self, text: &str) -> Self {
        self.0.symbol_text = Some(text.to_owned());
        self
    }
    /// Adds a successor (several make a fork).
    pub fn next(self, to: &str) -> Self {
        self.push_branch(Branch::To(to.to_owned()))
    }
    /// Adds a labelled successor (a decision outcome).
    pub fn branch(self, to: &str, label: &str) -> Self {
        self.push_branch(Branch::Labelled(LabelledBranch {
            to: to.to_owned(),
            label: Some(label.to_owned()),
        }))
    }
    /// Sets the "Ya" outcome of a decision.
    pub fn yes(mut self, to: &str) -> Self {
        self.0.yes = Some(to.to_owned());
        self
    }
    /// Sets the "Tidak" outcome of a decision.
    pub fn no(mut self, to: &str) -> Self {
        self.0.no = Some(to.to_owned());
        self
    }

    fn push_branch(mut self, branch: Branch) -> Self {
        self.0.next = Some(match self.0.next.take() {
            None => Next::Many(vec![branch]),
            Some(Next::One(id)) => Next::Many(vec![Branch::To(id), branch]),
            Some(Next::Many(mut list)) => {
                list.push(branch);
                Next::Many(list)
            }
        });
        self
    }
}
