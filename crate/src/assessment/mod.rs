//! Measured results judged against the sources' targets (SPEC 3). Being written.
