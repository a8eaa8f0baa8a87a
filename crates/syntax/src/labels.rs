//! Label tables: the UPOS tags, dependency relations and feature values a
//! model knows, learned from its training data and stored in the model.
//!
//! Contract: ids are indices into a sorted list of names, so they are the
//! same on every run for the same data; `name(id)` of an unknown id is `"_"`.

use std::collections::BTreeSet;

use crate::ModelError;
use crate::io::{Reader, Writer};

/// A sorted list of label names; a label's id is its index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelSet {
    names: Vec<String>,
}

impl LabelSet {
    /// Builds the set from any names (sorted, deduplicated).
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let set: BTreeSet<&str> = names.into_iter().collect();
        LabelSet {
            names: set.into_iter().map(str::to_string).collect(),
        }
    }

    /// The id of a name.
    pub fn id(&self, name: &str) -> Option<u16> {
        self.names
            .binary_search_by(|n| n.as_str().cmp(name))
            .ok()
            .map(|i| i as u16)
    }

    /// The name of an id (`"_"` when unknown).
    pub fn name(&self, id: u16) -> &str {
        self.names.get(id as usize).map_or("_", String::as_str)
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.strs(&self.names);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, ModelError> {
        let names = r.strs()?;
        if names.windows(2).any(|w| w[0] >= w[1]) || names.len() > usize::from(u16::MAX) {
            return Err(ModelError::Corrupt("label table not sorted"));
        }
        Ok(LabelSet { names })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_sorted_indices() {
        let l = LabelSet::from_names(["obj", "nsubj", "obj", "acl:relcl"]);
        assert_eq!(l.len(), 3);
        assert_eq!(l.id("acl:relcl"), Some(0));
        assert_eq!(l.name(2), "obj");
        assert_eq!(l.name(9), "_");
        assert_eq!(l.id("x"), None);
    }
}
