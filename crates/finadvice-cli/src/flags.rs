//! The options every command that builds an advisor takes: `--model FILE` and `--memory FILE`.

use crate::io::{read_error, read_memory};
use crate::usage_error;
use finadvice::{AdvisorOptions, Errors};
use std::process::ExitCode;

/// `--model` and `--memory` as given on the command line.
#[derive(Default)]
pub struct AdvisorFlags {
    model: Option<String>,
    memory: Option<String>,
}

impl AdvisorFlags {
    /// Takes `flag` and the file after it when the flag is one of ours: `None` when it is not,
    /// `Some(Err(code))` with the usage error to return when its file is missing.
    pub fn take(&mut self, flag: &str, rest: &mut std::slice::Iter<'_, String>) -> Option<Result<(), ExitCode>> {
        let slot = match flag {
            "--model" => &mut self.model,
            "--memory" => &mut self.memory,
            _ => return None,
        };
        Some(match rest.next() {
            Some(file) => {
                *slot = Some(file.clone());
                Ok(())
            }
            None => Err(usage_error(&format!("{flag} needs a file"))),
        })
    }

    /// Reads the model and memory files into advisor options (errors under `/model`, `/memory`).
    pub fn options(&self) -> Result<AdvisorOptions, Errors> {
        let model = match &self.model {
            Some(p) => Some(std::fs::read(p).map_err(|e| read_error("/model", p, e))?),
            None => None,
        };
        let memory = read_memory(self.memory.as_deref())?;
        Ok(AdvisorOptions { model, memory, ..AdvisorOptions::default() })
    }
}
