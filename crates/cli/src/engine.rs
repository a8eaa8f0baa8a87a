//! Builds the pipeline engine with every stage the binary ships.

use vigie_pipeline::{Config, Engine};

pub fn load(config: &Config) -> anyhow::Result<Engine> {
    Ok(Engine::load(config)?)
}
