//! Shared by the test articles of this crate: the engine with the bundled
//! resources, loaded once, and one article's extraction.

use std::sync::OnceLock;

use vigie_core::{Date, DocMeta, Lang, PublishedSource};
use vigie_pipeline::{Config, Engine, Extraction};

pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::load(&Config::default()).unwrap_or_else(|e| panic!("{e}")))
}

/// The extraction of one article in `lang` published on 2025-03-10.
pub fn extract(lang: &str, text: &str) -> Extraction {
    let published: Date = "2025-03-10".parse().unwrap_or_else(|e| panic!("{e:?}"));
    let meta = DocMeta {
        id: "test-article".into(),
        origin: "test-article".into(),
        published: Some(published),
        published_source: PublishedSource::Metadata,
        lang: Some(Lang::new(lang)),
        ..DocMeta::default()
    };
    let e = engine();
    e.extract(&e.prepare(meta, text.to_string()))
}
