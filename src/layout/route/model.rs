//! The router's vocabulary: rows and arrows as it sees them, the
//! variants of a route, and waypoints in abstract coordinates (a lane's
//! axis, a symbol's edge or a channel track; a row's part).

use crate::layout::types::Shape;

/// Left or right side of a symbol or lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Side {
    Left = 0,
    Right = 1,
}

impl Side {
    pub(super) fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// Where an off-page connector stands in its lane when a band row holds
/// several in one lane: on the axis, or beside it (reached from its outer
/// side through that side's channel).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Slot {
    #[default]
    Centre,
    Left,
    Right,
}

impl Slot {
    /// The outer side of a connector beside the axis.
    pub fn side(self) -> Option<Side> {
        match self {
            Slot::Centre => None,
            Slot::Left => Some(Side::Left),
            Slot::Right => Some(Side::Right),
        }
    }
}

/// A row as the router sees it.
#[derive(Debug, Clone)]
pub(crate) struct RouteRow {
    /// Lanes holding a symbol of this row, ascending.
    pub lanes: Vec<usize>,
    /// Its arrows are outcomes (`Procedure::branches`: a decision's, or
    /// labelled ones): the main one leaves the bottom, each other one by
    /// an exit of its own.
    pub outcomes: bool,
    /// Its symbol's shape, which places the points on its lower edges.
    pub shape: Shape,
    /// A band of off-page connectors (one arrow each): arrows enter them
    /// from the top or the side and leave from the bottom tip or the side,
    /// never through a gap bus, which they could not share.
    pub connector: bool,
    /// Slot of each symbol of a connector band (empty: all on the axis).
    pub slots: Vec<Slot>,
}

impl RouteRow {
    /// The slot of the row's `k`-th symbol.
    pub fn slot(&self, k: usize) -> Slot {
        self.slots.get(k).copied().unwrap_or_default()
    }
}

/// An arrow between two rows of the page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RouteFlow {
    pub from: usize,
    pub to: usize,
    /// The source's main outcome.
    pub main: bool,
    /// Leave from the bottom only (its label needs the zone there).
    pub bottom_only: bool,
    /// The connector's lane, when an end is an off-page connector (a band
    /// row holds several).
    pub from_lane: Option<usize>,
    pub to_lane: Option<usize>,
    /// The connector's slot at each end.
    pub from_slot: Slot,
    pub to_slot: Slot,
    /// Which of the route's alternatives to take (see [`Variant`]).
    pub variant: Variant,
}

/// The alternatives of a route, tried where arrows of a page cross:
/// each bit turns one choice of the default route the other way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Variant(u8);

impl Variant {
    /// The other channel side (a loop's, or a cross-lane arrow's in its
    /// target lane: the far side instead of the near one).
    pub(super) const FLIP_SIDE: u8 = 1;
    /// The long vertical run in the source's lane: down its axis to the
    /// target's top gap, or up its channel to the target's row.
    pub(super) const SOURCE_LANE: u8 = 2;
    /// No side exit for a downward arrow (bottom, then the bus below).
    pub(super) const NO_SIDE_EXIT: u8 = 4;
    /// A decision's other outcome takes the bottom vertex, and its main
    /// outcome a side one.
    pub(super) const TAKE_BOTTOM: u8 = 8;
    /// A decision's outcome into another lane leaves by the side vertex
    /// facing away from it and climbs or drops in its own lane.
    pub(super) const AWAY: u8 = 16;
    /// A long arrow down its lane (a connector's line, or one past a
    /// row; [`Variant::may_detour`]) runs down its lane's channel on the
    /// quieter side (the other one with [`Self::FLIP_SIDE`]) instead of
    /// its axis (`detour.rs`).
    pub(super) const DETOUR: u8 = 32;
    /// A long arrow down its lane runs down the far channel of the next
    /// lane on its side; an arrow down to another lane, down the far
    /// channel of the next lane past its target.
    pub(super) const NEIGHBOUR: u8 = 64;
    /// The variants untangle tries: the default and each single change
    /// (a change of two choices of one arrow rarely helps where the single
    /// ones do not, and trying them doubled the layout's time). The last
    /// two apply only to a decision's other outcomes.
    pub const TRIED: [Variant; 6] = [
        Variant(0),
        Variant(Self::FLIP_SIDE),
        Variant(Self::SOURCE_LANE),
        Variant(Self::NO_SIDE_EXIT),
        Variant(Self::TAKE_BOTTOM),
        Variant(Self::AWAY),
    ];

    /// An arrow down to another lane runs down the source's axis to the
    /// target's row and comes into its facing side (`into_side.rs`).
    pub(super) const INTO_SIDE: u8 = 128;
    /// The variants untangle tries for an arrow down to another lane
    /// besides [`Self::TRIED`]: into the target's facing side, or round
    /// the target's lane down the far channel of the next lane past it,
    /// into the target's side facing it or over its top.
    pub const SIDEWAYS_OR_AROUND: [Variant; 3] = [
        Variant(Self::INTO_SIDE),
        Variant(Self::NEIGHBOUR),
        Variant(Self::NEIGHBOUR | Self::FLIP_SIDE),
    ];

    /// The variants untangle tries for a long arrow down its lane
    /// besides [`Self::TRIED`]: its run in each channel of its lane, or
    /// in the far channel of the next lane on either side.
    pub const DETOURS: [Variant; 4] = [
        Variant(Self::DETOUR),
        Variant(Self::DETOUR | Self::FLIP_SIDE),
        Variant(Self::NEIGHBOUR),
        Variant(Self::NEIGHBOUR | Self::FLIP_SIDE),
    ];

    /// True when an arrow from row `s` to row `t` may take a detour (in
    /// its own lane, where [`Self::DETOURS`] apply): it goes down, and
    /// an end is an off-page connector or it passes a row.
    pub fn may_detour(source: &RouteRow, target: &RouteRow, s: usize, t: usize) -> bool {
        t > s && (source.connector || target.connector || t > s + 1)
    }

    /// True for the variants that change a decision's exits, which only a
    /// decision's other outcomes take.
    pub fn moves_outcome_exit(self) -> bool {
        self.has(Self::TAKE_BOTTOM) || self.has(Self::AWAY)
    }

    /// The variant that makes the one change `bit`.
    pub(super) fn only(bit: u8) -> Variant {
        Variant(bit)
    }

    pub(super) fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

impl RouteFlow {
    /// True when the arrow leaves its source by the bottom: its label
    /// needs the zone there, or its variant takes the bottom vertex.
    pub(super) fn takes_bottom(&self) -> bool {
        self.bottom_only || self.variant.has(Variant::TAKE_BOTTOM)
    }

    /// An arrow between two activity rows.
    pub fn between(from: usize, to: usize, main: bool) -> Self {
        Self {
            from,
            to,
            main,
            bottom_only: false,
            from_lane: None,
            to_lane: None,
            from_slot: Slot::Centre,
            to_slot: Slot::Centre,
            variant: Variant::default(),
        }
    }
}

/// Horizontal position of a waypoint.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum X {
    /// The lane's centre line.
    Axis(usize),
    /// The side edge of the row's symbol in that lane and slot.
    Edge(usize, Slot, Side),
    /// Track `track` of a lane's channel.
    Track(usize, Side, usize),
    /// A point on a lower edge of the decision in that lane.
    Lower(usize, Side, EdgePoint),
    /// A point on the upper edge, on that side, of the symbol in that
    /// lane of that row, where an arrow enters beside the top a
    /// connector's line comes down to; the [`UpperPoint::Far`] one is
    /// for the outer of two arrows parted on one side.
    Upper(usize, Side, usize, UpperPoint),
    /// The centre line of the connector on that side of the lane, in a
    /// band row where two connectors share the lane.
    Beside(usize, Side),
}

impl X {
    /// The lane the position lies in.
    pub(crate) fn lane(self) -> usize {
        match self {
            X::Axis(l)
            | X::Edge(l, ..)
            | X::Track(l, ..)
            | X::Lower(l, ..)
            | X::Upper(l, ..)
            | X::Beside(l, _) => l,
        }
    }
}

/// Which of the points on a symbol's upper edge an [`X::Upper`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UpperPoint {
    /// A quarter of the symbol's width off the axis.
    Near,
    /// Farther out, a parallel gap or more past the near one.
    Far,
}

/// Vertical position of a waypoint within its row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Y {
    Mid,
    SymbolTop,
    SymbolBottom,
    /// The row's bus in its bottom gap (its outgoing arrows).
    BusBelow,
    /// The row's bus in its top gap (its incoming arrows).
    BusAbove,
    /// Where two arrows coming across the top gap from one side into one
    /// top are parted: the inner one's height, above the bus.
    BusAboveInner,
    /// The outer one's, below the bus: it ends farther out.
    BusAboveOuter,
    /// The height of a point on the symbol's lower edges (a diamond's).
    LowerEdge(EdgePoint),
    /// The height of the symbol's outline at an [`X::Upper`] point.
    UpperEdge,
    /// The height of the symbol's outline, on its upper half, at the
    /// [`X::Beside`] lines.
    OutlineAbove,
}

/// One corner of a route.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Waypoint {
    pub x: X,
    pub row: usize,
    pub y: Y,
}

/// The routes of one page.
#[derive(Debug, Clone)]
pub(crate) struct Routes {
    /// One path per flow, in flow order.
    pub paths: Vec<Vec<Waypoint>>,
    /// Tracks used per channel: index `lane * 2 + side`.
    pub tracks: Vec<usize>,
}

/// Raises each lane's count in `lanes` to the busier of its two channels
/// in `channels` (index `lane * 2 + side`).
pub(crate) fn raise_to_busier_side(lanes: &mut [usize], channels: &[usize]) {
    for (lane, t) in lanes.iter_mut().enumerate() {
        *t = (*t).max(channels[lane * 2]).max(channels[lane * 2 + 1]);
    }
}

/// The `k`-th of `of` points spread evenly along a lower edge of a
/// diamond, from its side vertex (exclusive) to its bottom vertex
/// (exclusive): the only one is the edge's middle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct EdgePoint {
    pub k: u32,
    pub of: u32,
}

impl EdgePoint {
    /// How far along the edge, from the side vertex (0) to the bottom (1).
    pub fn along(self) -> f32 {
        (self.k as f32 + 1.0) / (self.of as f32 + 1.0)
    }
}
