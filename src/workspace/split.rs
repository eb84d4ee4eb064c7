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

use super::tables::{Shape, has_shape, of_shape};

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
    cut_after(text.as_bytes(), text.len() / 2)
}

/// The start of the first resource header in `bytes` after `from`.
fn cut_after(bytes: &[u8], mut from: usize) -> Option<usize> {
    let until = (from + MAX_LOOK).min(bytes.len());
    while from < until {
        let at = from + bytes[from..until].windows(2).position(|w| w == b"\n[")? + 1;
        let end = at + bytes[at..].iter().position(|&b| b == b'\n')? + 1;
        let line = std::str::from_utf8(&bytes[at..end]).ok();
        if let Some((_, outline)) = line.and_then(codec::from_str_part::<IgnoredAny>) {
            let keys = &outline.first_header;
            let top = keys.first().map_or("", |k| k.as_ref());
            if (keys.len() == 2 && has_shape(top, Shape::Resources))
                || (keys.len() == 3 && has_shape(top, Shape::PerApi))
            {
                return Some(at);
            }
        }
        from = at;
    }
    None
}

type Part = (Workspace, codec::Outline<'static>);

fn read_part(text: &str) -> Option<Part> {
    codec::from_str_part::<Workspace>(text).map(|(ws, outline)| (ws, outline.into_owned()))
}

/// Reads and joins a file of `len` bytes (its read position at the start),
/// each half read from the file by the thread that reads it as TOML: this
/// thread the first part, into a buffer with room to write the new text in,
/// which is returned; a helper the second part, from the first resource
/// header after the middle. `None` when the file is short or cannot be read
/// so; then its read position is anywhere.
#[cfg(unix)]
pub(crate) fn read_file(file: &std::fs::File, len: usize) -> Option<(Workspace, Vec<u8>)> {
    use std::io::Read;
    use std::os::unix::fs::FileExt;
    if len < MIN_LEN {
        return None;
    }
    let half = len / 2;
    let (tell, cut_at) = std::sync::mpsc::channel::<Option<usize>>();
    std::thread::scope(|s| {
        let helper = std::thread::Builder::new()
            .name("apigw-read".into())
            .spawn_scoped(s, move || {
                let mut rest = vec![0; len - half];
                let mut more = [0; 1];
                let whole = file.read_exact_at(&mut rest, half as u64).is_ok()
                    && matches!(file.read_at(&mut more, len as u64), Ok(0));
                let at = if whole { cut_after(&rest, 0) } else { None };
                let _ = tell.send(at.map(|at| half + at));
                read_part(std::str::from_utf8(&rest[at?..]).ok()?)
            })
            .ok()?;
        let mut bytes = Vec::with_capacity(len + len / 16 + 4096);
        let mut first = || {
            // The first half while the helper reads the second, then up to the cut.
            file.take(half as u64).read_to_end(&mut bytes).ok()?;
            let at = cut_at.recv().ok()??;
            file.take((at - half) as u64).read_to_end(&mut bytes).ok()?;
            (bytes.len() == at).then_some(())?;
            read_part(std::str::from_utf8(&bytes).ok()?)
        };
        let first = first();
        let second = helper.join().ok().flatten();
        let ((mut ws, before), (after_ws, after)) = (first?, second?);
        join(&mut ws, &before, after_ws, &after)?;
        Some((ws, bytes))
    })
}

#[cfg(not(unix))]
pub(crate) fn read_file(_file: &std::fs::File, _len: usize) -> Option<(Workspace, Vec<u8>)> {
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
        let known = super::tables::rank(key.as_ref()) != u8::MAX;
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
    // Every member, by name, so that a new one cannot be left out here (a
    // table of the second part that is not joined makes the join refuse).
    let Workspace {
        workspace,
        vpc_links,
        apis,
        integrations,
        routes,
        stages,
        authorizers,
        deployments,
        domain_names,
        api_mappings,
        elbv2,
        servicediscovery,
        functions,
        region_override: _,
        location: _,
    } = b;
    // The tables that are never cut: the second part may only bring them whole.
    if of_shape(Shape::Whole).any(|name| in_b(name) && across(name).0) {
        return None;
    }
    if in_b("workspace") {
        ws.workspace = workspace;
    }
    if in_b("domain-names") {
        ws.domain_names = domain_names;
    }
    if in_b("api-mappings") {
        ws.api_mappings = api_mappings;
    }
    if in_b("elbv2") {
        ws.elbv2 = elbv2;
    }
    if in_b("servicediscovery") {
        ws.servicediscovery = servicediscovery;
    }
    if in_b("functions") {
        ws.functions = functions;
    }
    if in_b("vpc-links") {
        let (goes_on, into, _) = across("vpc-links");
        join_resources(&mut ws.vpc_links, vpc_links, goes_on, into)?;
    }
    if in_b("apis") {
        let (goes_on, into, _) = across("apis");
        join_resources(&mut ws.apis, apis, goes_on, into)?;
    }
    if in_b("integrations") {
        let (goes_on, api, into) = across("integrations");
        join_per_api(&mut ws.integrations, integrations, goes_on, api, into)?;
    }
    if in_b("routes") {
        let (goes_on, api, into) = across("routes");
        join_per_api(&mut ws.routes, routes, goes_on, api, into)?;
    }
    if in_b("stages") {
        let (goes_on, api, into) = across("stages");
        join_per_api(&mut ws.stages, stages, goes_on, api, into)?;
    }
    if in_b("authorizers") {
        let (goes_on, api, into) = across("authorizers");
        join_per_api(&mut ws.authorizers, authorizers, goes_on, api, into)?;
    }
    if in_b("deployments") {
        let (goes_on, api, into) = across("deployments");
        join_per_api(&mut ws.deployments, deployments, goes_on, api, into)?;
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
