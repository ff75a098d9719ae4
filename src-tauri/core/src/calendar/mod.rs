//! Calendar export (placeholder).
