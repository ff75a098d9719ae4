//! Can the candidate apply? Each rule gives pass, fail or unknown with the fact that decided it
//! and the source of the rule (DOMAIN.md, "Eligibility").
