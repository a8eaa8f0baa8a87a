//! Helpers shared by the CLI test files (each test file is its own crate and
//! uses a part of them).
#![allow(dead_code)]

use std::process::Command;

use serde_json::Value;

/// The `vigie` binary under test.
pub fn vigie() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vigie"))
}

/// The (origin, reason) pairs of a run report's list `key` ("skipped",
/// "failed", "warnings").
pub fn report_entries(report: &Value, key: &str) -> Vec<(String, String)> {
    report[key]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| {
                    (
                        e["origin"].as_str().unwrap_or("").to_string(),
                        e["reason"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}
