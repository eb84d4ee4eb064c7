//! Reading a long workspace file on two threads: the text is cut before a
//! resource header near the middle, the fast reader reads both parts at once,
//! and the two workspaces are joined. The join refuses (`None`) unless reading
//! the whole text in one go would have given the same workspace: the parts
//! may share only the tables the cut runs through, and those only with keys
//! that are new on each side. On `None` the caller reads the text in one go.

use super::{PerApi, Workspace, codec};
use serde::de::IgnoredAny;
use std::collections::BTreeMap;

/// Shorter texts are read on one thread: starting one costs more than it saves.
const MIN_LEN: usize = 256 * 1024;

/// How far past the middle a cut is looked for.
const MAX_LOOK: usize = 64 * 1024;

/// The tables of `Workspace` whose values are resources, by their file names.
const RESOURCES: &[&str] = &["vpc-links", "apis"];
/// The tables of `Workspace` whose values are tables of resources per API.
const PER_API: &[&str] = &["integrations", "routes", "stages", "authorizers"];

/// Reads `text` on two threads, when it is long and can be cut.
pub(crate) fn read(text: &str) -> Option<Workspace> {
    if text.len() < MIN_LEN {
        return None;
    }
    read_at(text, cut(text)?)
}

/// The start of the first resource header (`[apis.x]`, `[integrations.a.i]`)
/// after the middle of `text`: a cut there never splits a resource.
fn cut(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = text.len() / 2;
    let until = (from + MAX_LOOK).min(bytes.len());
    while from < until {
        let at = from + bytes[from..until].windows(2).position(|w| w == b"\n[")? + 1;
        let end = at + bytes[at..].iter().position(|&b| b == b'\n')? + 1;
        if let Some((_, outline)) = codec::from_str_part::<IgnoredAny>(&text[at..end]) {
            let keys = &outline.first_header;
            let top = keys.first().map_or("", |k| k.as_ref());
            if (keys.len() == 2 && RESOURCES.contains(&top))
                || (keys.len() == 3 && PER_API.contains(&top))
            {
                return Some(at);
            }
        }
        from = at;
    }
    None
}

/// Reads `text[..at]` and `text[at..]` at once and joins them. `at` must be
/// the start of a line; any other cut makes a part unreadable, or the join
/// refuse.
pub fn read_at(text: &str, at: usize) -> Option<Workspace> {
    let (a, b) = (text.get(..at)?, text.get(at..)?);
    let (first, second) = std::thread::scope(|s| {
        let helper = std::thread::Builder::new()
            .name("apigw-read".into())
            .spawn_scoped(s, || codec::from_str_part::<Workspace>(b));
        match helper {
            Ok(h) => {
                let first = codec::from_str_part::<Workspace>(a);
                (first, h.join().ok().flatten())
            }
            Err(_) => (None, None),
        }
    });
    let ((mut ws, before), (after_ws, after)) = (first?, second?);
    join(&mut ws, &before, after_ws, &after)?;
    Some(ws)
}

/// As [`read_at`], one part after the other on this thread (for tests).
pub fn read_at_serially(text: &str, at: usize) -> Option<Workspace> {
    let (a, b) = (text.get(..at)?, text.get(at..)?);
    let (mut ws, before) = codec::from_str_part::<Workspace>(a)?;
    let (after_ws, after) = codec::from_str_part::<Workspace>(b)?;
    join(&mut ws, &before, after_ws, &after)?;
    Some(ws)
}

/// Adds the second part to the first, as reading on across the cut would.
fn join(
    ws: &mut Workspace,
    a: &codec::Outline<'_>,
    b: Workspace,
    o: &codec::Outline<'_>,
) -> Option<()> {
    let (last, next) = (&a.last_header, &o.first_header);
    // The tables that go on across the cut: those on the path both headers share.
    let shared = last.iter().zip(next).take_while(|(x, y)| x == y).count();
    if next.len() <= shared {
        // `next` is a table already open: defined again, or after its sub-tables.
        return None;
    }
    // The key, at `depth`, of the table that goes on one level down.
    let on = |depth: usize| (shared > depth).then(|| next[depth].as_ref());
    for key in &o.top_keys {
        let known = key == "workspace"
            || RESOURCES.contains(&key.as_ref())
            || PER_API.contains(&key.as_ref());
        if !known || (on(0) != Some(key.as_ref()) && a.top_keys.contains(key)) {
            return None;
        }
    }
    let in_b = |name: &str| o.top_keys.iter().any(|k| k == name);
    // For a top table of the second part: whether it goes on across the cut,
    // and then the keys one and two levels down of the tables that go on too.
    let across = |name: &str| match on(0) == Some(name) {
        true => (true, on(1), on(2)),
        false => (false, None, None),
    };
    if in_b("workspace") {
        if across("workspace").0 {
            return None;
        }
        ws.workspace = b.workspace;
    }
    if in_b("vpc-links") {
        let (goes_on, into, _) = across("vpc-links");
        join_resources(&mut ws.vpc_links, b.vpc_links, goes_on, into)?;
    }
    if in_b("apis") {
        let (goes_on, into, _) = across("apis");
        join_resources(&mut ws.apis, b.apis, goes_on, into)?;
    }
    if in_b("integrations") {
        let (goes_on, api, into) = across("integrations");
        join_per_api(&mut ws.integrations, b.integrations, goes_on, api, into)?;
    }
    if in_b("routes") {
        let (goes_on, api, into) = across("routes");
        join_per_api(&mut ws.routes, b.routes, goes_on, api, into)?;
    }
    if in_b("stages") {
        let (goes_on, api, into) = across("stages");
        join_per_api(&mut ws.stages, b.stages, goes_on, api, into)?;
    }
    if in_b("authorizers") {
        let (goes_on, api, into) = across("authorizers");
        join_per_api(&mut ws.authorizers, b.authorizers, goes_on, api, into)?;
    }
    Some(())
}

/// A table of resources: new keys only; a resource cannot go on across the cut.
fn join_resources<T>(
    a: &mut BTreeMap<String, T>,
    mut b: BTreeMap<String, T>,
    goes_on: bool,
    into: Option<&str>,
) -> Option<()> {
    if (!goes_on && !a.is_empty()) || into.is_some() || b.keys().any(|k| a.contains_key(k)) {
        return None;
    }
    a.append(&mut b);
    Some(())
}

/// A table of tables per API: new APIs, and new resources for the API whose
/// table goes on across the cut.
fn join_per_api<T>(
    a: &mut PerApi<T>,
    b: PerApi<T>,
    goes_on: bool,
    api_on: Option<&str>,
    into: Option<&str>,
) -> Option<()> {
    if (!goes_on && !a.is_empty()) || into.is_some() {
        return None;
    }
    for (api, mut items) in b {
        let have = a.get_mut(&api);
        match have {
            Some(mine) if api_on == Some(api.as_str()) => {
                if items.keys().any(|k| mine.contains_key(k)) {
                    return None;
                }
                mine.append(&mut items);
            }
            Some(_) => return None,
            None if api_on == Some(api.as_str()) => return None,
            None => {
                a.insert(api, items);
            }
        }
    }
    Some(())
}
