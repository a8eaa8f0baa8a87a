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
    /// Element nesting depth of the page when it exceeded
    /// [`MAX_NESTING_DEPTH`]: the elements below that depth were dropped
    /// (their text kept) before parsing.
    pub flattened_depth: Option<usize>,
}

/// Deepest element nesting parsed as written. Real pages stay under 100
/// levels; the HTML parser's cost grows with depth for every element, so a
/// page nested 100,000 deep would take minutes.
pub const MAX_NESTING_DEPTH: usize = 512;

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
        let flattened = limit_nesting(html, MAX_NESTING_DEPTH);
        let (html, flattened_depth) = match &flattened {
            Some((page, depth)) => (page.as_str(), Some(*depth)),
            None => (html, None),
        };
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
            flattened_depth,
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

/// Elements that hold no children.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements the parser closes by itself when a sibling opens ("<p>a<p>b",
/// "<li>"): not counted as nesting, or a page of unclosed paragraphs would
/// look deep.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "rb",
    "rt", "rp", "colgroup",
];
/// Elements whose content is raw text: tags inside them are not tags.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// One linear pass over the markup: when elements nest deeper than `max`,
/// the page with every tag below that depth removed (text kept) and the
/// deepest nesting seen; `None` for an ordinary page, which is parsed as
/// written. A lexical approximation of the parser's stack (comments and
/// raw-text elements skipped, void and self-closing elements not counted),
/// good enough to bound depth without changing ordinary pages.
fn limit_nesting(html: &str, max: usize) -> Option<(String, usize)> {
    let b = html.as_bytes();
    // Cheap refusal: a page with fewer tags than `max` cannot be too deep.
    if b.iter().filter(|&&c| c == b'<').count() <= max {
        return None;
    }
    let mut out: Option<String> = None;
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut copied = 0usize; // bytes of `html` already handled when rewriting
    let mut i = 0usize;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let start = i + off;
        let rest = &b[start..];
        if rest.starts_with(b"<!--") {
            i = find_ascii_ci(b, start + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_at = start + 1 + usize::from(closing);
        let name_len = b[name_at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !b[name_at].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = html[name_at..name_at + name_len].to_ascii_lowercase();
        let end = tag_end(b, name_at + name_len);
        let self_closed = end >= 2 && b[end - 2] == b'/';
        let counted = !VOID.contains(&name.as_str())
            && !SELF_CLOSING_SIBLINGS.contains(&name.as_str())
            && !self_closed;
        let mut drop_tag = false;
        if closing {
            if counted {
                drop_tag = depth > max;
                depth = depth.saturating_sub(1);
            }
        } else if counted {
            depth += 1;
            deepest = deepest.max(depth);
            drop_tag = depth > max;
        }
        if drop_tag {
            let page = out.get_or_insert_with(|| String::with_capacity(html.len()));
            page.push_str(&html[copied..start]);
            copied = end;
        }
        i = end;
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            // skip to the matching end tag, whatever it contains
            let close = format!("</{name}");
            i = find_ascii_ci(b, i, close.as_bytes()).unwrap_or(b.len());
        }
    }
    let mut page = out?;
    page.push_str(&html[copied..]);
    Some((page, deepest))
}

fn find_ascii_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// Index just past the `>` that ends a tag whose name ends at `from`
/// (quoted attribute values may hold `>`).
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (k, &c) in b[from..].iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return from + k + 1,
            None => {}
        }
    }
    b.len()
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
    fn deep_nesting_is_flattened_and_keeps_its_text() {
        let depth = 5_000;
        let page = format!(
            "<html><body><!-- <div> --><script>if (a<b) {{ x('<div>'); }}</script>{}<p>Texte profond.</p>{}<p>Après.</p></body></html>",
            "<div class='x>y'>".repeat(depth),
            "</div>".repeat(depth)
        );
        let a = ex().extract(&page);
        // <html> and <body> count too
        assert_eq!(a.flattened_depth, Some(depth + 2));
        assert!(a.text.contains("Texte profond."), "{}", a.text);
        assert!(a.text.contains("Après."), "{}", a.text);
        assert!(!a.text.contains("if (a"), "{}", a.text);
        let (flat, deepest) = limit_nesting(&page, MAX_NESTING_DEPTH).unwrap();
        assert_eq!(deepest, depth + 2);
        assert_eq!(flat.matches("<div class").count(), MAX_NESTING_DEPTH - 2);
        assert_eq!(flat.matches("</div>").count(), MAX_NESTING_DEPTH - 2);
    }

    #[test]
    fn ordinary_pages_are_parsed_as_written() {
        // many unclosed paragraphs and list items are not nesting
        let page = format!(
            "<html><body><ul>{}</ul>{}</body></html>",
            "<li>point".repeat(2_000),
            "<p>paragraphe<br>".repeat(2_000)
        );
        assert_eq!(limit_nesting(&page, MAX_NESTING_DEPTH), None);
        assert_eq!(ex().extract(&page).flattened_depth, None);
    }

    #[test]
    fn body_without_article() {
        let a = ex().extract("<body><div>One.</div><div>Two.</div></body>");
        assert_eq!(a.text, "One.\n\nTwo.");
    }
}
