//! HTML the server already rendered, written into a page as it is: what lets a page reuse a
//! part it rendered for an earlier request (`posts::card_cache`). Server only: the browser
//! never builds or hydrates one (the parts it stands for are static HTML or islands that
//! hydrate by themselves).
use leptos::tachys::{
    html::attribute::{any_attribute::AnyAttribute, Attribute},
    hydration::Cursor,
    view::{add_attr::AddAnyAttr, Position, PositionState, Render, RenderHtml},
};

/// Markup rendered by this server from a view (never text from elsewhere: it is not escaped).
/// It must end with an element, as a view rendered by itself does here.
pub struct RawHtml(pub String);

impl Render for RawHtml {
    type State = <String as Render>::State;

    fn build(self) -> Self::State {
        self.0.build()
    }

    fn rebuild(self, state: &mut Self::State) {
        self.0.rebuild(state)
    }
}

impl AddAnyAttr for RawHtml {
    type Output<SomeNewAttr: Attribute> = RawHtml;

    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Self::Output<NewAttr> {
        self
    }
}

impl RenderHtml for RawHtml {
    type AsyncOutput = Self;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self::AsyncOutput {
        self
    }

    fn html_len(&self) -> usize {
        self.0.len()
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
        buf.push_str(&self.0);
        // What an element leaves behind it: the next text needs no separating marker.
        *position = Position::NextChild;
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        self.0.hydrate::<FROM_SERVER>(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}
