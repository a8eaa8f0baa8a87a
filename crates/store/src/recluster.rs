//! Order-free clusters in the store (docs/store.md, "Event clusters").
//!
//! The clusters of a store are a function of the set of its event records:
//! a batch records which events it added and which clusters lost events
//! ([`Pending`]); before it commits, [`recluster`] finds the neighbourhood
//! of each touched event — the whole connected component of the "can be
//! the same event" graph, through an indexed window on the events table
//! (zone, span class, start day) — and cuts it into clusters with
//! [`vigie_dedupe::complete_linkage`]. A component's clusters depend only
//! on its members, so the store ends with the same clusters whatever the
//! order and the batches its documents came in.
//!
//! Cluster ids: `cl-` and the xxh3 hash of the smallest member's key
//! (`<document id>#<event index>`, smallest by document id then index). An
//! unchanged set of members keeps its id (and its row and `updated` time);
//! a cluster whose smallest member changes (a smaller key joins, or that
//! member leaves) gets the id of its new smallest member.

use std::collections::{BTreeSet, HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension, params};
use vigie_core::{Date, Event, Location};
use vigie_dedupe::{MatchKey, Neighbours, complete_linkage, fold, match_distance, placing_rank};

use crate::{Result, now_unix};

/// Upper bounds in days of the span classes of `events.span`; a longer
/// interval is in the last class. A report's neighbours start at most
/// the class's bound before it ends, so the window query of each class is
/// a bounded range of the index.
const SPAN_CLASSES: [i64; 4] = [0, 7, 31, 366];
/// `events.zone` of a report without a place.
const NO_PLACE: &str = "-";
/// `events.zone` of a place without a country.
const NO_COUNTRY: &str = "?";

/// The columns of `events` that find a report's neighbours.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct KeyColumns {
    pub day_start: Option<i64>,
    pub day_end: Option<i64>,
    pub span: Option<i64>,
    pub zone: Option<String>,
    pub match_key: Option<String>,
}

fn day_number(d: Date) -> i64 {
    i64::from((d - Date::constant(1970, 1, 1)).get_days())
}

fn span_class(days: i64) -> i64 {
    SPAN_CLASSES
        .iter()
        .position(|&bound| days <= bound)
        .unwrap_or(SPAN_CLASSES.len()) as i64
}

fn zone(place: Option<&Location>) -> String {
    match place {
        None => NO_PLACE.into(),
        Some(l) => match &l.country {
            Some(c) => c.to_uppercase(),
            None => NO_COUNTRY.into(),
        },
    }
}

/// The neighbour-finding columns of a report (all `None` when undated:
/// undated reports are never merged).
pub(crate) fn key_columns(ev: &Event) -> Result<KeyColumns> {
    let Some(key) = MatchKey::of(ev) else {
        return Ok(KeyColumns::default());
    };
    let (start, end) = (day_number(key.start), day_number(key.end));
    Ok(KeyColumns {
        day_start: Some(start),
        day_end: Some(end),
        span: Some(span_class(end - start)),
        zone: Some(zone(ev.location.as_ref())),
        match_key: Some(serde_json::to_string(&key)?),
    })
}

/// What a batch leaves to re-cluster.
#[derive(Debug, Default)]
pub(crate) struct Pending {
    /// Events whose component must be re-clustered: the batch's new events
    /// and the remaining neighbours of the events it removed.
    pub seeds: BTreeSet<i64>,
    /// The batch's new events (for the `joined` count).
    pub new_events: HashSet<i64>,
    /// Clusters that lost events.
    pub dissolved: BTreeSet<i64>,
}

impl Pending {
    pub fn is_empty(&self) -> bool {
        self.seeds.is_empty() && self.dissolved.is_empty()
    }
}

/// What [`recluster`] changed.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Outcome {
    pub new_clusters: u64,
    pub changed_clusters: u64,
    pub removed_clusters: u64,
    /// New events placed in a cluster with other reports.
    pub joined: u64,
}

/// A report as the neighbour search sees it.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    rowid: i64,
    zone: Option<String>,
    day_start: Option<i64>,
    day_end: Option<i64>,
    key: Option<MatchKey>,
}

impl Node {
    fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Node>> {
        let key: Option<String> = r.get(4)?;
        let key = match key
            .map(|k| serde_json::from_str::<MatchKey>(&k))
            .transpose()
        {
            Ok(k) => k,
            Err(e) => return Ok(Err(e.into())),
        };
        Ok(Ok(Node {
            rowid: r.get(0)?,
            zone: r.get(1)?,
            day_start: r.get(2)?,
            day_end: r.get(3)?,
            key,
        }))
    }

    pub fn rowid(&self) -> i64 {
        self.rowid
    }
}

const NODE_COLUMNS: &str = "rowid, zone, day_start, day_end, match_key";

/// The stored report `rowid`, if it exists.
pub(crate) fn load_node(conn: &Connection, rowid: i64) -> Result<Option<Node>> {
    let node = conn
        .prepare_cached(&format!(
            "SELECT {NODE_COLUMNS} FROM events WHERE rowid = ?1"
        ))?
        .query_row([rowid], Node::from_row)
        .optional()?;
    node.transpose()
}

/// Finds reports' neighbours; remembers the zones of the store for places
/// without a country (which may match a place in any country).
#[derive(Debug, Default)]
pub(crate) struct Finder {
    all_zones: Option<Vec<String>>,
}

impl Finder {
    fn zones(&mut self, conn: &Connection, zone: &str) -> Result<Vec<String>> {
        if zone == NO_PLACE {
            return Ok(vec![NO_PLACE.into()]);
        }
        if zone != NO_COUNTRY {
            return Ok(vec![zone.into(), NO_COUNTRY.into()]);
        }
        if self.all_zones.is_none() {
            let zones = conn
                .prepare("SELECT DISTINCT zone FROM events WHERE zone IS NOT NULL AND zone <> ?1")?
                .query_map([NO_PLACE], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            self.all_zones = Some(zones);
        }
        Ok(self.all_zones.clone().unwrap_or_default())
    }

    /// The stored reports that can be `node`'s event, with the distance
    /// between the places.
    pub fn neighbours(&mut self, conn: &Connection, node: &Node) -> Result<Vec<(Node, f64)>> {
        let (Some(key), Some(zone), Some(start), Some(end)) =
            (&node.key, &node.zone, node.day_start, node.day_end)
        else {
            return Ok(Vec::new());
        };
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {NODE_COLUMNS} FROM events
             WHERE zone = ?1 AND span = ?2 AND day_start >= ?3 AND day_start <= ?4 AND day_end >= ?5"
        ))?;
        let mut out = Vec::new();
        for z in self.zones(conn, zone)? {
            for class in 0..=SPAN_CLASSES.len() {
                let earliest = SPAN_CLASSES.get(class).map_or(i64::MIN, |b| start - b);
                let rows = stmt.query_map(
                    params![z, class as i64, earliest, end, start],
                    Node::from_row,
                )?;
                for row in rows {
                    let other = row??;
                    if other.rowid == node.rowid {
                        continue;
                    }
                    let distance = other.key.as_ref().and_then(|k| match_distance(key, k));
                    if let Some(d) = distance {
                        out.push((other, d));
                    }
                }
            }
        }
        Ok(out)
    }
}

/// One member of a component being re-clustered.
struct Member {
    doc_id: String,
    seq: i64,
    event: Event,
    cluster: Option<i64>,
}

impl Member {
    fn key(&self) -> (&str, i64) {
        (&self.doc_id, self.seq)
    }
}

/// Re-clusters the components of `pending`'s events and deletes the
/// clusters left without members.
pub(crate) fn recluster(conn: &Connection, pending: &Pending, now: i64) -> Result<Outcome> {
    let mut run = Run {
        conn,
        pending,
        now,
        finder: Finder::default(),
        touched: pending.dissolved.clone(),
        claimed: HashSet::new(),
        outcome: Outcome::default(),
    };
    let mut done: HashSet<i64> = HashSet::new();
    for &seed in &pending.seeds {
        if done.contains(&seed) {
            continue;
        }
        let Some(node) = load_node(conn, seed)? else {
            continue;
        };
        let (nodes, neighbours) = run.component(node)?;
        done.extend(nodes.iter().map(|n| n.rowid));
        run.regroup(&nodes, &neighbours)?;
    }
    run.remove_empty()?;
    Ok(run.outcome)
}

/// The state of one [`recluster`] call.
struct Run<'c, 'p> {
    conn: &'c Connection,
    pending: &'p Pending,
    now: i64,
    finder: Finder,
    /// Clusters whose members were re-clustered (may be reused or left empty).
    touched: BTreeSet<i64>,
    /// Cluster rows already given to a group in this call.
    claimed: HashSet<i64>,
    outcome: Outcome,
}

impl Run<'_, '_> {
    /// The connected component of `seed` with every member's neighbours.
    fn component(&mut self, seed: Node) -> Result<(Vec<Node>, Vec<Neighbours>)> {
        let mut index: HashMap<i64, usize> = HashMap::from([(seed.rowid, 0)]);
        let mut nodes = vec![seed];
        let mut neighbours: Vec<Neighbours> = vec![Vec::new()];
        let mut next = 0;
        while next < nodes.len() {
            for (node, d) in self.finder.neighbours(self.conn, &nodes[next])? {
                let j = match index.get(&node.rowid) {
                    Some(&j) => j,
                    None => {
                        index.insert(node.rowid, nodes.len());
                        nodes.push(node);
                        neighbours.push(Vec::new());
                        nodes.len() - 1
                    }
                };
                neighbours[next].push((j, d));
            }
            next += 1;
        }
        Ok((nodes, neighbours))
    }

    fn load_member(&self, rowid: i64) -> Result<Member> {
        let (doc_id, seq, record, cluster): (String, i64, String, Option<i64>) = self
            .conn
            .prepare_cached(
                "SELECT d.id, e.seq, e.record, e.cluster FROM events e
                 JOIN documents d ON d.rowid = e.doc WHERE e.rowid = ?1",
            )?
            .query_row([rowid], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?;
        Ok(Member {
            doc_id,
            seq,
            event: serde_json::from_str(&record)?,
            cluster,
        })
    }

    /// Cuts one component into clusters and writes them.
    fn regroup(&mut self, nodes: &[Node], neighbours: &[Neighbours]) -> Result<()> {
        let members: Vec<Member> = nodes
            .iter()
            .map(|n| self.load_member(n.rowid))
            .collect::<Result<_>>()?;
        self.touched
            .extend(members.iter().filter_map(|m| m.cluster));
        let mut order: Vec<usize> = (0..members.len()).collect();
        order.sort_by(|&a, &b| {
            let (ma, mb) = (&members[a], &members[b]);
            placing_rank(&ma.event)
                .cmp(&placing_rank(&mb.event))
                .then_with(|| ma.key().cmp(&mb.key()))
        });
        for mut group in complete_linkage(&order, neighbours) {
            group.sort_by(|&a, &b| members[a].key().cmp(&members[b].key()));
            self.write_group(nodes, &members, &group)?;
        }
        Ok(())
    }

    fn write_group(&mut self, nodes: &[Node], members: &[Member], group: &[usize]) -> Result<()> {
        let Some(&first) = group.first() else {
            return Ok(());
        };
        let (rowid, id) = self.cluster_row(&members[first])?;
        let folded = fold(
            &id,
            group
                .iter()
                .map(|&i| (members[i].doc_id.as_str(), &members[i].event)),
        );
        let Some(rep) = folded else { return Ok(()) };
        let rowid = match rowid {
            Some(r) => {
                let stored: String = self.conn.query_row(
                    "SELECT record FROM clusters WHERE rowid = ?1",
                    [r],
                    |row| row.get(0),
                )?;
                if stored != serde_json::to_string(&rep)? {
                    write_cluster(self.conn, Some(r), &rep, self.now)?;
                    self.outcome.changed_clusters += 1;
                }
                r
            }
            None => {
                self.outcome.new_clusters += 1;
                write_cluster(self.conn, None, &rep, self.now)?
            }
        };
        self.claimed.insert(rowid);
        for &i in group {
            let event = nodes[i].rowid;
            if members[i].cluster != Some(rowid) {
                self.conn
                    .prepare_cached("UPDATE events SET cluster = ?1 WHERE rowid = ?2")?
                    .execute(params![rowid, event])?;
            }
            if group.len() > 1 && self.pending.new_events.contains(&event) {
                self.outcome.joined += 1;
            }
        }
        Ok(())
    }

    /// The id of the group founded by `smallest` and the row it reuses: a
    /// row with that id among the clusters being re-clustered. A row with
    /// that id elsewhere (a hash collision) is never taken over: the next
    /// `…#n` variant of the key is tried.
    fn cluster_row(&self, smallest: &Member) -> Result<(Option<i64>, String)> {
        let base = format!("{}#{}", smallest.doc_id, smallest.seq);
        let mut key = base.clone();
        for n in 1.. {
            let id = format!("cl-{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes()));
            let existing: Option<i64> = self
                .conn
                .prepare_cached("SELECT rowid FROM clusters WHERE id = ?1")?
                .query_row([&id], |r| r.get(0))
                .optional()?;
            match existing {
                None => return Ok((None, id)),
                Some(r) if self.touched.contains(&r) && !self.claimed.contains(&r) => {
                    return Ok((Some(r), id));
                }
                Some(_) => key = format!("{base}#{n}"),
            }
        }
        unreachable!("the loop above only ends by returning")
    }

    /// Deletes the touched clusters that no event belongs to any more.
    fn remove_empty(&mut self) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "DELETE FROM clusters WHERE rowid = ?1
             AND NOT EXISTS (SELECT 1 FROM events WHERE cluster = ?1)",
        )?;
        for &c in &self.touched {
            self.outcome.removed_clusters += stmt.execute([c])? as u64;
        }
        Ok(())
    }
}

/// Inserts (rowid `None`) or updates a cluster row; returns its rowid.
fn write_cluster(conn: &Connection, rowid: Option<i64>, rep: &Event, now: i64) -> Result<i64> {
    let (start, end) = match vigie_dedupe::interval(rep) {
        Some((s, e)) => (Some(s.to_string()), Some(e.to_string())),
        None => (None, None),
    };
    let loc: Option<&Location> = rep.location.as_ref();
    let record = serde_json::to_string(rep)?;
    let values = params![
        rep.id,
        start,
        end,
        rep.event_type,
        rep.sub_event_type,
        rep.actor1,
        rep.actor2,
        loc.and_then(|l| l.country.clone()),
        loc.and_then(|l| l.admin1.clone()),
        loc.map(|l| l.name.clone()),
        loc.map(|l| l.geo_precision),
        loc.and_then(|l| l.lat),
        loc.and_then(|l| l.lon),
        rep.claimed,
        rep.source_count.unwrap_or(1) as i64,
        now,
        record,
    ];
    match rowid {
        None => {
            conn.prepare_cached(
                "INSERT INTO clusters (id, date_start, date_end, event_type, sub_event_type, actor1, actor2,
                     country, admin1, location, geo_precision, lat, lon, claimed, source_count, updated, record)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            )?
            .execute(values)?;
            Ok(conn.last_insert_rowid())
        }
        Some(r) => {
            let mut stmt = conn.prepare_cached(
                "UPDATE clusters SET id = ?1, date_start = ?2, date_end = ?3, event_type = ?4,
                     sub_event_type = ?5, actor1 = ?6, actor2 = ?7, country = ?8, admin1 = ?9, location = ?10,
                     geo_precision = ?11, lat = ?12, lon = ?13, claimed = ?14, source_count = ?15,
                     updated = ?16, record = ?17
                 WHERE rowid = ?18",
            )?;
            let mut all: Vec<&dyn rusqlite::ToSql> = values.to_vec();
            all.push(&r);
            stmt.execute(all.as_slice())?;
            Ok(r)
        }
    }
}

/// Completes the migration to schema 3: fills the neighbour columns of
/// every stored event and re-clusters the whole store by the order-free
/// rule (clusters made by earlier versions depended on arrival order).
pub(crate) fn rebuild_all(conn: &Connection) -> Result<()> {
    let rows: Vec<(i64, String)> = conn
        .prepare("SELECT rowid, record FROM events ORDER BY rowid")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut pending = Pending::default();
    for (rowid, record) in rows {
        let ev: Event = serde_json::from_str(&record)?;
        let k = key_columns(&ev)?;
        conn.prepare_cached(
            "UPDATE events SET day_start = ?1, day_end = ?2, span = ?3, zone = ?4, match_key = ?5
             WHERE rowid = ?6",
        )?
        .execute(params![
            k.day_start,
            k.day_end,
            k.span,
            k.zone,
            k.match_key,
            rowid
        ])?;
        pending.seeds.insert(rowid);
    }
    pending.dissolved = conn
        .prepare("SELECT rowid FROM clusters")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    recluster(conn, &pending, now_unix())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_classes_bound_the_window() {
        assert_eq!(span_class(0), 0);
        assert_eq!(span_class(1), 1);
        assert_eq!(span_class(7), 1);
        assert_eq!(span_class(8), 2);
        assert_eq!(span_class(366), 3);
        assert_eq!(span_class(5000), 4);
        assert_eq!(day_number(Date::constant(1970, 1, 2)), 1);
        assert_eq!(day_number(Date::constant(1969, 12, 31)), -1);
    }
}
