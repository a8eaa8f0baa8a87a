//! Reading: clustered events, figures, documents.

use rusqlite::{ToSql, params};
use serde::Serialize;
use vigie_core::{Date, Event, EventSource, Figure};

use crate::{Error, Result, Store};

/// Filters of `vigie events`. Every field left `None` lets everything through.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Events whose date interval reaches this day or later.
    pub from: Option<Date>,
    /// Events whose date interval starts on this day or earlier.
    pub to: Option<Date>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Case-insensitive substring of actor1 or actor2.
    pub actor: Option<String>,
    /// ACLED sub-event type or event type (case-insensitive, exact).
    pub event_type: Option<String>,
    /// West, south, east, north in degrees.
    pub bbox: Option<[f64; 4]>,
    pub claimed: Option<bool>,
    pub limit: Option<usize>,
}

/// A clustered event with what exports need beyond the record.
#[derive(Debug, Clone)]
pub struct ClusteredEvent {
    /// The event record: the cluster's folded fields, `sources` and `source_count` filled.
    pub event: Event,
    /// The cluster's row number (stable within one store).
    pub number: i64,
    /// Unix seconds of the last change.
    pub updated: i64,
    /// One entry per source document: the URL's host when known, else the document id.
    pub outlets: Vec<String>,
}

/// Filters of `vigie figures`.
#[derive(Debug, Clone, Default)]
pub struct FigureFilter {
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Case-insensitive substring of the subject.
    pub subject: Option<String>,
    /// killed, injured, missing, displaced, detained.
    pub what: Option<String>,
    /// Case-insensitive substring of the source.
    pub source: Option<String>,
    pub limit: Option<usize>,
}

/// Filters of `vigie docs`.
#[derive(Debug, Clone, Default)]
pub struct DocFilter {
    /// Only this document id.
    pub id: Option<String>,
    /// Only documents with at least one duplicate link.
    pub linked_only: bool,
    pub limit: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocLink {
    /// The other document's id.
    pub doc: String,
    /// exact, near_duplicate, partial.
    pub kind: String,
    pub jaccard: f64,
    /// Shared shingles over the smaller document's shingles.
    pub overlap: f64,
    /// True when the other document was stored first.
    pub earlier: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocRow {
    pub id: String,
    pub origin: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub lang: String,
    pub content_hash: String,
    pub events: u64,
    pub figures: u64,
    pub run: i64,
    pub run_status: String,
    pub links: Vec<DocLink>,
}

/// An input that a run skipped or failed on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IssueRow {
    pub run: i64,
    pub origin: String,
    pub status: String,
    pub reason: String,
}

fn outlet(url: Option<&str>, doc: &str) -> String {
    url.and_then(|u| {
        let rest = u.split_once("://").map_or(u, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next()?;
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host = host.split(':').next()?;
        let host = host.strip_prefix("www.").unwrap_or(host);
        (!host.is_empty()).then(|| host.to_lowercase())
    })
    .unwrap_or_else(|| doc.to_string())
}

impl Store {
    /// Clustered events matching `f`, ordered by start date (undated last), then cluster.
    pub fn events(&self, f: &EventFilter) -> Result<Vec<ClusteredEvent>> {
        let mut sql = String::from("SELECT rowid, record, updated FROM clusters WHERE 1=1");
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(d) = f.from {
            sql.push_str(" AND date_end >= ?");
            args.push(Box::new(d.to_string()));
        }
        if let Some(d) = f.to {
            sql.push_str(" AND date_start <= ?");
            args.push(Box::new(d.to_string()));
        }
        if let Some(c) = &f.country {
            sql.push_str(" AND country = ? COLLATE NOCASE");
            args.push(Box::new(c.clone()));
        }
        if let Some(a) = &f.actor {
            let n = args.len() + 1;
            sql.push_str(&format!(
                " AND (instr(lower(actor1), lower(?{n})) > 0 OR instr(lower(actor2), lower(?{n})) > 0)"
            ));
            args.push(Box::new(a.clone()));
        }
        if let Some(t) = &f.event_type {
            let n = args.len() + 1;
            sql.push_str(&format!(
                " AND (sub_event_type = ?{n} COLLATE NOCASE OR event_type = ?{n} COLLATE NOCASE)"
            ));
            args.push(Box::new(t.clone()));
        }
        if let Some([w, s, e, n]) = f.bbox {
            if !(w <= e && s <= n) {
                return Err(Error::Filter(format!(
                    "bbox {w},{s},{e},{n}: want W,S,E,N with W<=E and S<=N"
                )));
            }
            sql.push_str(" AND lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?");
            args.extend([w, e, s, n].map(|v| Box::new(v) as Box<dyn ToSql>));
        }
        if let Some(c) = f.claimed {
            sql.push_str(" AND claimed = ?");
            args.push(Box::new(c));
        }
        // The cluster id, not the row number: rows are numbered in arrival
        // order, ids depend only on the members.
        sql.push_str(" ORDER BY date_start IS NULL, date_start, id");
        if let Some(l) = f.limit {
            sql.push_str(&format!(" LIMIT {l}"));
        }
        let conn = self.connection();
        let mut stmt = conn.prepare(&sql)?;
        let params: Vec<&dyn ToSql> = args.iter().map(|b| b.as_ref()).collect();
        let rows: Vec<(i64, String, i64)> = stmt
            .query_map(params.as_slice(), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut src = conn.prepare_cached(
            "SELECT d.id, d.url, e.record FROM events e JOIN documents d ON d.rowid = e.doc
             WHERE e.cluster = ?1 ORDER BY d.id, e.seq",
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for (number, record, updated) in rows {
            let mut event: Event = serde_json::from_str(&record)?;
            let mut outlets: Vec<String> = Vec::new();
            for row in src.query_map([number], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })? {
                let (doc, url, rec) = row?;
                let report: Event = serde_json::from_str(&rec)?;
                let o = outlet(url.as_deref(), &doc);
                if !outlets.contains(&o) {
                    outlets.push(o);
                }
                event.sources.push(EventSource {
                    doc,
                    evidence: report.evidence,
                    claimed: report.claimed,
                });
            }
            out.push(ClusteredEvent {
                event,
                number,
                updated,
                outlets,
            });
        }
        Ok(out)
    }

    /// Figures matching `f` as time series: ordered by subject, source, what, date.
    pub fn figures(&self, f: &FigureFilter) -> Result<Vec<Figure>> {
        let mut sql = String::from("SELECT record FROM figures WHERE 1=1");
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(d) = f.from {
            sql.push_str(" AND as_of >= ?");
            args.push(Box::new(d.to_string()));
        }
        if let Some(d) = f.to {
            sql.push_str(" AND as_of <= ?");
            args.push(Box::new(d.to_string()));
        }
        if let Some(s) = &f.subject {
            sql.push_str(" AND instr(lower(subject), lower(?)) > 0");
            args.push(Box::new(s.clone()));
        }
        if let Some(w) = &f.what {
            sql.push_str(" AND what = ? COLLATE NOCASE");
            args.push(Box::new(w.clone()));
        }
        if let Some(s) = &f.source {
            sql.push_str(" AND instr(lower(source), lower(?)) > 0");
            args.push(Box::new(s.clone()));
        }
        sql.push_str(" ORDER BY subject, source, what, as_of, doc, seq");
        if let Some(l) = f.limit {
            sql.push_str(&format!(" LIMIT {l}"));
        }
        let conn = self.connection();
        let mut stmt = conn.prepare(&sql)?;
        let params: Vec<&dyn ToSql> = args.iter().map(|b| b.as_ref()).collect();
        let records: Vec<String> = stmt
            .query_map(params.as_slice(), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        records
            .iter()
            .map(|r| Ok(serde_json::from_str(r)?))
            .collect()
    }

    /// Stored documents with their duplicate links and the status of the run that stored them.
    pub fn docs(&self, f: &DocFilter) -> Result<Vec<DocRow>> {
        let conn = self.connection();
        let mut sql = String::from(
            "SELECT d.rowid, d.id, d.origin, d.title, d.url, d.published, d.lang, d.content_hash, d.run, r.status,
                    (SELECT count(*) FROM events e WHERE e.doc = d.rowid),
                    (SELECT count(*) FROM figures g WHERE g.doc = d.rowid)
             FROM documents d JOIN runs r ON r.id = d.run WHERE (?1 IS NULL OR d.id = ?1)",
        );
        if f.linked_only {
            sql.push_str(
                " AND (EXISTS (SELECT 1 FROM doc_links l WHERE l.a = d.rowid)
                       OR EXISTS (SELECT 1 FROM doc_links l WHERE l.b = d.rowid))",
            );
        }
        sql.push_str(" ORDER BY d.rowid");
        if let Some(l) = f.limit {
            sql.push_str(&format!(" LIMIT {l}"));
        }
        let mut stmt = conn.prepare(&sql)?;
        let mut links = conn.prepare_cached(
            "SELECT o.id, l.kind, l.jaccard, l.overlap, 1 FROM doc_links l JOIN documents o ON o.rowid = l.a
             WHERE l.b = ?1
             UNION ALL
             SELECT o.id, l.kind, l.jaccard, l.overlap, 0 FROM doc_links l JOIN documents o ON o.rowid = l.b
             WHERE l.a = ?1",
        )?;
        let rows = stmt
            .query_map(params![f.id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    DocRow {
                        id: r.get(1)?,
                        origin: r.get(2)?,
                        title: r.get(3)?,
                        url: r.get(4)?,
                        published: r.get(5)?,
                        lang: r.get(6)?,
                        content_hash: r.get(7)?,
                        run: r.get(8)?,
                        run_status: r.get(9)?,
                        events: r.get::<_, i64>(10)? as u64,
                        figures: r.get::<_, i64>(11)? as u64,
                        links: Vec::new(),
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (rowid, mut row) in rows {
            row.links = links
                .query_map([rowid], |r| {
                    Ok(DocLink {
                        doc: r.get(0)?,
                        kind: r.get(1)?,
                        jaccard: r.get(2)?,
                        overlap: r.get(3)?,
                        earlier: r.get::<_, i64>(4)? == 1,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            out.push(row);
        }
        Ok(out)
    }

    /// Inputs that runs skipped or failed on (all runs, or one).
    pub fn issues(&self, run: Option<i64>) -> Result<Vec<IssueRow>> {
        let conn = self.connection();
        let mut stmt = conn.prepare(
            "SELECT run, origin, status, reason FROM run_issues WHERE (?1 IS NULL OR run = ?1) ORDER BY rowid",
        )?;
        let rows = stmt
            .query_map([run], |r| {
                Ok(IssueRow {
                    run: r.get(0)?,
                    origin: r.get(1)?,
                    status: r.get(2)?,
                    reason: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::outlet;

    #[test]
    fn outlet_is_the_host() {
        assert_eq!(
            outlet(Some("https://www.Example.org/a/b?c"), "d1"),
            "example.org"
        );
        assert_eq!(
            outlet(Some("http://user@news.example:8080/x"), "d1"),
            "news.example"
        );
        assert_eq!(outlet(None, "d1"), "d1");
        assert_eq!(outlet(Some(""), "d1"), "d1");
    }
}
