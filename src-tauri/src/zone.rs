//! The candidate's own time zone, which reminders, the Dashboard and the calendar count in.

use dossier_core::time;

/// The IANA zone of this computer: `TZ` when it names a zone (a user may run Dossier in another
/// zone than the system's), else the system's `/etc/localtime`, else UTC so that countdowns
/// still work on a machine that has no zone set.
pub fn user_zone() -> String {
    let from_env = std::env::var("TZ").ok().and_then(|tz| zone_name(&tz));
    from_env
        .or_else(|| {
            iana_time_zone::get_timezone()
                .ok()
                .and_then(|tz| zone_name(&tz))
        })
        .unwrap_or_else(|| "UTC".to_string())
}

/// `TZ` may be written `:Europe/Paris` or as a path into the zone database; a POSIX rule such
/// as `CET-1CEST` names no IANA zone and is ignored.
fn zone_name(raw: &str) -> Option<String> {
    let trimmed = raw.trim().trim_start_matches(':');
    let name = trimmed
        .rsplit_once("zoneinfo/")
        .map_or(trimmed, |(_, name)| name);
    time::zone(name).is_ok().then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_names_are_read_in_every_spelling_tz_allows() {
        assert_eq!(zone_name("Europe/Paris").as_deref(), Some("Europe/Paris"));
        assert_eq!(
            zone_name(":Asia/Singapore").as_deref(),
            Some("Asia/Singapore")
        );
        assert_eq!(
            zone_name("/usr/share/zoneinfo/America/Lima").as_deref(),
            Some("America/Lima")
        );
        assert_eq!(zone_name("CET-1CEST"), None);
        assert_eq!(zone_name(""), None);
    }
}
