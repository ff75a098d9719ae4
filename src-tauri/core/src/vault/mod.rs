//! The document vault: scans stored once by content hash, written atomically, with the rules on
//! what they prove and when they go stale.
