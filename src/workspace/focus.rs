//! Reading and writing a workspace for a command that works on some APIs
//! only (`create-integration --api-id X` needs API X's children, never the
//! thousands of integrations of other APIs).
//!
//! The file is cut into sections at its headers. The sections of the other
//! APIs' tables (`[integrations.B.…]`, `[routes.B.…]`, …) are kept as text;
//! everything else is read into a `Workspace`, which the command uses and
//! changes. The kept text is still checked in full, on other threads while
//! the command runs and its file is written: read as TOML into the model
//! piece by piece and held against the APIs, VPC links, integrations and
//! authorizers it names. On saving, the new file is the rendered workspace
//! with the kept sections put back in their places, copied as they were.
//!
//! Whenever anything is not as expected (a header this reader does not
//! take, multi-line strings, a kept section that does not read or check),
//! the answer is "read it whole": the caller takes the ordinary path, which
//! reports errors with their line and column. So this module decides
//! nothing about validity; it only avoids work when the file is good.

use super::{Known, PerApi, Refs, Settings, Workspace, codec};
use crate::model::{Api, Route, VpcLink};
use crate::ops::quota;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// Kept text is checked in pieces of about this size, so that a thread
/// holds one small piece's resources at a time.
const UNIT: usize = 64 * 1024;

/// One section of a file: its header line and what follows, up to the next
/// header.
#[derive(Debug)]
struct Section<'t> {
    span: Range<usize>,
    /// The place of the top table in `tables::TABLES` (`u8::MAX` for a name this
    /// reader does not know: the model refuses it when it is read).
    rank: u8,
    /// How many keys the header has.
    depth: usize,
    /// The second key (for a per-API section, its API) and the third.
    api: Cow<'t, str>,
    id: Cow<'t, str>,
    /// The keys as one text, the same for the same table however its
    /// header is written: joined by `.` when all are bare keys, else by NUL
    /// (which no key of a bare header holds).
    path: Cow<'t, str>,
}

impl Section<'_> {
    /// Where the section goes in the file: by table, then API.
    fn place(&self) -> (u8, &str) {
        if tables::is_per_api(self.rank) {
            (self.rank, &self.api)
        } else {
            (self.rank, "")
        }
    }
}

/// Reads the header at the start of `span` into a section; `None` when the
/// line is not a plain table header.
fn section(bytes: &[u8], span: Range<usize>) -> Option<Section<'_>> {
    let rest = &bytes[span.clone()];
    let line = &rest[..memchr::memchr(b'\n', rest).map_or(rest.len(), |i| i + 1)];
    let (keys, path): (Vec<Cow<'_, str>>, Cow<'_, str>) = match bare_header(line) {
        Some(inner) => {
            // The usual header: no key list, slices of the text.
            let mut keys = inner.splitn(4, '.');
            let top = keys.next().unwrap_or_default();
            let (api, id) = (keys.next(), keys.next());
            return Some(Section {
                span,
                rank: rank(top),
                depth: inner.bytes().filter(|&b| b == b'.').count() + 1,
                api: Cow::Borrowed(api.unwrap_or_default()),
                id: Cow::Borrowed(id.unwrap_or_default()),
                path: Cow::Borrowed(inner),
            });
        }
        None => {
            let line = std::str::from_utf8(line).ok()?;
            if line.starts_with("[[") {
                return None;
            }
            let (_, outline) = codec::from_str_part::<serde::de::IgnoredAny>(line)?;
            if outline.first_header.is_empty() || outline.top_keys.len() != 1 {
                return None;
            }
            let keys = outline.first_header;
            let bare = keys.iter().all(|k| is_bare(k));
            let path = Cow::Owned(keys.join(if bare { "." } else { "\0" }));
            (keys, path)
        }
    };
    let rank = rank(&keys[0]);
    let mut keys = keys.into_iter();
    let depth = keys.len();
    keys.next();
    Some(Section {
        span,
        rank,
        depth,
        api: keys.next().unwrap_or_default(),
        id: keys.next().unwrap_or_default(),
        path,
    })
}

/// What follows the header line of a section.
fn body<'b>(bytes: &'b [u8], span: &Range<usize>) -> &'b [u8] {
    let rest = &bytes[span.clone()];
    &rest[memchr::memchr(b'\n', rest).map_or(rest.len(), |i| i + 1)..]
}

/// Blank lines and comments only.
fn is_blank(text: &[u8]) -> bool {
    text.split(|&b| b == b'\n')
        .map(|line| line.trim_ascii_start())
        .all(|line| line.is_empty() || line.starts_with(b"#") || line == b"\r")
}

use super::tables::{self, rank};

fn is_bare(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// The text between the brackets of a header of bare keys (`[a.b-c.d_e]`
/// and a line end), as it is.
fn bare_header(line: &[u8]) -> Option<&str> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let inner = line.strip_prefix(b"[")?.strip_suffix(b"]")?;
    let mut key_start = true;
    for &b in inner {
        if b == b'.' && !key_start {
            key_start = true;
        } else if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' {
            key_start = false;
        } else {
            return None;
        }
    }
    if key_start {
        return None;
    }
    // Only ASCII bytes were let through.
    std::str::from_utf8(inner).ok()
}

/// A file's text before its first header, and its sections.
struct Outline<'t> {
    prelude: Range<usize>,
    sections: Vec<Section<'t>>,
}

/// Cuts `bytes` at its headers; `None` when a line that starts with `[` is
/// not a plain table header, or the text holds multi-line strings (whose
/// lines could look like headers).
fn outline(bytes: &[u8]) -> Option<Outline<'_>> {
    if memchr::memmem::find(bytes, b"\"\"\"").is_some()
        || memchr::memmem::find(bytes, b"'''").is_some()
    {
        return None;
    }
    let mut starts: Vec<usize> = Vec::new();
    if bytes.first() == Some(&b'[') {
        starts.push(0);
    }
    starts.extend(memchr::memmem::find_iter(bytes, b"\n[").map(|i| i + 1));
    let mut sections = Vec::with_capacity(starts.len());
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(bytes.len());
        sections.push(section(bytes, start..end)?);
    }
    Some(Outline {
        prelude: 0..starts.first().copied().unwrap_or(bytes.len()),
        sections,
    })
}

/// The sections of a file that a command on some APIs leaves alone: the
/// other APIs' children, as text.
pub(crate) struct Kept<'t> {
    bytes: &'t [u8],
    /// In the file's order.
    sections: Vec<Section<'t>>,
}

impl<'t> Kept<'t> {
    /// Cuts a file for a command that works on `apis`: the text of what it
    /// needs (to read into a workspace), and the sections it leaves alone.
    /// `None`: read the file whole.
    pub fn cut(bytes: &'t [u8], apis: &[String]) -> Option<(String, Self)> {
        let Outline { prelude, sections } = outline(bytes)?;
        // Keys outside any header, or in the header of a whole API's table
        // (`[integrations.B]`), could define what kept sections define too,
        // where no piece would see both: such files are read whole.
        if !is_blank(&bytes[prelude.clone()]) {
            return None;
        }
        let mut typed = Vec::with_capacity(4096);
        typed.extend_from_slice(&bytes[prelude]);
        let mut kept = Vec::new();
        for s in sections {
            if tables::is_per_api(s.rank) {
                if s.depth < 2 || (s.depth == 2 && !is_blank(body(bytes, &s.span))) {
                    return None;
                }
                if !apis.iter().any(|a| *a == s.api) {
                    kept.push(s);
                    continue;
                }
            }
            typed.extend_from_slice(&bytes[s.span.clone()]);
            if typed.last() != Some(&b'\n') {
                typed.push(b'\n');
            }
        }
        let typed = String::from_utf8(typed).ok()?;
        Some((
            typed,
            Kept {
                bytes,
                sections: kept,
            },
        ))
    }

    /// What checks the kept sections: run it on other threads, and give it
    /// the workspace read from the rest with [`Checker::provide`].
    pub fn checker(&self) -> Checker<'_> {
        let mut items: Vec<(u8, &str, &str)> = Vec::new();
        for s in &self.sections {
            if s.depth == 3 && tables::is_per_api(s.rank) {
                items.push((s.rank, &s.api, &s.id));
            }
        }
        if !items.is_sorted() {
            items.sort_unstable();
        }
        // The service's quotas per API, on the kept APIs (whose tables are
        // all kept): counted here, as a piece holds only part of an API.
        let within_quota = items
            .chunk_by(|a, b| (a.0, a.1) == (b.0, b.1))
            .all(|run| run.len() <= per_api_quota(run[0].0));
        // A table defined twice in different pieces: each piece reads well
        // alone, the file does not.
        let mut paths: Vec<(u8, &str)> = self.sections.iter().map(|s| (s.rank, &*s.path)).collect();
        if !paths.is_sorted() {
            paths.sort_unstable();
        }
        Checker {
            unique: within_quota && !paths.windows(2).any(|w| w[0] == w[1]),
            items,
            deferred: Mutex::new(Deferred::default()),
            units: self.units(),
            known: OnceLock::new(),
            next: AtomicUsize::new(0),
            failed: AtomicBool::new(false),
        }
    }

    /// The kept text in pieces to read on their own: runs of sections that
    /// follow each other in the file, cut before a resource's header
    /// (never before a sub-table, which belongs to the resource above it).
    fn units(&self) -> Vec<Range<usize>> {
        let mut units: Vec<Range<usize>> = Vec::new();
        for s in &self.sections {
            match units.last_mut() {
                Some(u) if u.end == s.span.start && (u.len() < UNIT || s.depth > 3) => {
                    u.end = s.span.end;
                }
                _ => units.push(s.span.clone()),
            }
        }
        units
    }

    /// The new text of the file: `rendered` (the workspace after the
    /// command, as the file is written) with the kept sections put back, as
    /// slices to write one after the other. `None` when they cannot be put
    /// back safely.
    pub fn merge<'a>(&'a self, rendered: &'a str) -> Option<Vec<&'a [u8]>> {
        let out = outline(rendered.as_bytes())?;
        let mut kept: Vec<((u8, &str), &Section<'_>)> =
            self.sections.iter().map(|s| (s.place(), s)).collect();
        if !kept.is_sorted_by_key(|(place, _)| *place) {
            kept.sort_by_key(|(place, _)| *place);
        }
        // Runs of text that follow each other in their source, in order.
        let mut runs: Vec<(bool, Range<usize>)> = Vec::new();
        let mut push = |from_file: bool, span: &Range<usize>| match runs.last_mut() {
            Some((f, r)) if *f == from_file && r.end == span.start => r.end = span.end,
            _ => runs.push((from_file, span.clone())),
        };
        let mut next = kept.iter().peekable();
        for s in &out.sections {
            let place = s.place();
            while let Some((_, k)) = next.next_if(|(p, _)| *p < place) {
                push(true, &k.span);
            }
            if next.peek().is_some_and(|(p, _)| *p == place) && tables::is_per_api(s.rank) {
                // The command changed an API whose sections were kept.
                return None;
            }
            push(false, &s.span);
        }
        for (_, k) in next {
            push(true, &k.span);
        }
        let mut slices: Vec<&[u8]> = Vec::with_capacity(runs.len() * 2 + 2);
        slices.push(&rendered.as_bytes()[out.prelude]);
        for (n, (from_file, span)) in runs.iter().enumerate() {
            let source = if *from_file {
                self.bytes
            } else {
                rendered.as_bytes()
            };
            let mut text = &source[span.clone()];
            while let Some(t) = text
                .strip_suffix(b"\n")
                .or_else(|| text.strip_suffix(b"\r"))
            {
                text = t;
            }
            slices.push(text);
            slices.push(if n + 1 == runs.len() { b"\n" } else { b"\n\n" });
        }
        Some(slices)
    }
}

/// Checks kept sections: each piece read as the model, then held against
/// the APIs and VPC links of the rest of the file (which the checker waits
/// for) and the kept integrations and authorizers (for kept routes).
pub(crate) struct Checker<'k> {
    unique: bool,
    items: Vec<(u8, &'k str, &'k str)>,
    units: Vec<Range<usize>>,
    /// The rest of the file's APIs and VPC links; `None` when it did not
    /// read (then the checker stops).
    known: OnceLock<Option<KnownTop>>,
    /// What the pieces read for the check of routes, which is made once
    /// all are read (a route may name an authorizer of another piece).
    deferred: Mutex<Deferred>,
    next: AtomicUsize,
    failed: AtomicBool,
}

type KnownTop = (Settings, BTreeMap<String, Api>, BTreeMap<String, VpcLink>);

/// The kept routes, and the kept authorizers by API, id and type.
#[derive(Default)]
struct Deferred {
    routes: PerApi<Route>,
    authorizers: Vec<(String, String, String)>,
}

/// The most resources of the per-API table of `rank` an API may have.
fn per_api_quota(rank: u8) -> usize {
    match tables::name(rank) {
        "integrations" => quota::INTEGRATIONS_PER_API,
        "routes" => quota::ROUTES_PER_API,
        "stages" => quota::STAGES_PER_API,
        "authorizers" => quota::AUTHORIZERS_PER_API,
        _ => usize::MAX,
    }
}

impl Checker<'_> {
    /// Gives the checker the workspace read from the rest of the file, as
    /// it was read (before the command changes it); `None` when that did
    /// not read. Only the first call counts.
    pub fn provide(&self, ws: Option<&Workspace>) {
        let _ = self
            .known
            .set(ws.map(|ws| (ws.workspace.clone(), ws.apis.clone(), ws.vpc_links.clone())));
    }

    /// Whether there is nothing to check (no thread is worth starting).
    pub fn is_idle(&self) -> bool {
        self.units.is_empty()
    }

    fn has(&self, rank: u8, api: &str, id: &str) -> bool {
        self.items.binary_search(&(rank, api, id)).is_ok()
    }

    /// Whether every kept section reads as the model and checks. Runs on
    /// `threads` threads (this one among them); stops at the first failure.
    pub fn run(&self, kept: &Kept<'_>, threads: usize) -> bool {
        if !self.unique {
            return false;
        }
        let helpers = threads
            .saturating_sub(1)
            .min(self.units.len().saturating_sub(1));
        std::thread::scope(|s| {
            for _ in 0..helpers {
                let spawned = std::thread::Builder::new()
                    .name("apigw-check".into())
                    .spawn_scoped(s, || self.work(kept));
                if spawned.is_err() {
                    break;
                }
            }
            self.work(kept);
        });
        !self.failed.load(Ordering::Relaxed) && self.routes_hold()
    }

    /// The kept routes, once every piece is read: each against the kept
    /// integrations and authorizers of its API, one per route key.
    fn routes_hold(&self) -> bool {
        let Some(Some((settings, apis, vpc_links))) = self.known.get() else {
            return false;
        };
        let Ok(mut deferred) = self.deferred.lock() else {
            return false;
        };
        let Deferred {
            routes,
            authorizers,
        } = &mut *deferred;
        if routes.is_empty() {
            return true;
        }
        authorizers.sort_unstable();
        let authorizer = |api: &str, id: &str, kind: Option<&str>| {
            let at = authorizers.partition_point(|(a, i, _)| (a.as_str(), i.as_str()) < (api, id));
            authorizers
                .get(at)
                .is_some_and(|(a, i, t)| a == api && i == id && kind.is_none_or(|k| k == t))
        };
        let integration = |api: &str, id: &str| self.has(rank("integrations"), api, id);
        let known = Known {
            settings,
            apis,
            vpc_links,
        };
        super::check_routes(
            &known,
            &Refs {
                integration: &integration,
                authorizer: &authorizer,
            },
            routes,
        )
        .is_ok()
    }

    /// Starts [`Checker::run`] on two threads of `scope` (none when there is
    /// nothing to check); `None` when no thread could be started.
    pub fn spawn<'s>(
        &'s self,
        scope: &'s std::thread::Scope<'s, '_>,
        kept: &'s Kept<'_>,
    ) -> Option<Checking<'s>> {
        if self.is_idle() {
            return Some(Checking(None));
        }
        std::thread::Builder::new()
            .name("apigw-check".into())
            .spawn_scoped(scope, || self.run(kept, 2))
            .ok()
            .map(|h| Checking(Some(h)))
    }

    fn work(&self, kept: &Kept<'_>) {
        while !self.failed.load(Ordering::Relaxed) {
            let Some(unit) = self.units.get(self.next.fetch_add(1, Ordering::Relaxed)) else {
                return;
            };
            let read = std::str::from_utf8(&kept.bytes[unit.clone()])
                .ok()
                .and_then(codec::from_str::<Workspace>);
            let good = match (read, self.known.wait()) {
                (Some(ws), Some((settings, apis, vpc_links))) => {
                    is_kept_only(&ws)
                        && ws
                            .check_children(&Known {
                                settings,
                                apis,
                                vpc_links,
                            })
                            .is_ok()
                        && self.defer(ws)
                }
                _ => false,
            };
            if !good {
                self.failed.store(true, Ordering::Relaxed);
            }
        }
    }
}

impl Checker<'_> {
    /// Keeps a piece's routes, and its authorizers' types, for
    /// [`Checker::routes_hold`]; `false` when a route is there twice.
    fn defer(&self, ws: Workspace) -> bool {
        if ws.routes.is_empty() && ws.authorizers.is_empty() {
            return true;
        }
        let Ok(mut deferred) = self.deferred.lock() else {
            return false;
        };
        for (api, items) in &ws.authorizers {
            for (id, a) in items {
                deferred
                    .authorizers
                    .push((api.clone(), id.clone(), a.authorizer_type.clone()));
            }
        }
        for (api, mut items) in ws.routes {
            let mine = deferred.routes.entry(api).or_default();
            if items.keys().any(|k| mine.contains_key(k)) {
                return false;
            }
            mine.append(&mut items);
        }
        true
    }
}

/// A check under way.
pub(crate) struct Checking<'s>(Option<std::thread::ScopedJoinHandle<'s, bool>>);

impl Checking<'_> {
    /// Waits for the check: whether every kept section is good.
    pub fn join(self) -> bool {
        self.0.is_none_or(|h| h.join().unwrap_or(false))
    }
}

/// Tells the checker that the rest of the file did not read, unless it was
/// told otherwise before; so that a return on any path frees its threads.
struct Unblock<'c, 'k>(&'c Checker<'k>);

impl Drop for Unblock<'_, '_> {
    fn drop(&mut self) {
        self.0.provide(None);
    }
}

/// Kept sections hold per-API tables only. Every field is named (no `..`),
/// so that a table added to [`Workspace`] must be placed here to compile;
/// before, this list had missed `domain-names` and `api-mappings`.
fn is_kept_only(ws: &Workspace) -> bool {
    let Workspace {
        workspace,
        vpc_links,
        apis,
        integrations: _,
        routes: _,
        stages: _,
        authorizers: _,
        deployments: _,
        domain_names,
        api_mappings,
        elbv2,
        servicediscovery,
        functions,
        region_override: _,
        location: _,
    } = ws;
    *workspace == super::Settings::default()
        && vpc_links.is_empty()
        && apis.is_empty()
        && domain_names.is_empty()
        && api_mappings.is_empty()
        && elbv2.is_empty()
        && servicediscovery.is_empty()
        && functions.is_empty()
}

/// Cuts the file for a command that works on `apis`, starts checking the
/// kept sections on other threads, reads the rest, and hands `then` the
/// workspace read, the kept sections and the check under way. `None`, from
/// here or from `then`: read the file whole.
pub(crate) fn with_part<R>(
    bytes: &[u8],
    apis: &[String],
    then: impl for<'s> FnOnce(Workspace, &'s Kept<'_>, Checking<'s>) -> Option<R>,
) -> Option<R> {
    let (typed, kept) = Kept::cut(bytes, apis)?;
    let checker = kept.checker();
    std::thread::scope(|s| {
        let check = checker.spawn(s, &kept)?;
        let _unblock = Unblock(&checker);
        let ws = codec::from_str::<Workspace>(&typed).filter(|ws| ws.check().is_ok());
        checker.provide(ws.as_ref());
        then(ws?, &kept, check)
    })
}

/// Reads the workspace for a command that works on `apis` (see the module
/// notes); `None`: read the file whole.
pub(crate) fn read(bytes: &[u8], apis: &[String]) -> Option<Workspace> {
    with_part(bytes, apis, |ws, _, check| check.join().then_some(ws))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops;
    use serde_json::json;

    fn req<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
        serde_json::from_value(v).unwrap()
    }

    /// Three APIs, each with a private integration (one with request
    /// parameters), a route to it, a `$default` stage and a JWT authorizer
    /// that a second route uses.
    fn sample() -> (Workspace, Vec<String>) {
        let mut ws = Workspace::default();
        let link = ops::create_vpc_link(
            &mut ws,
            req(json!({"Name": "l", "SubnetIds": ["subnet-1"]})),
        )
        .unwrap()
        .vpc_link_id;
        let listener = "arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/lb/50dc6c495c0c9188/0467ef3c8400ae65";
        let mut apis = Vec::new();
        for n in 0..3 {
            let api = ops::create_api(&mut ws, req(json!({"Name": "a", "ProtocolType": "HTTP"})))
                .unwrap()
                .api_id;
            let mut i = json!({"ApiId": api, "IntegrationType": "HTTP_PROXY", "IntegrationMethod": "GET",
                "ConnectionType": "VPC_LINK", "ConnectionId": link, "IntegrationUri": listener});
            if n == 1 {
                i["RequestParameters"] = json!({"append:header.x-team": "blue"});
            }
            let target = format!(
                "integrations/{}",
                ops::create_integration(&mut ws, req(i))
                    .unwrap()
                    .integration_id
            );
            ops::create_route(
                &mut ws,
                req(json!({"ApiId": api, "RouteKey": "GET /a", "Target": target})),
            )
            .unwrap();
            ops::create_stage(&mut ws, req(json!({"ApiId": api, "StageName": "$default"})))
                .unwrap();
            let auth = ops::create_authorizer(
                &mut ws,
                req(json!({"ApiId": api, "Name": "j",
                "AuthorizerType": "JWT", "IdentitySource": ["$request.header.Authorization"],
                "JwtConfiguration": {"Audience": ["x"], "Issuer": "https://issuer.example.com"}})),
            )
            .unwrap()
            .authorizer_id;
            ops::create_route(
                &mut ws,
                req(json!({"ApiId": api, "RouteKey": "GET /b", "Target": target,
                "AuthorizationType": "JWT", "AuthorizerId": auth})),
            )
            .unwrap();
            apis.push(api);
        }
        (ws, apis)
    }

    #[test]
    fn kept_sections_with_a_table_of_the_whole_workspace_are_not_kept_only() {
        let (ws, _) = sample();
        let per_api = Workspace {
            integrations: ws.integrations.clone(),
            routes: ws.routes.clone(),
            stages: ws.stages.clone(),
            authorizers: ws.authorizers.clone(),
            ..Workspace::default()
        };
        assert!(is_kept_only(&per_api));
        let mut domain = per_api.clone();
        domain.domain_names.insert(
            "api.example.com".into(),
            req(json!({"ApiMappingSelectionExpression": "$request.basepath",
                "DomainName": "api.example.com",
                "DomainNameArn": "arn:aws:apigateway:us-east-2::/domainnames/api.example.com",
                "DomainNameConfigurations": [], "RoutingMode": "API_MAPPING_ONLY"})),
        );
        assert!(!is_kept_only(&domain));
        let mut mapping = per_api;
        mapping
            .api_mappings
            .entry("api.example.com".into())
            .or_default()
            .insert(
                "m1".into(),
                req(json!({"ApiId": "a1", "ApiMappingId": "m1", "Stage": "$default"})),
            );
        assert!(!is_kept_only(&mapping));
    }

    #[test]
    fn reads_the_named_api_and_checks_the_rest() {
        let (ws, apis) = sample();
        let text = super::super::render(&ws).unwrap();
        let part = read(text.as_bytes(), &apis[1..2]).expect("read in part");
        assert_eq!(part.apis, ws.apis);
        assert_eq!(part.vpc_links, ws.vpc_links);
        for keys in [
            part.integrations.keys().collect::<Vec<_>>(),
            part.routes.keys().collect(),
            part.stages.keys().collect(),
            part.authorizers.keys().collect(),
        ] {
            assert_eq!(keys, [&apis[1]]);
        }
        assert_eq!(part.integrations[&apis[1]], ws.integrations[&apis[1]]);
        let none = read(text.as_bytes(), &[]).expect("read without children");
        assert!(none.integrations.is_empty() && none.routes.is_empty());

        // Anything wrong in the kept part sends the caller to the whole file.
        let kept_integration = text.find(&format!("[integrations.{}.", apis[2])).unwrap();
        let kept_route = text.find(&format!("[routes.{}.", apis[2])).unwrap();
        let broken = [
            {
                let mut t = text.clone();
                let at = kept_integration
                    + t[kept_integration..]
                        .find("TimeoutInMillis = 30000")
                        .unwrap();
                t.replace_range(at..at + 23, "TimeoutInMillis = \"x\"");
                t
            },
            {
                let mut t = text.clone();
                let at = kept_route + t[kept_route..].find("Target = \"integrations/").unwrap();
                t.insert(at + "Target = \"integrations/".len(), 'z');
                t
            },
            format!(
                "{text}\n{}",
                &text[kept_integration
                    ..kept_integration + text[kept_integration..].find("\n\n").unwrap()]
            ),
            text.replace(&format!("[stages.{}.", apis[2]), "[stages.nosuchapi0."),
        ];
        for t in &broken {
            assert!(read(t.as_bytes(), &apis[0..1]).is_none(), "{t}");
            assert!(super::super::parse(std::path::Path::new("w"), t.as_bytes()).is_err());
        }
    }

    #[test]
    fn merging_gives_what_writing_the_whole_workspace_gives() {
        let (ws, apis) = sample();
        let text = super::super::render(&ws).unwrap();
        for focus in [&apis[0..1], &apis[1..2], &apis[2..3], &[]] {
            let (typed, kept) = Kept::cut(text.as_bytes(), focus).unwrap();
            let mut part: Workspace = codec::from_str(&typed).unwrap();
            let created =
                ops::create_api(&mut part, req(json!({"Name": "n", "ProtocolType": "HTTP"})))
                    .unwrap();
            let mut whole = ws.clone();
            whole.apis.insert(created.api_id.clone(), created);
            if let Some(api) = focus.first() {
                let r = ops::create_route(
                    &mut part,
                    req(json!({"ApiId": api, "RouteKey": "GET /new"})),
                )
                .unwrap();
                whole
                    .routes
                    .get_mut(api)
                    .unwrap()
                    .insert(r.route_id.clone(), r);
            }
            let rendered = super::super::render(&part).unwrap();
            let merged: Vec<u8> = kept.merge(&rendered).unwrap().concat();
            assert_eq!(
                String::from_utf8(merged).unwrap(),
                super::super::render(&whole).unwrap()
            );
        }
        // A change to a kept API cannot be merged.
        let (typed, kept) = Kept::cut(text.as_bytes(), &apis[0..1]).unwrap();
        let mut part: Workspace = codec::from_str(&typed).unwrap();
        ops::create_route(
            &mut part,
            req(json!({"ApiId": apis[2], "RouteKey": "GET /x"})),
        )
        .unwrap();
        assert!(kept.merge(&super::super::render(&part).unwrap()).is_none());
    }

    fn keys(line: &str) -> Option<(u8, usize, String, String, String)> {
        let s = section(line.as_bytes(), 0..line.len())?;
        Some((s.rank, s.depth, s.api.into(), s.id.into(), s.path.into()))
    }

    #[test]
    fn headers_bare_and_quoted() {
        let k = keys("[integrations.b-c.d_e]\n").unwrap();
        assert_eq!(
            k,
            (
                3,
                3,
                "b-c".into(),
                "d_e".into(),
                "integrations.b-c.d_e".into()
            )
        );
        let k = keys("[stages.abc.\"$default\"]\n").unwrap();
        assert_eq!(
            k,
            (
                5,
                3,
                "abc".into(),
                "$default".into(),
                "stages\0abc\0$default".into()
            )
        );
        // Quoted bare keys name the same table as bare ones.
        assert_eq!(keys("[\"apis\".x]\r\n").unwrap().4, "apis.x");
        assert_eq!(keys("[ a . b ] # note\n").unwrap().0, u8::MAX);
        for bad in [
            "[[a]]\n",
            "[a\n",
            "[1, 2]\n",
            "[a..b]\n",
            "[a.]\n",
            "[a] x = 1\n",
        ] {
            assert_eq!(keys(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn keys_outside_resource_headers_are_read_whole() {
        let (ws, apis) = sample();
        let text = super::super::render(&ws).unwrap();
        assert!(Kept::cut(text.as_bytes(), &apis[0..1]).is_some());
        let inline = format!("integrations = {{}}\n{text}");
        assert!(Kept::cut(inline.as_bytes(), &apis[0..1]).is_none());
        let whole_api = format!("{text}\n[routes.{}]\nx = {{}}\n", apis[2]);
        assert!(Kept::cut(whole_api.as_bytes(), &apis[0..1]).is_none());
        let empty_api = format!("{text}\n[routes.{}]\n# none left\n", apis[2]);
        assert!(Kept::cut(empty_api.as_bytes(), &apis[0..1]).is_some());
    }

    #[test]
    fn multi_line_strings_are_read_whole() {
        assert!(outline(b"[a]\nx = \"\"\"\n[b]\n\"\"\"\n").is_none());
        assert!(outline(b"[a]\nx = 1\n[b]\n").is_some());
    }
}
