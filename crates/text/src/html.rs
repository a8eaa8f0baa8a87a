//! HTML to the article's main text, title and publication date.
//!
//! One iterative walk over the parsed tree (no recursion: a page nested
//! 100,000 levels deep is walked like any other). What counts as boilerplate
//! is data (`resources/html/boilerplate.tsv`).

use std::collections::HashSet;

use scraper::{Html, Node};
use vigie_core::Date;
use vigie_resources::{Resources, data_lines};

use crate::Error;

/// An article extracted from HTML.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HtmlArticle {
    /// Main text, paragraphs separated by a blank line.
    pub text: String,
    pub title: Option<String>,
    pub published: Option<Date>,
}

/// Elements whose end starts a new paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

#[derive(Debug, Clone)]
pub struct HtmlExtractor {
    drop_elements: HashSet<String>,
    drop_tokens: HashSet<String>,
    drop_roles: HashSet<String>,
}

impl HtmlExtractor {
    pub fn from_resources(r: &Resources) -> Result<Self, Error> {
        const PATH: &str = "html/boilerplate.tsv";
        let text = r.require(PATH)?;
        let mut x = HtmlExtractor {
            drop_elements: HashSet::new(),
            drop_tokens: HashSet::new(),
            drop_roles: HashSet::new(),
        };
        let mut errors = Vec::new();
        for (line, l) in data_lines(&text) {
            match l.split_once('\t') {
                Some(("element", v)) => x.drop_elements.insert(v.trim().to_ascii_lowercase()),
                Some(("token", v)) => x.drop_tokens.insert(v.trim().to_ascii_lowercase()),
                Some(("role", v)) => x.drop_roles.insert(v.trim().to_ascii_lowercase()),
                _ => {
                    errors.push(format!(
                        "{PATH}:{line}: expected `element|token|role<TAB>value`"
                    ));
                    false
                }
            };
        }
        if errors.is_empty() {
            Ok(x)
        } else {
            Err(Error::Data(errors))
        }
    }

    fn is_boilerplate(&self, el: &scraper::node::Element) -> bool {
        if self.drop_elements.contains(el.name()) {
            return true;
        }
        if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
            return true;
        }
        if let Some(role) = el.attr("role") {
            if self.drop_roles.contains(&role.to_ascii_lowercase()) {
                return true;
            }
        }
        for attr in ["class", "id"] {
            if let Some(v) = el.attr(attr) {
                let hit = v
                    .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                    .any(|t| !t.is_empty() && self.drop_tokens.contains(&t.to_ascii_lowercase()));
                if hit {
                    return true;
                }
            }
        }
        false
    }

    /// Extracts the main text, title and date. Never fails: a page with no
    /// text gives an empty `text`.
    pub fn extract(&self, html: &str) -> HtmlArticle {
        let doc = Html::parse_document(html);
        let mut meta = Meta::default();
        // Pass 1: metadata from the whole page, and whether it has <article>/<main>.
        let mut has_article = false;
        let mut has_main = false;
        let mut in_title = false;
        let mut title_text = String::new();
        let mut in_ld_json = false;
        for edge in doc.tree.root().traverse() {
            match edge {
                ego_tree_edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        match el.name() {
                            "article" => has_article = true,
                            "main" => has_main = true,
                            "title" => in_title = true,
                            "meta" => meta.read_meta(el),
                            "time" if meta.time.is_none() => {
                                meta.time = el.attr("datetime").and_then(parse_date);
                            }
                            "script" => {
                                in_ld_json = el
                                    .attr("type")
                                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                            }
                            _ => {}
                        }
                        if el.attr("itemprop") == Some("datePublished") && meta.itemprop.is_none() {
                            meta.itemprop = el
                                .attr("content")
                                .or(el.attr("datetime"))
                                .and_then(parse_date);
                        }
                    }
                    Node::Text(t) if in_title => title_text.push_str(t),
                    Node::Text(t) if in_ld_json && meta.json_ld.is_none() => {
                        meta.json_ld = json_ld_date(t)
                    }
                    _ => {}
                },
                ego_tree_edge::Close(node) => {
                    if let Node::Element(el) = node.value() {
                        match el.name() {
                            "title" => in_title = false,
                            "script" => in_ld_json = false,
                            _ => {}
                        }
                    }
                }
            }
        }
        let root_name = if has_article {
            "article"
        } else if has_main {
            "main"
        } else {
            "body"
        };
        let text = self.main_text(&doc, root_name);
        let title = meta
            .og_title
            .clone()
            .or_else(|| Some(collapse_ws(&title_text)))
            .filter(|t| !t.is_empty());
        HtmlArticle {
            text,
            title,
            published: meta
                .published_time
                .or(meta.json_ld)
                .or(meta.itemprop)
                .or(meta.time),
        }
    }

    /// Text of every `root_name` element, boilerplate dropped, paragraphs kept.
    fn main_text(&self, doc: &Html, root_name: &str) -> String {
        let mut out = String::new();
        let mut inside_root = 0usize; // depth of nested root elements we are in
        let mut skipping = 0usize; // depth inside dropped subtrees
        let mut para = String::new();
        for edge in doc.tree.root().traverse() {
            match edge {
                ego_tree_edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        if skipping > 0 {
                            skipping += 1;
                            continue;
                        }
                        if self.is_boilerplate(el) {
                            skipping = 1;
                            continue;
                        }
                        if el.name() == root_name {
                            inside_root += 1;
                        }
                        if inside_root > 0 && el.name() == "br" {
                            flush(&mut para, &mut out, "\n");
                        }
                    }
                    Node::Text(t) if skipping == 0 && inside_root > 0 => para.push_str(t),
                    _ => {}
                },
                ego_tree_edge::Close(node) => {
                    if let Node::Element(el) = node.value() {
                        if skipping > 0 {
                            skipping -= 1;
                            continue;
                        }
                        if inside_root > 0 && BLOCKS.contains(&el.name()) {
                            flush(&mut para, &mut out, "\n\n");
                        }
                        if el.name() == root_name {
                            inside_root = inside_root.saturating_sub(1);
                        }
                    }
                }
            }
        }
        flush(&mut para, &mut out, "\n\n");
        out.truncate(out.trim_end().len());
        out
    }
}

// scraper re-exports ego_tree's traversal edges.
mod ego_tree_edge {
    pub use ego_tree::iter::Edge::{Close, Open};
}

/// Ends the current paragraph: its text, whitespace folded, then `sep`.
fn flush(para: &mut String, out: &mut String, sep: &str) {
    let p = collapse_ws(para);
    para.clear();
    if p.is_empty() {
        return;
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(sep);
    }
    out.push_str(&p);
    out.push_str(sep);
}

fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[derive(Default)]
struct Meta {
    og_title: Option<String>,
    published_time: Option<Date>,
    json_ld: Option<Date>,
    itemprop: Option<Date>,
    time: Option<Date>,
}

impl Meta {
    fn read_meta(&mut self, el: &scraper::node::Element) {
        let key = el
            .attr("property")
            .or(el.attr("name"))
            .unwrap_or("")
            .to_ascii_lowercase();
        let Some(content) = el.attr("content") else {
            return;
        };
        match key.as_str() {
            "og:title" | "twitter:title" if self.og_title.is_none() => {
                let t = collapse_ws(content);
                if !t.is_empty() {
                    self.og_title = Some(t);
                }
            }
            "article:published_time"
            | "og:published_time"
            | "datepublished"
            | "pubdate"
            | "publishdate"
            | "date"
            | "dc.date.issued"
            | "dc.date"
            | "sailthru.date"
            | "parsely-pub-date"
                if self.published_time.is_none() =>
            {
                self.published_time = parse_date(content);
            }
            _ => {}
        }
    }
}

/// `2024-01-07`, `2024-01-07T10:00:00Z` and similar: the calendar day written.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let day = s.get(..10)?;
    day.parse::<Date>().ok()
}

/// `datePublished` anywhere in a JSON-LD block (objects, arrays, @graph).
fn json_ld_date(text: &str) -> Option<Date> {
    let v: serde_json::Value = serde_json::from_str(text.trim()).ok()?;
    let mut stack = vec![&v];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(d) = m
                    .get("datePublished")
                    .and_then(|d| d.as_str())
                    .and_then(parse_date)
                {
                    return Some(d);
                }
                stack.extend(m.values());
            }
            serde_json::Value::Array(a) => stack.extend(a.iter()),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex() -> HtmlExtractor {
        HtmlExtractor::from_resources(&Resources::embedded()).unwrap()
    }

    #[test]
    fn keeps_article_drops_furniture() {
        let html = r#"<html><head><title>Site | Frappe</title>
            <meta property="og:title" content="Frappe de drone sur une base">
            <meta property="article:published_time" content="2024-02-03T08:15:00+00:00">
            <script>var x = "not text";</script><style>p{}</style></head>
            <body><nav>Accueil Monde</nav><header>Logo</header>
            <div class="cookie-banner">Nous utilisons des cookies</div>
            <article><h1>Frappe de drone</h1><p>Premier  paragraphe
            sur deux lignes.</p><div class="share-buttons">Partager</div><p>Second<br>paragraphe.</p></article>
            <aside>Lire aussi</aside><footer>© 2024</footer></body></html>"#;
        let a = ex().extract(html);
        assert_eq!(
            a.text,
            "Frappe de drone\n\nPremier paragraphe sur deux lignes.\n\nSecond\nparagraphe."
        );
        assert_eq!(a.title.as_deref(), Some("Frappe de drone sur une base"));
        assert_eq!(a.published, Some(jiff::civil::date(2024, 2, 3)));
    }

    #[test]
    fn json_ld_and_time_dates() {
        let html = r#"<html><head><title> T </title><script type="application/ld+json">
            {"@graph":[{"@type":"NewsArticle","datePublished":"2023-10-23T11:00:00Z"}]}</script></head>
            <body><p>Text.</p></body></html>"#;
        let a = ex().extract(html);
        assert_eq!(a.published, Some(jiff::civil::date(2023, 10, 23)));
        assert_eq!(a.title.as_deref(), Some("T"));
        let html = r#"<body><time datetime="2024-05-01">1 May</time><p>Body text.</p></body>"#;
        assert_eq!(
            ex().extract(html).published,
            Some(jiff::civil::date(2024, 5, 1))
        );
    }

    #[test]
    fn body_without_article() {
        let a = ex().extract("<body><div>One.</div><div>Two.</div></body>");
        assert_eq!(a.text, "One.\n\nTwo.");
    }
}
